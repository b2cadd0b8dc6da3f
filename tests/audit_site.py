"""A small saved web site for the audit tests: pages with known typos, in site sections."""
from __future__ import annotations

import sqlite3
from pathlib import Path

# Each page: (relative path, body paragraphs). S101 hits: 按排 → 安排, 侯选人 → 候选人.
PAGES = {
    "zwgk/tzgg/notice-1.html": ["请各单位按排专人负责信息报送工作。", "联系人：办公室。"],
    "zwgk/tzgg/notice-2.html": ["做好人大代表侯选人推荐工作。", "请各单位按排专人负责。"],
    "zwgk/tzgg/notice-3.html": ["本通知自印发之日起施行。"],
    "xwdt/news-1.html": ["会议要求，各部门要按排好节日期间值班工作。"],
    "xwdt/news-2.html": ["会议听取了工作汇报。"],
    "index.html": ["欢迎访问本网站。"],
}
EXPECTED = {"zwgk/tzgg/notice-1.html": 1, "zwgk/tzgg/notice-2.html": 2, "xwdt/news-1.html": 1}
AS_OF = "2025-06-01"


def page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><h1>{title}</h1>{body}</body></html>")


def build_site(root: Path) -> Path:
    for rel, paras in PAGES.items():
        f = root / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(page(Path(rel).stem, paras), encoding="utf-8")
    (root / "xwdt" / "style.css").write_text("body{}", encoding="utf-8")       # not a document: skipped
    (root / "xwdt" / "broken.docx").write_bytes(b"PK\x03\x04 truncated")     # cannot be read: listed, not fatal
    return root


def numbered_notices(root: Path, pages: int, typo_every: int) -> Path:
    """``pages`` plain-text notices in 5 sections; every ``typo_every``-th has one 按排 (S101), the rest none."""
    filler = "各单位要认真落实工作责任，确保各项任务按期完成。" * 20
    for i in range(pages):
        d = root / f"s{i % 5}"
        d.mkdir(parents=True, exist_ok=True)
        typo = "请各单位按排专人负责。" if i % typo_every == 0 else "请各单位安排专人负责。"
        (d / f"p{i:04d}.txt").write_text(f"第{i}号通知\n{typo}\n{filler}\n", encoding="utf-8")
    return root


def rows(db: Path, sql: str, *args) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()
