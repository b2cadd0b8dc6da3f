"""The structured regulation and the reviewed tables in rules/ogi/, checked against the regulation's own text."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from govproof.checks.citations import outdated, tables
from govproof.checks.citations.formatting import format_provision, parse_spec
from govproof.checks.citations.numerals import chinese_to_int, int_to_chinese
from govproof.checks.citations.regulation import Provision, load, render_article

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "ogi"
R2019, R2007 = load("2019"), load("2007")


def test_article_and_chapter_counts():
    assert R2019.article_count() == 56 and len(R2019.data["chapters"]) == 6
    assert R2007.article_count() == 38 and len(R2007.data["chapters"]) == 5
    assert [c["title"] for c in R2019.data["chapters"]][3] == "依申请公开"


def test_item_and_paragraph_counts_match_the_text():
    assert len(R2019.paragraphs(36)) == 1 and len(R2019.paragraphs(36)[0]["items"]) == 7
    # 第三十三条: 当场答复 / 20个工作日与延长 / 征求意见时间不计入
    paras = R2019.paragraphs(33)
    assert len(paras) == 3
    assert paras[0]["text"].endswith("应当当场予以答复。")
    assert "20个工作日内予以答复" in paras[1]["text"] and "不计算在前款规定的期限内" in paras[2]["text"]
    assert len(R2019.paragraphs(16)) == 2 and "过程性信息" in R2019.paragraphs(16)[1]["text"]
    assert [len(p["items"]) for p in R2019.paragraphs(29)] == [0, 3]
    assert [len(p["items"]) for p in R2019.paragraphs(20)] == [15]
    assert [len(p["items"]) for p in R2007.paragraphs(21)] == [4]
    assert len(R2007.paragraphs(24)) == 3 and "15个工作日内予以答复" in R2007.paragraphs(24)[1]["text"]


@pytest.mark.parametrize("version", ["2019", "2007"])
def test_every_article_round_trips(version):
    """Rendering each article gives back its source block exactly (hashes taken from the source by the build)."""
    reg = load(version)
    for art in reg.articles.values():
        assert hashlib.sha256(render_article(art).encode()).hexdigest() == art["sha256"], art["label"]


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data/ogi not present (a user's clone)")
@pytest.mark.parametrize("version", ["2019", "2007"])
def test_articles_match_the_source_files(version):
    source = (SHARED / f"regulation-{version}.md").read_text("utf-8")
    for art in load(version).articles.values():
        assert render_article(art) in source


def test_resolve_and_quote():
    assert R2019.resolve(Provision(36, None, 4))[0] == Provision(36, 1, 4)
    assert R2019.resolve(Provision(58))[0] is None
    assert R2019.resolve(Provision(36, None, 8))[1] == "2019年版第三十六条只有七项，没有第（八）项"
    assert R2019.resolve(Provision(33, 4))[1] == "2019年版第三十三条只有三款，没有第四款"
    assert R2019.resolve(Provision(29, 1, 2))[0] is None and R2019.resolve(Provision(29, 2, 2))[0] is not None
    assert R2019.text(Provision(36, None, 4)) == "经检索没有所申请公开信息的，告知申请人该政府信息不存在；"
    assert R2019.quote(Provision(16, 2)).startswith("《中华人民共和国政府信息公开条例》（2019年版，国务院令第711号）第十六条第二款：行政机关在履行")
    assert R2007.quote(Provision(21, 1, 3)).startswith("《中华人民共和国政府信息公开条例》（2007年版，国务院令第492号，已于2019年5月15日被修订）第二十一条第（三）项：依法不属于")


def test_numerals_both_ways():
    assert [chinese_to_int(s) for s in ("一", "十", "十六", "三十六", "五十六", "一百零二", "36", "３６")] == [1, 10, 16, 36, 56, 102, 36, 36]
    assert all(chinese_to_int(int_to_chinese(n)) == n for n in range(1, 130))
    assert format_provision(parse_spec("36(4)")) == "第三十六条第（四）项"
    assert format_provision(parse_spec("33.2")) == "第三十三条第二款"


def _check_rows(version: str, rows: list[dict], where: str) -> list[str]:
    reg = load(version)
    bad = []
    for row in rows or ():
        p = parse_spec(str(row["p"]))
        if not reg.exists(p):
            bad.append(f"{where}: {version} {row['p']} does not exist")
        elif row["says"] not in reg.text(p):
            bad.append(f"{where}: {version} {format_provision(p)} does not say {row['says']!r}")
    return bad


def test_every_situation_provision_says_what_the_table_claims():
    raw, _ = tables.raw_tables()
    bad = []
    for row in raw["situations"]:
        for key, version in (("cite", "2019"), ("also", "2019"), ("cite_2007", "2007"), ("also_2007", "2007")):
            bad += _check_rows(version, row.get(key), row["id"])
        assert row["signals"] and row.get("cite"), row["id"]
    assert not bad, "\n".join(bad)


def test_every_correspondence_says_what_the_table_claims():
    _, raw = tables.raw_tables()
    bad = []
    for row in raw["correspondence"]:
        bad += _check_rows("2007", [{"p": row["from"], "says": row["says"]}], f"from {row['from']}")
        bad += _check_rows("2019", row["to"], f"from {row['from']}")
    assert not bad, "\n".join(bad)
    # every 2007 article has an entry
    assert {parse_spec(str(r["from"])).article for r in raw["correspondence"]} == set(range(1, 39))


def test_outdated_entries_quote_real_provisions():
    import yaml

    from govproof.data import data_dir

    rows = yaml.safe_load((data_dir("rules") / "ogi" / "outdated.yaml").read_text("utf-8"))["outdated"]
    bad = []
    for r in rows:
        if r["now"] is not None:   # null: the revision removed the rule
            bad += _check_rows("2019", [{"p": r["now"], "says": r["says_now"]}], r["id"])
        bad += _check_rows("2007", [{"p": r["was"], "says": r["says_was"]}], r["id"])
    assert not bad, "\n".join(bad)
    assert len(outdated.entries()) == len(rows)
