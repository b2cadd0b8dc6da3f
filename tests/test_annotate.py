"""Word out: comments sit on the findings' text, safe fixes are tracked changes, the input is untouched."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import docx
import pytest
from lxml import etree
from wordfiles import DRAFT_TEXT, draft_bytes, write_draft

from govproof.report.annotate import annotate_docx
from govproof.api import check_document
from govproof.config import Config
from govproof.fix import apply_edits, choose_edits
from govproof.loaders import load_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CONFIG = Config(select=("S1",))


def _checked():
    doc = load_bytes(draft_bytes(), "draft.docx")
    return doc, check_document(doc, CONFIG)


def _comment_ranges(data: bytes) -> dict[str, dict[str, str]]:
    """For each comment id, the text inside its range as it was (deletions kept) and as it would be accepted."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    open_ids: list[str] = []
    ranges: dict[str, dict[str, str]] = {}
    for el in root.iter():
        if el.tag == W + "commentRangeStart":
            open_ids.append(el.get(W + "id"))
            ranges[el.get(W + "id")] = {"was": "", "accepted": ""}
        elif el.tag == W + "commentRangeEnd":
            open_ids.remove(el.get(W + "id"))
        elif el.tag in (W + "t", W + "delText"):
            inserted = any(a.tag == W + "ins" for a in el.iterancestors())
            for cid in open_ids:
                if el.tag == W + "delText":
                    ranges[cid]["was"] += el.text
                elif inserted:
                    ranges[cid]["accepted"] += el.text
                else:
                    ranges[cid]["was"] += el.text
                    ranges[cid]["accepted"] += el.text
    return ranges


