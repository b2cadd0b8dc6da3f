"""Saved government web pages in: main content only, GBK decoded, findings traced to the source line."""
from __future__ import annotations

import pytest

from govproof.api import check_document, check_text
from govproof.config import Config
from govproof.loaders import LoadError, load_bytes

CONFIG = Config(select=("S1",))

PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>关于做好信息报送工作的通知_某某市人民政府</title>
<script type="text/javascript">var tip = "按排";</script>
<style>.nav { color: red }</style>
</head>
<body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a></div>
<div class="nav"><ul><li><a href="/a">机构概况</a></li><li><a href="/b">政策文件</a></li><li><a href="/c">值班按排</a></li></ul></div>
<div class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>
<div class="main">
  <div class="info">发布时间：2024-03-01　来源：市政府办公室</div>
  <div id="zoom" class="TRS_Editor">
    <p>各区人民政府，市政府各部门：</p>
    <p>　　为做好政府信息公开工作，现将有关事项通知如下。</p>
    <p>　　一、请各单位按排专人负责信息报送，确保信息及时、准确发布。
    各单位要加强组织领导，明确责任&nbsp;分工。</p>
    <p>　　二、做好人大代表侯选人推荐工作的信息公开。</p>
    <p>　　三、本通知自印发之日起施行。</p>
  </div>
  <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
