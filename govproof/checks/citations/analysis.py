"""What every C check needs to know about one document, computed once."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

import regex

from ...document import Document
from . import letter_kind
from .attribution import LawRef, attribute, is_regulation_text, law_refs
from .decisions import situations_in
from .parser import Chain, find_chains
from .regulation import Regulation, for_date
from .tables import Situation

_OGI_TOPIC = regex.compile(r"信息公开|政府信息|申请公开|公开申请")


@dataclass
class Analysis:
    doc: Document

    @cached_property
    def regulation(self) -> Regulation:
        return for_date(self.doc.date)

    @property
    def version(self) -> str:
        return self.regulation.version

    @cached_property
    def is_reply(self) -> bool:
        return letter_kind.is_reply(self.doc)

    @cached_property
    def refs(self) -> list[LawRef]:
        return law_refs(self.doc, assume_ogi=self.is_reply)

    @cached_property
    def chains(self) -> list[Chain]:
        chains = find_chains(self.doc.text)
        attribute(chains, self.refs, self.paragraph)
        return chains

    @cached_property
    def ogi_chains(self) -> list[Chain]:
        return [c for c in self.chains if c.law == "ogi"]

    @cached_property
    def is_regulation_text(self) -> bool:
        """The document is the regulation itself (its title is the bare name), which states rules, not decisions."""
        return is_regulation_text(self.doc)

    @cached_property
    def about_ogi(self) -> bool:
        """The document deals with 政府信息公开 at all (gate for the wording rules)."""
        return self.is_reply or bool(_OGI_TOPIC.search(self.doc.text))

    def paragraph(self, offset: int) -> tuple[int, int]:
        """The paragraph holding ``offset`` (bisect over cached starts: documents may hold thousands)."""
        return _span_at(self._paragraph_starts, self.doc.paragraphs, offset) or self.sentence(offset)

    def sentence(self, offset: int) -> tuple[int, int]:
        return _span_at(self._sentence_starts, self.doc.sentences, offset) or (offset, offset)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [s for s, _ in self.doc.paragraphs]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.doc.sentences]

    def decision_at(self, offset: int) -> list[Situation]:
        """The situations stated in the sentence at ``offset``, else (or when it names no ground) in its paragraph."""
        text = self.doc.text
        found = situations_in(text, *self.sentence(offset))
        if found and not all(s.fallback for s in found):
            return found
        # `…属于商业秘密。根据…的规定，本机关不予公开。`: the ground is stated in the paragraph
        around = situations_in(text, *self.paragraph(offset))
        return around if any(not s.fallback for s in around) else found or around



def _span_at(starts: list[int], spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    idx = bisect.bisect_right(starts, offset) - 1
    if idx >= 0 and offset < spans[idx][1]:
        return spans[idx]
    return None
