"""PDF in: the text layer with pages, lines re-joined across wraps; scans, encryption and damage refused.

notice.pdf, scanned.pdf and word-export.pdf are made by tests/data/make_fixtures.py; encrypted and blank files
are made here.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from govproof.api import check_document, check_text
from govproof.config import Config
from govproof.loaders import Limits, LoadError, load_bytes

DATA = Path(__file__).parent / "data"
CONFIG = Config(select=("S1",))
NOTICE_TEXT = "\n".join([
    "关于做好信息报送工作的通知",
    "各区人民政府，市政府各部门：",
    "为做好政府信息公开工作，现将有关事项通知如下。请各单位按排专人负责信息报送，确保信息及时、准确发布。"
    "各单位要加强组织领导，明确责任分工。",
    "二、做好人大代表侯选人推荐工作的信息公开。",
    "三、本通知自印发之日起施行。",
])


def _notice() -> bytes:
    return (DATA / "notice.pdf").read_bytes()


def _encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_notice())))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_lines_broken_inside_a_word_are_joined():
    doc = load_bytes(_notice(), "notice.pdf")
    assert doc.text == NOTICE_TEXT  # "按" ends one printed line and "排" starts the next


def test_same_findings_as_the_text_with_pages():
    doc = load_bytes(_notice(), "notice.pdf")
    findings = check_document(doc, CONFIG)
    assert [(f.code, f.start, f.text) for f in findings] == \
           [(f.code, f.start, f.text) for f in check_text(NOTICE_TEXT, CONFIG)]
    assert [(f.text, f.location["page"]) for f in findings] == [("按排", 1), ("侯选人", 2)]


def test_scan_without_text_layer_is_an_error_not_a_clean_result():
    with pytest.raises(LoadError, match="扫描版 PDF，没有文字层"):
        load_bytes((DATA / "scanned.pdf").read_bytes(), "scan.pdf")


def test_blank_pdf_is_an_error():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(LoadError, match="PDF 没有文字层"):
        load_bytes(out.getvalue(), "blank.pdf")


def test_password_protected_pdf_is_refused_clearly():
    with pytest.raises(LoadError, match="PDF 已加密，需要密码"):
        load_bytes(_encrypted("secret"), "locked.pdf")


def test_pdf_with_only_an_owner_password_is_read():
    doc = load_bytes(_encrypted(""), "restricted.pdf")
    assert doc.text == NOTICE_TEXT


@pytest.mark.parametrize("data, message", [
    (_notice()[:2000], "PDF 文件已损坏"),
    (b"<html>not a pdf</html>", "不是 PDF 文件"),
])
def test_damaged_files(data, message):
    with pytest.raises(LoadError, match=message):
        load_bytes(data, "bad.pdf")


def test_text_limit_applies_while_reading():
    with pytest.raises(LoadError, match="超过上限 40 字"):
        load_bytes(_notice(), "notice.pdf", limits=Limits(max_text_chars=40))


def test_word_export_reads_as_the_word_text():
    """LibreOffice's export of a .docx: justified lines re-joined, "2024 年5 月1 日" spacing gaps removed."""
    doc = load_bytes((DATA / "word-export.pdf").read_bytes(), "word-export.pdf")
    assert doc.text == "\n".join([  # the paragraphs of make_fixtures.WORD_PARAGRAPHS, indents dropped
        "关于做好信息报送工作的通知",
        "各区人民政府，市政府各部门：",
        "为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步做好政府信息公开工作，现将有关事项通知如下。"
        "请各单位按排专人负责信息报送，确保信息及时、准确发布。各单位要加强组织领导，明确责任分工，认真抓好落实，"
        "确保各项工作任务按时完成，切实提高政府信息公开工作质量和水平。",
        "一、做好人大代表侯选人推荐工作的信息公开。",
        "某某市人民政府办公室",
        "2024年5月1日",
    ])
    assert [(f.text, f.location["page"], f.location["paragraph"]) for f in check_document(doc, CONFIG)] == [
        ("按排", 1, 3), ("侯选人", 1, 4)]


def test_paragraph_running_over_a_page_break_without_heads_and_page_numbers():
    doc = load_bytes((DATA / "pages.pdf").read_bytes(), "pages.pdf")
    assert doc.text == (  # "某某市人民政府文件" heads each page and "— N —" ends it: both dropped
        "为做好政府信息公开工作，现将有关事项通知如下。各单位要加强组织领导，明确责任分工，认真做好信息发布前的审核工作。"
        "请各单位按排专人负责信息报送，确保信息及时、准确发布，认真抓好各项工作落实。\n"
        "二、本通知自印发之日起施行。")
    findings = check_document(doc, CONFIG)
    assert [(f.text, f.location["page"], f.location["paragraph"]) for f in findings] == [("按排", 1, 1)]
    second_page = doc.text.index("排专人")
    assert doc.location(second_page) == {"paragraph": 1, "table_cell": None, "page": 2}
