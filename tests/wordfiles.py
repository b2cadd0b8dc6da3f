"""Word drafts built with python-docx for the loader, annotate and CLI tests."""
from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# What a reader sees, paragraph by paragraph, in reading order (body, table cells, footnote, header, footer).
DRAFT_TEXT = "\n".join([
    "关于做好信息报送工作的通知",
    "各区人民政府，市政府各部门：",
    "请各单位按排专人负责信息报送，确保信息及时、准确发布。",
    "事项",
    "人大代表侯选人推荐",
    "时间",
    "2024年5月1日前",
    "本通知自印发之日起施行。",
    "注：候选人名单另行按排印发。",
    "某某市人民政府办公室",
    "第1页",
])

_FOOTNOTES = (
    f'<w:footnotes xmlns:w="{W_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t>注：候选人名单另行按排印发。</w:t></w:r></w:p></w:footnote>'
    '</w:footnotes>'
)


def draft() -> docx.document.Document:
    """A notice with the typos in a run split by formatting, a table cell, a footnote and a header."""
    d = docx.Document()
    d.add_paragraph("关于做好信息报送工作的通知")
    d.add_paragraph("各区人民政府，市政府各部门：")
    p = d.add_paragraph("请各单位")
    p.add_run("按").bold = True  # the wrong word straddles two runs with different formatting
    p.add_run("排专人负责信息报送，")
    p.add_run("确保信息及时、准确发布。").italic = True
    table = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "事项", (0, 1): "人大代表侯选人推荐", (1, 0): "时间", (1, 1): "2024年5月1日前"}.items():
        table.cell(r, c).text = text
    d.add_paragraph("本通知自印发之日起施行。")
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, _FOOTNOTES.encode(), d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES)
    d.sections[0].header.paragraphs[0].text = "某某市人民政府办公室"
    d.sections[0].footer.paragraphs[0].text = "第1页"
    return d


def draft_bytes() -> bytes:
    out = io.BytesIO()
    draft().save(out)
    return out.getvalue()


def write_draft(path: Path) -> Path:
    path.write_bytes(draft_bytes())
    return path


_NUMBERING = (
    f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="90">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
    '</w:abstractNum>'
)


def numbered_draft() -> docx.document.Document:
    """Headings numbered by Word (一、 （一） 1.), not typed, as template-made official documents have them."""
    from docx.oxml.parser import parse_xml

    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING))
    numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, text in [(0, "总体要求"), (1, "工作目标"), (1, "请各单位按排专人负责。"), (0, "主要任务"), (1, "具体措施"),
                        (2, "按时报送"), (None, "附件：名单")]:
        p = d.add_paragraph(text)
        if level is not None:
            numpr = parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
            p._p.get_or_add_pPr().append(numpr)
    return d


def add_text_box(paragraph, text: str) -> None:
    """A text box as Word writes it: a DrawingML shape, and a VML copy of the same box for old readers."""
    from docx.oxml.parser import parse_xml

    ns = (f'xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')
    content = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    paragraph._p.append(parse_xml(
        f"<w:r {ns}><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>{content}"
        f"</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{content}"
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"))
