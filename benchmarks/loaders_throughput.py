"""Loader speed: government web pages (GBK), Word drafts and PDFs per second, one core.

Needs no shared data: the pages and drafts are generated here. When trafilatura, selectolax or
readability-lxml are importable, the same page is extracted with them too, for comparison (they are
not dependencies of govproof; run this script in an environment that has them to see their figures).
    python benchmarks/loaders_throughput.py [N]
"""
from __future__ import annotations

import io
import sys
import time
from pathlib import Path

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200

_NAV = "".join(f'<li><a href="/c{i}/">栏目{i}：政务公开</a></li>' for i in range(60))
_BODY = "".join(
    f"<p>　　{i}、为深入贯彻落实《中华人民共和国政府信息公开条例》，各单位要按照要求明确专人负责，"
    f"及时、准确发布政府信息，做好依申请公开答复工作，切实保障人民群众的知情权、参与权和监督权。</p>\n"
    for i in range(1, 31))
PAGE = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>关于做好政府信息公开工作的通知_某某市人民政府</title>
<script>var x = 1;</script><link rel="stylesheet" href="/s.css"></head>
<body><div class="top">欢迎访问某某市人民政府网站</div><div class="nav"><ul>{_NAV}</ul></div>
<div class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>
<div class="main"><h1>关于做好政府信息公开工作的通知</h1><div id="zoom">{_BODY}</div></div>
<div class="footer">主办单位：某某市人民政府办公室　版权所有　网站标识码：1234567890</div></body></html>
""".encode("gbk")


def rate(name: str, fn, n: int = N) -> None:
    fn()
    start = time.perf_counter()
    for _ in range(n):
        fn()
    secs = time.perf_counter() - start
    print(f"{name:<40} {n / secs:8.1f} /s   {secs / n * 1000:7.2f} ms each")


def govproof_figures() -> None:
    import docx

    from govproof.loaders import load_bytes

    text = load_bytes(PAGE, "p.html").text
    print(f"page: {len(PAGE):,} bytes GBK, {len(text):,} characters of main content")
    rate("govproof html (lxml + readability-style)", lambda: load_bytes(PAGE, "p.html"))
    d = docx.Document()
    for i in range(100):
        d.add_paragraph(f"{i}、各单位要按照要求明确专人负责，及时、准确发布政府信息。")
    out = io.BytesIO()
    d.save(out)
    rate("govproof docx (100 paragraphs)", lambda: load_bytes(out.getvalue(), "d.docx"), max(N // 4, 10))
    pdf = (Path(__file__).resolve().parents[1] / "tests" / "data" / "notice.pdf").read_bytes()
    rate("govproof pdf (2 pages, pypdf)", lambda: load_bytes(pdf, "n.pdf"), max(N // 4, 10))


def other_extractors() -> None:
    html = PAGE.decode("gbk")
    try:
        import trafilatura
        rate("trafilatura.extract", lambda: trafilatura.extract(html))
    except ImportError:
        print("trafilatura: not installed")
    try:
        from selectolax.parser import HTMLParser
        rate("selectolax (body text, no boilerplate removal)", lambda: HTMLParser(html).body.text())
    except ImportError:
        print("selectolax: not installed")
    try:
        from readability import Document as Readable
        rate("readability-lxml summary", lambda: Readable(html).summary())
    except ImportError:
        print("readability-lxml: not installed")


if __name__ == "__main__":
    try:
        govproof_figures()
    except ImportError as e:
        print(f"govproof not importable here ({e}); other extractors only")
    other_extractors()
