"""No input makes extraction loop: generated lists of capitalised words, brackets, long names, coordinations.

A generous bound per text (SIGALRM) catches a loop; it does not time anything.
"""
from __future__ import annotations

import signal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.api import extract_text

WORDS = ["Applied", "Technology", "Science", "Systems", "Trust", "Insight", "Bright", "Networks", "Data", "Labs",
         "Sun", "Moon", "Apple", "Nvidia", "Research", "Capital", "Partners", "AG", "Inc.", "GmbH", "Co.", "Group",
         "Deutsche", "Telekom", "Holding", "The", "Der", "Die", "Fund", "Ventures", "X", "AI", "Open"]
JOINS = [" ", " and ", ", ", " und ", " of ", " & ", " (", ") ", "-", " or ", " sowie ", ", the ", " der "]
VERBS = ["studies", "buys", "signed a deal with", "kauft", "investiert in", "partners with", "übernimmt", "sues"]


def _loop_guard(signum, frame):
    raise TimeoutError("extraction did not return within 30 s: a loop")


text = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(JOINS)), min_size=1, max_size=40).map(
    lambda parts: "".join(w + j for w, j in parts))


@pytest.mark.parametrize("extractor", ["rules", "trained"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(left=text, verb=st.sampled_from(VERBS), right=text, lang=st.sampled_from(["de", "en"]))
def test_extraction_returns_on_generated_lists(extractor, left, verb, right, lang):
    sentence = f"{left} {verb} {right}."
    previous = signal.signal(signal.SIGALRM, _loop_guard)
    signal.alarm(30)
    try:
        triples = extract_text(sentence + " " + sentence, lang=lang, extractor=extractor)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    for triple in triples:
        assert triple.evidence in sentence + " " + sentence


@pytest.mark.parametrize("sentence", [
    "The lab studies Applied Technology and Science, Systems of Trust and Insight.",
    "Apple buys Bright Networks and Data, Labs of Sun and Moon.",
    "Nvidia and Applied Research, Systems of Trust and Insight signed a deal.",
])
@pytest.mark.parametrize("extractor", ["rules", "trained"])
def test_known_loops_return(sentence, extractor):
    previous = signal.signal(signal.SIGALRM, _loop_guard)
    signal.alarm(30)
    try:
        extract_text(sentence, lang="en", extractor=extractor)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