def _body_text(data: bytes, accept: bool) -> str:
    """The body paragraphs' text with every tracked change accepted (or rejected)."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    paragraphs = []
    for p in root.iter(W + "p"):
        parts = []
        for el in p.iter(W + "t", W + "delText"):
            in_ins = any(a.tag == W + "ins" for a in el.iterancestors())
            if (el.tag == W + "delText" and not accept) or (el.tag == W + "t" and (accept or not in_ins)):
                parts.append(el.text)
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def test_each_finding_gets_a_comment_on_its_text():
    doc, findings = _checked()
    result = annotate_docx(doc.meta["docx_bytes"], doc.text, findings)
    assert result.comments == len(findings) == 3 and result.revisions == 0 and not result.skipped
    reviewed = docx.Document(io.BytesIO(result.data))
    comments = list(reviewed.comments)
    assert [c.author for c in comments] == ["govproof"] * 3
    assert comments[0].text.startswith("S101 “按排”是错别字，应为“安排”") and "建议：安排" in comments[0].text
    ranges = _comment_ranges(result.data)
    body_findings = [f for f in findings if "part" not in f.location]
    for comment, f in zip(comments, body_findings):
        assert ranges[str(comment.comment_id)]["was"] == f.text
    # the footnote's finding cannot carry a comment there: it is anchored on the first paragraph, saying where
    assert comments[2].text.startswith("【脚注】“按排”")
    assert ranges[str(comments[2].comment_id)]["was"] == "关于做好信息报送工作的通知"


def test_fixes_are_tracked_changes_that_accept_to_the_corrected_text():
    doc, findings = _checked()
    fixes = choose_edits(findings)
    result = annotate_docx(doc.meta["docx_bytes"], doc.text, findings, fixes)
    assert result.revisions == 3 - 1  # the footnote's fix is only described: notes are not edited
    for cid, text in _comment_ranges(result.data).items():
        if text["was"] in ("按排", "侯选人"):
            assert text["accepted"] == {"按排": "安排", "侯选人": "候选人"}[text["was"]]
    body_lines = DRAFT_TEXT.split("\n")[:8]
    fixed_body = apply_edits(DRAFT_TEXT, [f for f in fixes if "part" not in f.location]).split("\n")[:8]
    assert _body_text(result.data, accept=False).split("\n") == body_lines
    assert _body_text(result.data, accept=True).split("\n") == fixed_body
    # formatting survives the split: the inserted 安排 carries the bold of the first character it replaces
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(result.data)).read("word/document.xml"))
    first_ins = next(root.iter(W + "ins"))
    assert first_ins.find(f"{W}r/{W}rPr/{W}b") is not None


def test_annotated_copy_reads_back_to_the_same_text():
    doc, findings = _checked()
    result = annotate_docx(doc.meta["docx_bytes"], doc.text, findings)
    assert load_bytes(result.data, "reviewed.docx").text == DRAFT_TEXT


def test_cli_writes_a_reviewed_copy_and_leaves_the_input_alone(tmp_path):
    src = write_draft(tmp_path / "draft.docx")
    before = src.read_bytes()
    out = tmp_path / "reviewed.docx"
    proc = subprocess.run([sys.executable, "-m", "govproof", "check", str(src), "--annotate", str(out), "--fix",
                           "--select", "S1", "--format", "json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    assert src.read_bytes() == before
    assert "批注 3 条，修订 2 处" in proc.stderr
    report = json.loads(proc.stdout)
    assert [f["location"].get("table_cell") for f in report["files"][0]["findings"]] == [None, "1,2", None]
    reviewed = docx.Document(str(out))
    assert len(list(reviewed.comments)) == 3
    assert not (tmp_path / "draft.fixed.docx").exists()


@pytest.mark.parametrize("extra, message", [
    (["--in-place", "--fix"], "只写副本、不改原文件"),
    (["--annotate", "out.txt"], "以 .docx 结尾"),
])
def test_cli_refuses_what_annotate_cannot_do(tmp_path, capsys, extra, message):
    from govproof.cli import main

    src = write_draft(tmp_path / "draft.docx")
    args = ["check", str(src), "--annotate", str(tmp_path / "reviewed.docx")] + extra
    assert main(args) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "reviewed.docx").exists()


def test_cli_annotate_on_a_file_that_is_not_word(tmp_path, capsys):
    from govproof.cli import main

    src = tmp_path / "notice.txt"
    src.write_text("请各单位按排专人负责。\n", encoding="utf-8")
    assert main(["check", str(src), "--annotate", str(tmp_path / "reviewed.docx"), "-q"]) == 2
    assert "--annotate 需要 Word 文件" in capsys.readouterr().err
    assert not (tmp_path / "reviewed.docx").exists()


def test_numbered_paragraphs_keep_offsets_and_labels_are_never_edited():
    from wordfiles import numbered_draft

    from govproof.finding import Finding, Severity

    out = io.BytesIO()
    numbered_draft().save(out)
    doc = load_bytes(out.getvalue(), "numbered.docx")
    findings = check_document(doc, CONFIG)
    label = doc.text.index("（二）")
    on_label = Finding("F101", "heading-number", Severity.WARNING, label, label + 3, "（二）", "序号有误",
                       suggestion="（三）", fix_safe=True)
    result = annotate_docx(doc.meta["docx_bytes"], doc.text, findings + [on_label], choose_edits(findings + [on_label]))
    assert (result.comments, result.revisions) == (2, 1)
    ranges = _comment_ranges(result.data)
    assert sorted((r["was"], r["accepted"]) for r in ranges.values()) == [
        ("按排", "安排"), ("请各单位按排专人负责。", "请各单位安排专人负责。")]


def test_cli_output_names_the_report_when_annotating(tmp_path):
    from govproof.cli import main

    src = write_draft(tmp_path / "draft.docx")
    report = tmp_path / "report.json"
    main(["check", str(src), "--annotate", str(tmp_path / "reviewed.docx"), "--fix", "--select", "S1",
          "--format", "json", "--output", str(report)])
    assert [f["text"] for f in json.loads(report.read_text(encoding="utf-8"))["files"][0]["findings"]] == \
           ["按排", "侯选人", "按排"]
    assert (tmp_path / "reviewed.docx").exists()


def test_random_overlapping_findings_never_change_the_text_the_author_wrote():
    """Whatever findings come in (overlapping, across paragraphs, on automatic numbers), rejecting every tracked
    change gives back the draft, and every comment made is in the comments part."""
    import random

    from wordfiles import numbered_draft

    from govproof.finding import Finding, Severity

    out = io.BytesIO()
    numbered_draft().save(out)
    rng = random.Random(5)
    for data in (draft_bytes(), out.getvalue()):
        doc = load_bytes(data, "x.docx")
        text = doc.text
        for _ in range(12):
            findings = []
            for _ in range(rng.randint(1, 5)):
                s = rng.randrange(len(text))
                e = min(len(text), s + rng.randint(1, 5))
                findings.append(Finding("S101", "x", Severity.ERROR, s, e, text[s:e], "m",
                                        rng.choice([None, "", "改", "改正"]), fix_safe=rng.random() < 0.7))
            result = annotate_docx(data, text, findings, choose_edits(findings))
            assert _body_text(result.data, accept=False) == _body_text(data, accept=False)
            assert len(list(docx.Document(io.BytesIO(result.data)).comments)) == result.comments
