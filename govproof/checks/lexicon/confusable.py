"""Whether one character could have been written for another: same or near sound, similar shape, shared component.

Sound and shape come from the statistical checker's tables (dictionaries/spelling/); characters sharing a
component (署/暑, 撼/憾, 彻/切) from dictionaries/hanzi/shared-components.txt.
"""
from __future__ import annotations

from functools import lru_cache

from ...data import data_dir, read_word_list
from ..spelling.candidates import NEAR_SOUND, SHAPE, SOUND, load_confusions

COMPONENT = "component"
LABEL = {SOUND: "同音", NEAR_SOUND: "音近", SHAPE: "形近", COMPONENT: "形近"}
COMPONENTS_FILE = ("hanzi", "shared-components.txt")


@lru_cache(maxsize=1)
def component_neighbours() -> dict[str, frozenset[str]]:
    """Character → the characters that share a listed component with it."""
    out: dict[str, set[str]] = {}
    for line in read_word_list(data_dir("dictionaries").joinpath(*COMPONENTS_FILE)):
        _, _, chars = line.partition(":")
        group = set(chars.split())
        for ch in group:
            out.setdefault(ch, set()).update(group - {ch})
    return {ch: frozenset(s) for ch, s in out.items()}


def confusion(written: str, right: str) -> str | None:
    """How ``right`` could have become ``written`` (SOUND, NEAR_SOUND, SHAPE, COMPONENT), or None."""
    if written == right:
        return None
    kind = load_confusions().kind(written, right)
    if kind is None and right in component_neighbours().get(written, ()):
        kind = COMPONENT
    return kind


@lru_cache(maxsize=8192)
def neighbours(ch: str) -> frozenset[str]:
    """Every character ``confusion(ch, ·)`` accepts (cached: the hot path tests membership)."""
    return load_confusions().allowed(ch) | component_neighbours().get(ch, frozenset())
