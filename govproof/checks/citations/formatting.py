"""Provisions in the compact form of the data tables (`36(4)`); writing them back is provision.format_provision."""
from __future__ import annotations

from .provision import DEFAULT, Provision, Style, format_provision

__all__ = ["DEFAULT", "Style", "format_provision", "parse_spec"]


def parse_spec(spec: str) -> Provision:
    """The compact form used in the data tables: `36(4)`, `33.2`, `16`, `4.2(3)`."""
    item = None
    if "(" in spec:
        spec, _, rest = spec.partition("(")
        item = int(rest.rstrip(")"))
    art, _, para = spec.partition(".")
    return Provision(int(art), int(para) if para else None, item)
