"""Writing a provision back the way the document wrote its citations (第三十六条第（四）项, 第36条第4项 …)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .numerals import int_to_chinese

if TYPE_CHECKING:
    from .regulation import Provision


@dataclass(frozen=True)
class Style:
    """How a document writes numbers and items, so a suggestion reads like its neighbours."""

    arabic: bool = False
    # "paren": 第（四）项 · "bare": 第四项 · "short": （四）
    item: str = "paren"


DEFAULT = Style()


def format_provision(p: "Provision", style: Style | None = None) -> str:
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


def parse_spec(spec: str) -> "Provision":
    """The compact form used in the data tables: `36(4)`, `33.2`, `16`, `4.2(3)`."""
    from .regulation import Provision

    item = None
    if "(" in spec:
        spec, _, rest = spec.partition("(")
        item = int(rest.rstrip(")"))
    art, _, para = spec.partition(".")
    return Provision(int(art), int(para) if para else None, item)
