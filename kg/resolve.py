"""Entity identity across articles: normalised keys, stable IRIs, and the curation decisions that map them.

An entity known to the gazetteer takes the slug of its canonical name (``ent:Meta_Platforms``); any other
entity takes the slug of its normalised name (case, legal suffixes and possessives dropped, words
capitalised), so "Little Eye Labs", "LITTLE EYE LABS" and "Little Eye Labs Inc." are one node in every
article and on every build. Curation (``kg merge``, ``kg split``) is applied on top.

Examples
--------
>>> entity_key("Japan Display Inc.")
'japan display'
>>> entity_slug("LITTLE EYE LABS Inc.", known=False)
'Little_Eye_Labs'
>>> entity_slug("Meta Platforms", known=True)
'Meta_Platforms'
"""
from __future__ import annotations

import re
import unicodedata

from .slug import slugify

_LEGAL = r"(?:inc|incorporated|corp|corporation|co|ltd|limited|llc|plc|ag|se|gmbh|sa|nv|bv|kg|kgaa|oyj|ab|asa)"


def entity_key(label: str) -> str:
    """The name with case, punctuation, possessive 's and trailing legal suffixes removed."""
    text = unicodedata.normalize("NFKC", label).casefold().strip()
    text = re.sub(r"[\u2019']s?$", "", text)
    text = re.sub(r"[^\w&+]+", " ", text).strip()
    previous = None
    while previous != text:
        previous = text
        text = re.sub(rf"\s{_LEGAL}$", "", text).strip()
    return re.sub(r"\s+", " ", text)


def entity_slug(label: str, known: bool) -> str:
    """IRI slug: the canonical name for gazetteer entities, the normalised name otherwise."""
    if known:
        return slugify(label)
    key = entity_key(label) or label
    return slugify(" ".join(word[:1].upper() + word[1:] for word in key.split()))
