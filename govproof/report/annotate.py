"""A reviewed copy of a Word file: a comment (批注) on each finding, and safe fixes as tracked changes (修订).

Reviewers work in Word, so findings go where they read: each comment is anchored on exactly the
characters the finding names (runs are split at its boundaries, formatting kept), and a correction
is a w:del/w:ins pair the author accepts or rejects. The input file is never written.

Offsets are the loader's: the same walker (loaders/ooxml.py) reads the copy, and text this module
deletes still counts while text it inserts does not, so every finding keeps its original offsets
however many edits come before it.
"""
from __future__ import annotations

import copy
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any, Sequence

from ..finding import Finding
from ..loaders import Limits
from ..loaders.ooxml import Block, Piece, block_pieces
from ..loaders.wordml import w

AUTHOR = "govproof"
_PART_ZH = {"header": "页眉", "footer": "页脚", "footnote": "脚注", "endnote": "尾注", "textbox": "文本框"}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class AnnotateError(Exception):
    """The copy cannot be written (e.g. the file changed since it was checked)."""


@dataclass
class AnnotateResult:
    data: bytes
    comments: int
    revisions: int
    skipped: list[Finding]  # findings that could not be placed (e.g. a document without body text)


def comment_text(f: Finding, fixed: bool) -> str:
    lines = [f"{f.code} {f.message}"]
    if f.suggestion is not None:
        lines.append(f"建议：{f.suggestion}" if f.suggestion else "建议：删除")
    if fixed:
        lines.append("（已按建议作为修订改正，可接受或拒绝）")
    return "\n".join(lines)


class _Editor:
    """Splits runs and adds markup in one python-docx Document, tracking what it deleted and inserted."""

    def __init__(self, document: Any, blocks: list[Block]):
        self.document = document
        self.blocks = blocks
        self.deleted: set[Any] = set()
        self.inserted: set[Any] = set()
        self.date = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        ids = [int(v) for v in document.element.xpath("//@w:id") if str(v).lstrip("-").isdigit()]
        self.next_revision = max(ids, default=0) + 10000

    # --- pieces in the original text's terms ------------------------------
    def pieces(self, block: Block) -> list[tuple[int, int, Piece]]:
        out, pos = [], 0
        for piece in block_pieces(block.p, block.label, self.deleted, self.inserted):
            out.append((pos, pos + len(piece.text), piece))
            pos += len(piece.text)
        return out

    def split_at(self, block: Block, offset: int) -> None:
        """Make ``offset`` (in the block's text) fall on a run boundary."""
        for start, end, piece in self.pieces(block):
            if start < offset < end and piece.run is not None:  # an automatic number has no run to split
                _split_run(piece, offset - start)
                return

    def runs(self, block: Block, start: int, end: int) -> list[Any]:
        """The runs holding exactly block text [start, end), split out of their neighbours."""
        self.split_at(block, start)
        self.split_at(block, end)
        runs: list[Any] = []
        for s, e, piece in self.pieces(block):
            if s < end and start < e and piece.run is not None and piece.run not in runs:
                runs.append(piece.run)
        return runs

    def whole(self, block: Block) -> list[Any]:
        """The runs of a whole paragraph: where a comment on its automatic number is anchored."""
        return self.runs(block, len(block.label), len(block.text))

    # --- markup --------------------------------------------------------
    def _revision(self, tag: str) -> Any:
        from docx.oxml import OxmlElement

        self.next_revision += 1
        return OxmlElement(tag, attrs={w("id"): str(self.next_revision), w("author"): AUTHOR, w("date"): self.date})

    def track_change(self, runs: list[Any], suggestion: str) -> tuple[Any, Any]:
        """Wrap ``runs`` in w:del and add the suggestion in w:ins after them; returns (first, last) element."""
        from docx.oxml import OxmlElement

        first = last = None
        for run in runs:
            deletion = self._revision("w:del")
            run.addprevious(deletion)
            deletion.append(run)
            for t in run.iterchildren(w("t")):
                t.tag = w("delText")
            self.deleted.add(deletion)
            first = first if first is not None else deletion
            last = deletion
        if suggestion:
            insertion = self._revision("w:ins")
            new_run = OxmlElement("w:r")
            rpr = runs[0].find(w("rPr"))
            if rpr is not None:
                new_run.append(copy.deepcopy(rpr))
            t = OxmlElement("w:t")
            t.text = suggestion
            t.set(XML_SPACE, "preserve")
            new_run.append(t)
            insertion.append(new_run)
            last.addnext(insertion)
            self.inserted.add(insertion)
            last = insertion
        return first, last

    def comment(self, first: Any, last: Any, text: str) -> None:
        from docx.oxml import OxmlElement

        comment = self.document.comments.add_comment(text=text, author=AUTHOR, initials="GP")
        cid = str(comment.comment_id)
        first.addprevious(OxmlElement("w:commentRangeStart", attrs={w("id"): cid}))
        ref_run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:rStyle", attrs={w("val"): "CommentReference"}))
        ref_run.append(rpr)
        ref_run.append(OxmlElement("w:commentReference", attrs={w("id"): cid}))
        last.addnext(ref_run)
        last.addnext(OxmlElement("w:commentRangeEnd", attrs={w("id"): cid}))


