"""Golden extraction cases: tests/cases/NAME.txt -> NAME.expected, compared as sets.

An expected line is ``subject | relation | object`` with optional ``| key=value`` attributes that the
extracted triple must carry. An empty file means: nothing may be extracted. ``de_``/``en_`` in the
name sets the language.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.api import extract_text

CASES = sorted(Path(__file__).parent.joinpath("cases").glob("*.txt"))


def expected(path: Path):
    triples, attrs = set(), {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        key = tuple(parts[:3])
        triples.add(key)
        attrs[key] = dict(p.split("=", 1) for p in parts[3:])
    return triples, attrs


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_case(case):
    want, want_attrs = expected(case.with_suffix(".expected"))
    text = case.read_text(encoding="utf-8")
    got = extract_text(text, lang=case.stem[:2], extractor="rules")  # the rules behind the rule signal
    found = {(t.s, t.p, t.o): t for t in got}
    assert set(found) == want
    for key, attrs in want_attrs.items():
        for name, value in attrs.items():
            assert str(found[key].attrs.get(name)) == value, (key, name, found[key].attrs)
    for triple in got:
        assert text[triple.start:triple.end] == triple.evidence
        assert 0 < triple.confidence <= 1
