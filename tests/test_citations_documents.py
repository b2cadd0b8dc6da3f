"""The C rules on whole documents (tests/data/citations_documents.yaml): reply letters, guides, work points, notices."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from govproof import Config, check_text

CASES = yaml.safe_load((Path(__file__).parent / "data" / "citations_documents.yaml").read_text("utf-8"))["cases"]
CONFIG = Config(select=("C",))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_document(case):
    found = check_text(case["text"], CONFIG, as_of=str(case.get("as_of", "2025-06-01")), profile=case.get("profile"))
    report = "\n".join(f"{f.code} {f.severity.name.lower()} {f.text!r}→{f.suggestion!r}: {f.message}" for f in found)
    assert sorted(f.code for f in found) == sorted(case["expect"]), report
    for code, severity in (case.get("severity") or {}).items():
        assert {f.severity.name.lower() for f in found if f.code == code} == {severity}, report
    for f in found:
        assert case["text"][f.start:f.end] == f.text
        assert f.evidence, f"{f.code} without evidence"


def test_every_kind_of_document_is_in_the_set():
    titles = [c["text"].splitlines()[0] for c in CASES]
    for kind in ("答复书", "告知书", "指南", "通知", "要点", "总结"):
        assert any(kind in t for t in titles), kind
    assert sum(1 for c in CASES if not c["expect"]) >= 12