</div>
<div class="footer">主办单位：某某市人民政府办公室　版权所有<br/>值班按排电话：12345</div>
</body>
</html>
"""

EXPECTED = "\n".join([
    "关于做好信息报送工作的通知",
    "各区人民政府，市政府各部门：",
    "为做好政府信息公开工作，现将有关事项通知如下。",
    "一、请各单位按排专人负责信息报送，确保信息及时、准确发布。各单位要加强组织领导，明确责任 分工。",
    "二、做好人大代表侯选人推荐工作的信息公开。",
    "三、本通知自印发之日起施行。",
])


def _source_line(marker: str) -> int:
    return PAGE[:PAGE.index(marker)].count("\n") + 1


def test_gbk_page_gives_title_and_main_content_only():
    doc = load_bytes(PAGE.encode("gbk"), "notice.html")
    assert doc.encoding == "gb18030"
    assert doc.text == EXPECTED  # no menu, breadcrumb, share bar, footer or script


def test_same_findings_as_the_text_with_source_lines():
    doc = load_bytes(PAGE.encode("gbk"), "notice.html")
    findings = check_document(doc, CONFIG)
    assert [(f.code, f.start, f.text) for f in findings] == \
           [(f.code, f.start, f.text) for f in check_text(EXPECTED, CONFIG)]
    assert [(f.text, f.location["source_line"], f.location["paragraph"]) for f in findings] == [
        ("按排", _source_line("请各单位按排"), 4), ("侯选人", _source_line("侯选人推荐"), 5)]


def test_title_line_and_lines_inside_a_paragraph():
    doc = load_bytes(PAGE.encode("gbk"), "notice.html")
    assert doc.location(0)["source_line"] == _source_line("<title>")
    second_line = doc.text.index("各单位要加强")
    assert doc.location(second_line)["source_line"] == _source_line("    各单位要加强")


@pytest.mark.parametrize("data, encoding", [
    (PAGE.replace("charset=gb2312", "charset=utf-8").encode("utf-8"), "utf-8"),
    (PAGE.encode("utf-8"), "utf-8"),  # declares gb2312 but is UTF-8, as many pages do
    (PAGE.replace('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />', "").encode("gbk"),
     "gb18030"),  # no declaration: detected
    (PAGE.replace("charset=gb2312", "charset=iso-8859-1").encode("gbk"), "gb18030"),  # a Western charset decodes
])                                                                                      # anything: detected instead
def test_charset_declared_wrong_or_missing(data, encoding):
    doc = load_bytes(data, "page.htm")
    assert doc.encoding == encoding
    assert doc.text == EXPECTED


def test_line_break_inside_a_chinese_word_is_not_a_space():
    page = "<html><body><div><p>请各单位按\n排专人负责信息报送，确保信息及时、准确发布，并做好归档。</p></div></body></html>"
    doc = load_bytes(page.encode("utf-8"), "p.html")
    assert doc.text == "请各单位按排专人负责信息报送，确保信息及时、准确发布，并做好归档。"
    assert [f.text for f in check_document(doc, CONFIG)] == ["按排"]


def test_short_page_without_a_content_block_keeps_its_text():
    doc = load_bytes("<p>按排专人</p>".encode("utf-8"), "short.shtml")
    assert doc.text == "按排专人"


def test_empty_and_undecodable_pages_are_errors():
    with pytest.raises(LoadError, match="网页是空的"):
        load_bytes(b"   ", "blank.html")
    with pytest.raises(LoadError, match="网页文字无法解码"):
        load_bytes(b"\x00\x01\x02" * 100, "binary.html")


def test_suppression_comments_in_the_page_still_apply():
    page = PAGE.replace("确保信息及时、准确发布。", "确保信息及时、准确发布。<!-- govproof: ignore S101 -->")
    doc = load_bytes(page.encode("gbk"), "notice.html")
    assert [f.text for f in check_document(doc, CONFIG)] == ["侯选人"]
    whole = PAGE.replace("<head>", "<head><!-- govproof: ignore-file S101 -->")
    assert check_document(load_bytes(whole.encode("gbk"), "notice.html"), CONFIG) == []


# An older county site: layout tables, <font>/<b> for the heading, links in a side column, no CSS classes.
OLD_PAGE = '''<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>某某县人民政府--通知公告</title></head>
<body><table width="100%"><tr><td><img src="banner.jpg"></td></tr>
<tr><td><a href="/">首页</a>|<a href="/a">政务公开</a>|<a href="/b">办事服务</a>|<a href="/c">互动交流</a>|<a href="/d">走进某某</a></td></tr></table>
<table width="1000"><tr>
<td width="200" valign="top"><a href="/x">通知公告</a><br><a href="/y">政策解读</a><br><a href="/z">人事信息</a><br><a href="/w">财政预决算</a></td>
<td valign="top"><table><tr><td align="center"><font size="4"><b>关于开展安全生产大检查的通知</b></font></td></tr>
<tr><td align="center">发布日期：2023-06-01 浏览次数：<span id="c">123</span></td></tr>
<tr><td><font face="仿宋" size="3">各乡镇人民政府，县直各单位：<br>　　为切实做好安全生产工作，经县政府研究，决定在全县范围内开展安全生产大检查。请各单位按排专人负责，认真组织自查自纠。<br>　　特此通知。<br>某某县人民政府办公室<br>2023年6月1日</font></td></tr>
<tr><td>【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr></table></td></tr></table>
<table><tr><td>版权所有：某某县人民政府 备案号：某ICP备12345678号 技术支持：某某网络公司</td></tr></table>
</body></html>'''


def test_table_layout_page_gives_its_heading_and_body():
    doc = load_bytes(OLD_PAGE.encode("gbk"), "old.htm")
    assert doc.text == "\n".join([
        "关于开展安全生产大检查的通知",
        "各乡镇人民政府，县直各单位：",
        "为切实做好安全生产工作，经县政府研究，决定在全县范围内开展安全生产大检查。请各单位按排专人负责，认真组织自查自纠。",
        "特此通知。",
        "某某县人民政府办公室",
        "2023年6月1日",
    ])
    assert doc.location(0)["source_line"] == 6
    assert doc.meta["title"] == "关于开展安全生产大检查的通知"


def test_content_split_over_sibling_blocks_is_kept_even_with_a_menu_like_class():
    page = ("<html><body><div class='nav'><a href='/'>首页</a><a href='/a'>政务公开</a></div><div class='wrap'>"
            "<div class='article-share'><a href='#'>分享到微信</a></div><div class='search-result'>"
            "<p>请各单位按排专人负责信息报送，确保信息及时、准确发布，并做好归档。</p></div><div class='more'>"
            "<p>各单位要加强组织领导，明确责任分工，认真抓好落实。</p></div></div></body></html>")
    doc = load_bytes(page.encode("utf-8"), "p.html")
    assert doc.text == ("请各单位按排专人负责信息报送，确保信息及时、准确发布，并做好归档。\n"
                        "各单位要加强组织领导，明确责任分工，认真抓好落实。")


def _mht(html: str, charset: str) -> bytes:
    """A single-file web archive as browsers and Word save it: MIME, the page quoted-printable encoded."""
    import quopri

    body = quopri.encodestring(html.encode(charset)).decode("ascii")
    return ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n"
            "------=_NextPart_01\r\nContent-Location: file:///C:/notice.htm\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            f"Content-Type: text/html; charset=\"{charset}\"\r\n\r\n{body}\r\n"
            "------=_NextPart_01\r\nContent-Location: file:///C:/image001.png\r\n"
            "Content-Transfer-Encoding: base64\r\nContent-Type: image/png\r\n\r\niVBORw0KGgo=\r\n"
            "------=_NextPart_01--\r\n").encode("ascii")


def test_single_file_web_archive_is_read_like_the_page():
    doc = load_bytes(_mht(PAGE.replace('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />', ""),
                          "gb2312"), "notice.mht")
    assert doc.text == EXPECTED
    assert "source_line" not in doc.location(0)
    assert load_bytes(_mht(PAGE, "gb2312"), "saved-by-word.doc").text == EXPECTED
    with pytest.raises(LoadError, match="存档里没有网页"):
        load_bytes(b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello", "x.mht")


def test_xml_declaration_names_the_charset():
    from govproof.loaders.webpage import decode_page

    page = '<?xml version="1.0" encoding="big5"?><html><body><p>政府資訊公開</p></body></html>'
    assert decode_page(page.encode("big5")) == (page, "big5")
