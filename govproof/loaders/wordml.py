"""WordprocessingML names, shared by the .docx walker (ooxml.py), its numbering (numbering.py) and the annotator."""
from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    """The Clark name of a w: element or attribute, as lxml spells it."""
    return f"{{{W_NS}}}{tag}"
