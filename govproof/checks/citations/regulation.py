"""The structured regulation shipped with govproof: versions, articles, 款 and 项, and how to quote them."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .numerals import int_to_chinese
from .provision import Provision

DATA = Path(__file__).resolve().parent / "data"
NAME = "中华人民共和国政府信息公开条例"
# The 2019 revision (国务院令第711号) took effect on this day; documents dated before it are read against 2007.
REVISION_EFFECTIVE = dt.date(2019, 5, 15)


def render_article(article: dict) -> str:
    """An article as the source writes it: `第X条 ` + paragraphs, each item its own paragraph `（一）…`."""
    out = []
    for i, para in enumerate(article["paragraphs"]):
        out.append((article["label"] + " " if i == 0 else "") + para["text"])
        out.extend(f"（{int_to_chinese(k)}）{item}" for k, item in enumerate(para["items"], 1))
    return "\n\n".join(out)


@dataclass(frozen=True)
class Regulation:
    version: str
    data: dict

    @property
    def order(self) -> str:
        return self.data["order"]

    @property
    def articles(self) -> dict[int, dict]:
        return _articles(self.version)

    def article_count(self) -> int:
        return len(self.articles)

    def paragraphs(self, article: int) -> list[dict]:
        return self.articles[article]["paragraphs"]

    def resolve(self, p: Provision) -> tuple[Provision | None, str | None]:
        """(the provision with its 款 filled in for an item, None) or (None, why it does not exist)."""
        art = self.articles.get(p.article)
        if art is None:
            return None, f"{self.version}年版共{len(self.articles)}条，没有第{int_to_chinese(p.article)}条"
        paras = art["paragraphs"]
        label = art["label"]
        if p.paragraph is not None and not 1 <= p.paragraph <= len(paras):
            return None, f"{self.version}年版{label}只有{int_to_chinese(len(paras))}款，没有第{int_to_chinese(p.paragraph)}款"
        if p.item is None:
            return p, None
        with_items = [i for i, para in enumerate(paras, 1) if para["items"]]
        if p.paragraph is not None:
            n = len(paras[p.paragraph - 1]["items"])
            if not 1 <= p.item <= n:
                where = f"{label}第{int_to_chinese(p.paragraph)}款"
                return None, (f"{self.version}年版{where}没有分项" if n == 0 else
                              f"{self.version}年版{where}只有{int_to_chinese(n)}项，没有第（{int_to_chinese(p.item)}）项")
            return p, None
        if not with_items:
            return None, f"{self.version}年版{label}没有分项，没有第（{int_to_chinese(p.item)}）项"
        para_no = with_items[0]
        n = len(paras[para_no - 1]["items"])
        if not 1 <= p.item <= n:
            return None, f"{self.version}年版{label}只有{int_to_chinese(n)}项，没有第（{int_to_chinese(p.item)}）项"
        return Provision(p.article, para_no, p.item), None

    def exists(self, p: Provision) -> bool:
        return self.resolve(p)[0] is not None

    def text(self, p: Provision) -> str:
        """The words of an article, a 款 (with its items) or a 项, as the regulation writes them."""
        full, why = self.resolve(p)
        if full is None:
            raise KeyError(why)
        art = self.articles[p.article]
        if full.item is not None:
            return art["paragraphs"][full.paragraph - 1]["items"][full.item - 1]
        if full.paragraph is not None:
            para = art["paragraphs"][full.paragraph - 1]
            return "".join([para["text"], *(f"（{int_to_chinese(k)}）{t}" for k, t in enumerate(para["items"], 1))])
        return render_article(art).split(" ", 1)[1].replace("\n\n", "")

    def quote(self, p: Provision, limit: int = 320) -> str:
        """`2019年版第三十六条第（四）项：经检索…` for a finding's evidence."""
        body = self.text(p)
        if len(body) > limit:
            body = body[:limit] + "……"
        if p.item is not None and len(self.paragraphs(p.article)) == 1:
            p = Provision(p.article, None, p.item)   # 第三十六条第（四）项, not 第三十六条第一款第（四）项
        status = "，已于2019年5月15日被修订" if self.version == "2007" else ""
        return f"《{NAME}》（{self.version}年版，{self.order}{status}）{p.label()}：{body}"


@lru_cache(maxsize=2)
def load(version: str) -> Regulation:
    return Regulation(version, json.loads((DATA / f"regulation-{version}.json").read_text(encoding="utf-8")))


@lru_cache(maxsize=2)
def _articles(version: str) -> dict[int, dict]:
    return {a["number"]: a for c in load(version).data["chapters"] for a in c["articles"]}


def for_date(date: dt.date) -> Regulation:
    """The text in force on ``date``: 2007 before 2019-05-15, 2019 from then on."""
    return load("2007" if date < REVISION_EFFECTIVE else "2019")
