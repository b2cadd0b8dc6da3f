"""A place in the regulation (article, 款, 项) and how a document writes it (第三十六条第（四）项, 第36条第4项 …).

One module for the dataclass and its writing, so the regulation's data and the formatting need not import each other.
"""
from __future__ import annotations

from dataclasses import dataclass

from .numerals import int_to_chinese


@dataclass(frozen=True)
class Style:
    """How a document writes numbers and items, so a suggestion reads like its neighbours."""

    arabic: bool = False
    # "paren": 第（四）项 · "bare": 第四项 · "short": （四）
    item: str = "paren"


DEFAULT = Style()


def format_provision(p: Provision, style: Style | None = None) -> str:
    style = style or DEFAULT
    num = str if style.arabic else int_to_chinese
    out = f"第{num(p.article)}条"
    if p.paragraph is not None:
        out += f"第{num(p.paragraph)}款"
    if p.item is not None:
        if style.item == "bare":
            out += f"第{num(p.item)}项"
        elif style.item == "short" and p.paragraph is None:
            out += f"（{int_to_chinese(p.item)}）"
        else:
            out += f"第（{int_to_chinese(p.item)}）项"
    return out


@dataclass(frozen=True)
class Provision:
    """A place in the regulation: an article, optionally a 款 (paragraph) and a 项 (item)."""

    article: int
    paragraph: int | None = None
    item: int | None = None

    def label(self, style: Style | None = None) -> str:
        return format_provision(self, style)

    def covers(self, other: "Provision") -> bool:
        """True when citing ``self`` is citing ``other`` or a part of it (第十六条 covers 第十六条第二款)."""
        return (self.article == other.article
                and (self.paragraph is None or other.paragraph is None or self.paragraph == other.paragraph)
                and (self.item is None or other.item is None or self.item == other.item))
