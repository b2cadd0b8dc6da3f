"""Word .docx in: reading order, locations, same findings as the text, and hostile files refused."""
from __future__ import annotations

import copy
import io
import zipfile

import pytest
from wordfiles import DRAFT_TEXT, draft, draft_bytes

from govproof.api import check_document, check_text
from govproof.config import Config
from govproof.loaders import Limits, LoadError, load_bytes

CONFIG = Config(select=("S1",))


def _triples(findings):
    return [(f.code, f.start, f.text, f.suggestion) for f in findings]


def test_text_is_body_tables_notes_then_header_and_footer():
    doc = load_bytes(draft_bytes(), "draft.docx")
    assert doc.text == DRAFT_TEXT
    assert doc.meta["format"] == "docx"


def test_same_findings_as_the_plain_text():
    doc = load_bytes(draft_bytes(), "draft.docx")
    from_word = check_document(doc, CONFIG)
    from_text = check_text(DRAFT_TEXT, CONFIG)
    assert _triples(from_word) == _triples(from_text)
    assert [(f.text, f.suggestion) for f in from_word] == [("按排", "安排"), ("侯选人", "候选人"), ("按排", "安排")]


def test_locations_name_paragraph_table_cell_and_footnote():
    doc = load_bytes(draft_bytes(), "draft.docx")
    by_text = {(f.text, f.start): f.location for f in check_document(doc, CONFIG)}
    first, cell, note = (by_text[k] for k in sorted(by_text, key=lambda k: k[1]))
    assert first == {"paragraph": 3, "table_cell": None, "page": None}
    assert cell == {"paragraph": 5, "table_cell": "1,2", "table": 1, "page": None}
    assert note["part"] == "footnote" and note["note"] == 1 and note["paragraph"] is None


def test_tracked_changes_in_the_draft_read_as_accepted():
    d = draft()
    p = d.paragraphs[1]._p
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    run = p.findall(f"{w}r")[0]
    deleted = copy.deepcopy(run)
    deleted.find(f"{w}t").tag = f"{w}delText"
    deleted.find(f"{w}delText").text = "按排"
    wrapper = p.makeelement(f"{w}del", {f"{w}id": "1", f"{w}author": "x"})
    wrapper.append(deleted)
    run.addprevious(wrapper)
    out = io.BytesIO()
    d.save(out)
    doc = load_bytes(out.getvalue(), "d.docx")
    assert doc.text.splitlines()[1] == "各区人民政府，市政府各部门："


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return out.getvalue()


def test_zip_bomb_is_refused_before_unpacking():
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (20 << 20)})
    with pytest.raises(LoadError, match="压缩炸弹"):
        load_bytes(bomb, "bomb.docx")


def test_unpacked_size_limit():
    with pytest.raises(LoadError, match="解压后有 .*超过上限 10,000"):
        load_bytes(draft_bytes(), "draft.docx", limits=Limits(max_unzipped_bytes=10_000))


def test_too_many_zip_entries_is_refused():
    with pytest.raises(LoadError, match="个部件，超过上限 5"):
        load_bytes(draft_bytes(), "draft.docx", limits=Limits(max_zip_entries=5))


def _with_part(name: str, data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(draft_bytes()))
    return _zip({info.filename: (data if info.filename == name else src.read(info)) for info in src.infolist()})


@pytest.mark.parametrize("data, message", [
    (draft_bytes()[:3000], "不是有效的 Word .docx 文件"),
    (b"just some text", "不是有效的 Word .docx 文件"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptionInfo".encode("utf-16-le"), "密码保护"),
    (_zip({"hello.txt": b"hi"}), "不是 Word .docx 文件"),
    (_zip({"[Content_Types].xml": b"<Types", "word/document.xml": b"<w:document"}), "Word .docx 文件已损坏"),
    (_with_part("word/footnotes.xml", b"<w:footnotes><broken"), "Word .docx 文件已损坏"),
])
def test_broken_files_give_one_line_reasons(data, message):
    with pytest.raises(LoadError, match=message):
        load_bytes(data, "broken.docx")


def test_size_limits():
    with pytest.raises(LoadError, match="超过上限 1,000"):
        load_bytes(draft_bytes(), "draft.docx", limits=Limits(max_file_bytes=1000))
    with pytest.raises(LoadError, match="提取出的文字有 .*超过上限 50"):
        load_bytes(draft_bytes(), "draft.docx", limits=Limits(max_text_chars=50))


def test_time_limit_is_checked_while_reading():
    d = draft()
    for _ in range(450):
        d.add_paragraph("本段用于测试。")
    out = io.BytesIO()
    d.save(out)
    with pytest.raises(LoadError, match="超时（上限 0 秒"):
        load_bytes(out.getvalue(), "long.docx", limits=Limits(max_seconds=0))


def test_terminal_report_says_where_in_word_terms(tmp_path, capsys):
    from wordfiles import write_draft

    from govproof.cli import main

    src = write_draft(tmp_path / "draft.docx")
    assert main(["check", str(src), "--select", "S1", "-q", "--no-color"]) == 1
    out = capsys.readouterr().out
    assert "〔第3段〕 S101" in out and "〔表1第1行第2列〕 S101" in out and "〔脚注1〕 S101" in out


def _saved(d) -> bytes:
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_automatic_numbers_are_read_as_word_shows_them():
    from wordfiles import numbered_draft

    d = numbered_draft()
    d.add_paragraph("第一项", style="List Number")  # numbering that comes from the paragraph style
    d.add_paragraph("第二项", style="List Number")
    doc = load_bytes(_saved(d), "numbered.docx")
    assert doc.text.split("\n") == ["一、总体要求", "（一）工作目标", "（二）请各单位按排专人负责。", "二、主要任务",
                                    "（一）具体措施", "1.按时报送", "附件：名单", "1.第一项", "2.第二项"]
    [finding] = check_document(doc, CONFIG)
    assert (finding.text, finding.location["paragraph"]) == ("按排", 3)


def test_text_box_is_read_once_after_its_paragraph():
    from wordfiles import add_text_box

    from govproof.report.where import describe

    d = draft()
    add_text_box(d.paragraphs[1], "签发人：请按排专人")
    doc = load_bytes(_saved(d), "boxed.docx")
    lines = doc.text.split("\n")
    assert lines[1:4] == ["各区人民政府，市政府各部门：", "签发人：请按排专人", DRAFT_TEXT.split("\n")[2]]
    boxed = [f for f in check_document(doc, CONFIG) if f.location.get("part") == "textbox"]
    assert [(f.text, describe(f.location)) for f in boxed] == [("按排", "第2段的文本框")]
    body = [f.location["paragraph"] for f in check_document(doc, CONFIG) if "part" not in f.location]
    assert body == [3, 5]  # the box does not shift the body's paragraph numbers


@pytest.mark.parametrize("content_type", ["application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
                                          "application/vnd.ms-word.document.macroEnabled.main+xml"])
def test_templates_and_macro_enabled_files_are_read(content_type):
    src = zipfile.ZipFile(io.BytesIO(draft_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                    content_type.encode())
            zf.writestr(info, data)
    assert load_bytes(out.getvalue(), "template.dotx").text == DRAFT_TEXT