def _split_run(piece: Piece, at: int) -> None:
    """Split piece.run so that the piece's text is cut before its character ``at`` (0 < at < len)."""
    run, elem = piece.run, piece.elem
    right = copy.deepcopy(run)
    children = [c for c in run if c.tag != w("rPr")]
    idx = children.index(elem)
    right_children = [c for c in right if c.tag != w("rPr")]
    for c in children[idx + 1:]:
        run.remove(c)
    for c in right_children[:idx]:
        right.remove(c)
    text = elem.text or ""
    elem.text = text[:at]
    right_children[idx].text = text[at:]
    for t in (elem, right_children[idx]):
        t.set(XML_SPACE, "preserve")
    run.addnext(right)


def annotate_docx(data: bytes, expected_text: str, findings: Sequence[Finding], fixes: Sequence[Finding] = (),
                  limits: Limits = Limits()) -> AnnotateResult:
    """Comments for ``findings`` and tracked changes for ``fixes`` (non-overlapping) in a copy of ``data``."""
    from ..loaders.word import open_for_editing

    word = open_for_editing(data, limits)
    document, blocks, text, starts = word.document, word.blocks, word.text, word.starts
    if text != expected_text:
        raise AnnotateError("Word 文件的文字与检查时不同（可能已被修改）：请重新检查")
    editor = _Editor(document, blocks)
    fix_ids = {id(f) for f in fixes}
    skipped: list[Finding] = []
    comments = revisions = 0
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        spans = _block_spans(blocks, starts, f.start, max(f.end, f.start + 1))
        if spans and not blocks[spans[0][0]].in_body:
            # Word holds no comments in headers and footers: say where, on the first body paragraph
            anchor = next((i for i, b in enumerate(blocks) if b.in_body and b.text.strip()), None)
            if anchor is None:
                skipped.append(f)
                continue
            where = _PART_ZH.get(blocks[spans[0][0]].location.get("part", ""), "正文外")
            runs = editor.runs(blocks[anchor], 0, len(blocks[anchor].text))
            editor.comment(runs[0], runs[-1], f"【{where}】“{f.shown_text}”：" + comment_text(f, False))
            comments += 1
            continue
        if not spans or not all(blocks[i].in_body for i, _, _ in spans):
            skipped.append(f)
            continue
        runs: list[Any] = []
        for i, s, e in spans:
            runs.extend(editor.runs(blocks[i], s, e))
        on_label = any(s < len(blocks[i].label) for i, s, _ in spans)
        if not runs and on_label:
            runs = editor.whole(blocks[spans[0][0]])
        if not runs:
            skipped.append(f)
            continue
        fixed = (id(f) in fix_ids and len(spans) == 1 and f.end > f.start and f.suggestion is not None
                 and not on_label)  # Word renders the number itself: it cannot be edited as text
        first, last = runs[0], runs[-1]
        if fixed:
            first, last = editor.track_change(runs, f.suggestion or "")
            revisions += 1
        editor.comment(first, last, comment_text(f, fixed))
        comments += 1
    out = io.BytesIO()
    document.save(out)
    return AnnotateResult(out.getvalue(), comments, revisions, skipped)


def _block_spans(blocks: list[Block], starts: list[int], start: int, end: int) -> list[tuple[int, int, int]]:
    """(block index, start, end in that block's text) for each paragraph a finding touches."""
    spans = []
    for i, (block_start, block) in enumerate(zip(starts, blocks)):
        block_end = block_start + len(block.text)
        if block_end < start:
            continue
        if block_start >= end:
            break
        s, e = max(start, block_start) - block_start, min(end, block_end) - block_start
        if e > s:
            spans.append((i, s, e))
    return spans


# --- the CLI's --annotate ------------------------------------------------------

def validate_cli_args(args: Any, paths: list[str]) -> None:
    """Refuse what --annotate cannot honour before anything is checked."""
    from pathlib import Path

    from ..config import ConfigError

    if len(paths) != 1 or paths[0] == "-":
        raise ConfigError("--annotate 只能处理一个 Word 文件")
    if args.in_place:
        raise ConfigError("--annotate 只写副本、不改原文件：请去掉 --in-place")
    out, src = Path(args.annotate), Path(paths[0])
    if out.suffix.lower() != ".docx":
        raise ConfigError("--annotate 写出的是 Word 文件：文件名请以 .docx 结尾")
    if out.exists() and src.exists() and out.resolve() == src.resolve():
        raise ConfigError("--annotate 要写到新文件，不能是被检查的文件本身")


def write_for_cli(args: Any, result: Any) -> bool:
    """Write the annotated copy for `govproof check --annotate`; False when the input is not a Word file."""
    import sys
    from pathlib import Path

    from ..fix import choose_edits, write_atomic

    if result.error or result.doc is None:
        return True  # already reported as the file's error
    data = result.doc.meta.get("docx_bytes")
    if data is None:
        why = ("它由 antiword 读成纯文本，请先另存为 .docx" if result.doc.meta.get("converter") == "antiword"
               else "它不是 Word 文件")
        print(f"govproof：--annotate 需要 Word 文件（.docx；装有 LibreOffice 时也可 .doc/.wps）：{result.path} {why}",
              file=sys.stderr)
        return False
    fixes = choose_edits(result.findings, unsafe=args.unsafe_fixes) if args.fix else []
    try:
        done = annotate_docx(data, result.doc.text, result.findings, fixes)
    except AnnotateError as e:
        print(f"govproof：{result.path}：{e}", file=sys.stderr)
        return False
    write_atomic(Path(args.annotate), done.data)
    note = f"，{len(done.skipped)} 处无法定位未加批注" if done.skipped else ""
    print(f"{result.path}: 已写入 {args.annotate}（批注 {done.comments} 条，修订 {done.revisions} 处{note}）",
          file=sys.stderr)
    return True
