"""Where a finding is, in the words a reviewer uses to find it in Word, a PDF reader or the page source."""
from __future__ import annotations

from typing import Any

_PART_ZH = {"header": "页眉", "footer": "页脚", "footnote": "脚注", "endnote": "尾注", "textbox": "文本框"}


def describe(location: dict[str, Any]) -> str:
    """E.g. "第2页", "表1第1行第2列", "脚注1", "第4段，源文件第22行"; "" when nothing is known."""
    parts = []
    if location.get("page"):
        parts.append(f"第{location['page']}页")
    part = location.get("part")
    if part == "textbox" and location.get("anchor_paragraph"):
        parts.append(f"第{location['anchor_paragraph']}段的文本框")
    elif part:
        parts.append(_PART_ZH.get(part, part) + (str(location["note"]) if location.get("note") is not None else ""))
    if location.get("table_cell"):
        row, _, col = str(location["table_cell"]).partition(",")
        parts.append(f"表{location.get('table', '')}第{row}行第{col}列")
    elif location.get("paragraph"):
        parts.append(f"第{location['paragraph']}段")
    if location.get("source_line"):
        parts.append(f"源文件第{location['source_line']}行")
    return "，".join(parts)
