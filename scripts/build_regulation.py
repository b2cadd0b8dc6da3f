#!/usr/bin/env python3
"""Build the structured 《中华人民共和国政府信息公开条例》 (chapter → article → 款 → 项) that govproof ships.

Reads ../shared/data/ogi/regulation-2019.md and regulation-2007.md (one article per paragraph
`第X条 …`, chapters as `## 第X章 …`, items as paragraphs `（一）…`) and writes
govproof/checks/citations/data/regulation-2019.json and regulation-2007.json.
The script proves the round trip before writing: rendering the structure gives back the source text.

    python scripts/build_regulation.py [--source ../shared/data/ogi]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govproof.checks.citations.numerals import chinese_to_int  # noqa: E402
from govproof.checks.citations.regulation import render_article  # noqa: E402

OUT = ROOT / "govproof" / "checks" / "citations" / "data"
VERSIONS = {
    "2019": {"file": "regulation-2019.md", "order": "国务院令第711号", "promulgated": "2019-04-03",
             "effective": "2019-05-15", "until": None,
             "source": "LawRefBook/Laws @ 6ef77b0a407dfcb4285dc149af0a159b09e28aa7 : "
                       "行政法规/政府信息公开条例(2019-04-03).md（国家法律法规数据库）"},
    "2007": {"file": "regulation-2007.md", "order": "国务院令第492号", "promulgated": "2007-04-05",
             "effective": "2008-05-01", "until": "2019-05-15",
             "source": "Theonefkguy/Chinese-Laws @ e4d0afe499e3b5613229e068be441970a0c1c03d : "
                       "行政法规/政府信息公开条例(2007-04-05).md（中国政府网 content_592937）"},
}
NAME = "中华人民共和国政府信息公开条例"
CHAPTER = re.compile(r"^## (第([一二三四五六七八九十]+)章) (.+)$")
ARTICLE = re.compile(r"^第([一二三四五六七八九十百]+)条 (.+)$")
ITEM = re.compile(r"^（([一二三四五六七八九十]+)）(.+)$")


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse(md: str) -> dict:
    """The chapters of one version; every article keeps the hash of its source block."""
    body = md[md.index("\n## ") + 1:].strip()
    chapters: list[dict] = []
    blocks: dict[int, list[str]] = {}
    article: dict | None = None
    for para in body.split("\n\n"):
        para = para.strip("\n")
        if m := CHAPTER.match(para):
            chapters.append({"number": chinese_to_int(m.group(2)), "label": m.group(1), "title": m.group(3),
                             "articles": []})
            article = None
        elif m := ARTICLE.match(para):
            number = chinese_to_int(m.group(1))
            article = {"number": number, "label": f"第{m.group(1)}条", "paragraphs": [{"text": m.group(2), "items": []}]}
            chapters[-1]["articles"].append(article)
            blocks[number] = [para]
        elif m := ITEM.match(para):
            assert article is not None, para
            items = article["paragraphs"][-1]["items"]
            assert chinese_to_int(m.group(1)) == len(items) + 1, f"item numbering breaks at {para[:20]}"
            items.append(m.group(2))
            blocks[article["number"]].append(para)
        else:
            assert article is not None and "\n" not in para, f"unexpected paragraph: {para[:40]}"
            article["paragraphs"].append({"text": para, "items": []})
            blocks[article["number"]].append(para)
    numbers = [a["number"] for c in chapters for a in c["articles"]]
    assert numbers == list(range(1, len(numbers) + 1)), "article numbering is not sequential"
    for c in chapters:
        for a in c["articles"]:
            source_block = "\n\n".join(blocks[a["number"]])
            assert render_article(a) == source_block, f"round trip fails for {a['label']}"
            a["sha256"] = sha(source_block)
    rendered = "\n\n".join(f"## {c['label']} {c['title']}\n\n" + "\n\n".join(render_article(a) for a in c["articles"])
                           for c in chapters)
    assert rendered == body, "the chapters do not render back to the source text"
    return {"chapters": chapters, "body_sha256": sha(body)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", type=Path, default=ROOT.parent / "shared" / "data" / "ogi")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for version, meta in VERSIONS.items():
        path = args.source / meta["file"]
        if not path.is_file():
            print(f"build_regulation: {path} not found", file=sys.stderr)
            return 2
        data = {"name": NAME, "version": version, **{k: v for k, v in meta.items() if k != "file"}, **parse(path.read_text("utf-8"))}
        out = OUT / f"regulation-{version}.json"
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        count = sum(len(c["articles"]) for c in data["chapters"])
        print(f"{out.relative_to(ROOT)}: {len(data['chapters'])} chapters, {count} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
