"""Regenerate the PDF fixtures of tests/test_loaders_pdf.py (run by hand; the tests use the committed files).

Needs fpdf2 (pip install fpdf2) and a CJK TrueType font, by default WenQuanYi Micro Hei
(Debian: apt-get install fonts-wqy-microhei); fpdf2 embeds only the glyphs used, so the files stay small.
    python tests/data/make_pdf_fixtures.py [FONT]
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

HERE = Path(__file__).parent
FONT = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

# A notice laid out the way Chinese PDFs are: fixed-width lines that break inside words ("按|排").
PAGE_1 = [
    "关于做好信息报送工作的通知",
    "",
    "各区人民政府，市政府各部门：",
    "　　为做好政府信息公开工作，现将有关事项通知如下。请各单位按",
    "排专人负责信息报送，确保信息及时、准确发布。各单位要加强组织",
    "领导，明确责任分工。",
]
PAGE_2 = [
    "　　二、做好人大代表侯选人推荐工作的信息公开。",
    "　　三、本通知自印发之日起施行。",
]


def notice() -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("cjk", fname=FONT)
    pdf.set_font("cjk", size=14)
    for lines in (PAGE_1, PAGE_2):
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(HERE / "notice.pdf"))


def pages() -> None:
    """Three pages with a running head and "— N —" page numbers; "按|排" is split by the page break."""
    from fpdf import FPDF

    body = [
        ["　　为做好政府信息公开工作，现将有关事项通知如下。各单位要加强组", "织领导，明确责任分工，认真做好信息发布前的审核工作。请各单位按"],
        ["排专人负责信息报送，确保信息及时、准确发布，认真抓好各项工作落", "实。"],
        ["　　二、本通知自印发之日起施行。"],
    ]
    pdf = FPDF(format="A4")
    pdf.add_font("cjk", fname=FONT)
    pdf.set_font("cjk", size=14)
    for number, lines in enumerate(body, 1):
        pdf.add_page()
        pdf.cell(0, 10, "某某市人民政府文件", new_x="LMARGIN", new_y="NEXT", align="C")
        for line in lines:
            pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-30)
        pdf.cell(0, 10, f"— {number} —", align="C")
    pdf.output(str(HERE / "pages.pdf"))


def scanned() -> None:
    """One page holding only an image, as a scanner makes it: no text layer."""
    width, height = 64, 32
    rows = b"".join(b"\x00" + bytes((x * 4 + y * 2) % 256 for x in range(width)) for y in range(height))
    png = _png(width, height, rows)
    (HERE / "_scan.png").write_bytes(png)
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(str(HERE / "_scan.png"), x=10, y=10, w=180)
    pdf.output(str(HERE / "scanned.pdf"))
    (HERE / "_scan.png").unlink()


def _png(width: int, height: int, rows: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x00\x00\x00\x00"
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def legacy_doc() -> None:
    """A Word 97-2003 .doc made from a .docx by LibreOffice."""
    import docx

    with tempfile.TemporaryDirectory() as tmp:
        d = docx.Document()
        d.add_paragraph("关于做好信息报送工作的通知")
        d.add_paragraph("请各单位按排专人负责信息报送。")
        d.save(f"{tmp}/notice.docx")
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "doc",
                        "--outdir", str(HERE), f"{tmp}/notice.docx"], check=True, capture_output=True)


WORD_PARAGRAPHS = [
    "关于做好信息报送工作的通知",
    "各区人民政府，市政府各部门：",
    "　　为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步做好政府信息公开工作，现将有关事项通知如下。"
    "请各单位按排专人负责信息报送，确保信息及时、准确发布。各单位要加强组织领导，明确责任分工，认真抓好落实，"
    "确保各项工作任务按时完成，切实提高政府信息公开工作质量和水平。",
    "　　一、做好人大代表侯选人推荐工作的信息公开。",
    "某某市人民政府办公室",
    "2024年5月1日",
]


def word_export_pdf() -> None:
    """A PDF as offices publish them: a Word file exported by LibreOffice (justified lines, automatic spacing)."""
    import docx

    with tempfile.TemporaryDirectory() as tmp:
        d = docx.Document()
        for text in WORD_PARAGRAPHS:
            d.add_paragraph(text)
        d.save(f"{tmp}/word-export.docx")
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
                        "--outdir", str(HERE), f"{tmp}/word-export.docx"], check=True, capture_output=True)


if __name__ == "__main__":
    notice()
    pages()
    scanned()
    legacy_doc()
    word_export_pdf()
    for name in ("notice.pdf", "pages.pdf", "scanned.pdf", "notice.doc", "word-export.pdf"):
        print(name, (HERE / name).stat().st_size, "bytes")
