"""Per-language lookups of the entity finder, derived once per process from the language data (:mod:`kg.lang`).

Examples
--------
>>> profile = language_profile("de")
>>> "Unternehmen" in profile.org_descriptors, "Sprecher" in profile.role_words
(False, True)
>>> descriptor_kind("de", "KI-Unternehmen"), descriptor_kind("de", "Smartphone"), descriptor_kind("de", "Haus")
('Organization', 'Product', '')
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lang as languages
from ..gazetteer import given_names


class LanguageProfile:
    """Per-language lookups derived once from the language data of ``code`` ("de", "en").

    Word sets (``stop``, ``given``, ``role_words``, ``units`` ...), descriptor heads longest first
    (``org_descriptors``, ``product_descriptors``, ``anaphor_heads``) and compiled contexts (``legal_tail``,
    ``apposition``, ``person_after``, ``name_before``, ``name_after``). Build one with :func:`language_profile`.

    Parameters
    ----------
    code : str
        A supported language ("de", "en").

    Examples
    --------
    >>> profile = LanguageProfile("en")
    >>> "GmbH" in profile.org_heads, "said" in profile.person_cues
    (True, True)
    """

    def __init__(self, code: str):
        lang = languages.get(code)
        heads = lambda words: tuple(sorted({h + e for h in words for e in lang.INFLECTIONS}, key=len, reverse=True))  # noqa: E731
        self.org_descriptors = heads(lang.ORG_DESCRIPTORS)
        suffixes = sorted(lang.LEGAL_SUFFIXES, key=len, reverse=True)
        self.legal_tail = re.compile(r"(?:,?\s(?:" + "|".join(re.escape(s) for s in suffixes) + r"))+(?![\w.])")
        self.absorb_stops = frozenset(getattr(lang, "PREPOSITIONS", ()) + getattr(lang, "POSSESSIVES", ()))
        self.product_descriptors = heads(lang.PRODUCT_DESCRIPTORS)
        # singular forms only ("des Konzerns", "des US-Riesen"): "den Pionieren" is a plural, not an anaphor
        self.anaphor_heads = tuple(sorted({h + e for h in lang.ORG_ANAPHOR_HEADS
                                           for e in ("", "s", "es", "’s", "'s") + (("n",) if h.endswith("e") else ())},
                                          key=len, reverse=True))
        self.org_pronouns = frozenset(p.casefold() for p in lang.ORG_PRONOUNS)
        self.demonstratives = frozenset(getattr(lang, "DEMONSTRATIVES", ()))
        self.finite_verbs = frozenset(getattr(lang, "FINITE_VERBS", ()))
        self.quantifiers = frozenset(getattr(lang, "QUANTIFIERS", ()))
        # a legal suffix not yet joined to its name, and the words a list may step over ("Huawei Device Co., Razer")
        self.suffix_gap = re.compile(r"^\s(?:" + "|".join(re.escape(x.rstrip(".")) for x in lang.LEGAL_SUFFIXES) + r")\.?")
        self.list_joins = frozenset(lang.COORDINATORS) | {x.rstrip(".") for x in lang.LEGAL_SUFFIXES}
        self.role_words = frozenset({r.split()[-1] for r in lang.ROLE_TITLES} | set(getattr(lang, "ROLE_COMPOUNDS", ())))
        # what names no organisation or product: a place ("Padua") or a bare descriptor ("Unternehmen")
        self.places = frozenset(getattr(lang, "PLACES", ()))
        self.months = frozenset(lang.MONTHS)
        self.openers_not = frozenset(getattr(lang, "NAME_OPENERS_NOT", ()))
        self.descriptors_capitalised = getattr(lang, "DESCRIPTORS_CAPITALISED", False)
        self.bare_descriptors = frozenset(self.org_descriptors + self.product_descriptors)
        self.folded_role_words = frozenset(w.casefold() for w in self.role_words)
        self.relational = frozenset(getattr(lang, "RELATIONAL_DESCRIPTORS", ()))
        self.given = given_names()
        self.particles = frozenset(getattr(lang, "NAME_PARTICLES", ()))
        self.given_particles = frozenset(getattr(lang, "GIVEN_NAME_PARTICLES", ()))
        self.units = frozenset(getattr(lang, "UNIT_WORDS", ()))
        self.org_prefixes = frozenset(getattr(lang, "ORG_NAME_PREFIXES", ()))
        self.person_words = frozenset(getattr(lang, "PERSON_DESCRIPTORS", ()))
        self.generic = frozenset(lang.GENERIC_PREFIXES)
        self.stop = frozenset(set(getattr(lang, "NAME_STOPWORDS", ())) | set(lang.DETERMINERS)
                              | {d.capitalize() for d in lang.DETERMINERS})
        # a token that is a legal suffix, written with or without its dot ("Inc", "GmbH", "S.A")
        self.legal_words = frozenset(s.rstrip(".") for s in lang.LEGAL_SUFFIXES) | frozenset(lang.LEGAL_SUFFIXES)
        self.org_heads = frozenset(getattr(lang, "ORG_NAME_HEADS", ())) | {s.rstrip(".") for s in lang.LEGAL_SUFFIXES}
        self.person_cues = frozenset(getattr(lang, "PERSON_CUES_AFTER", ()))
        self.name_before = [(kind, re.compile(rx)) for kind, rx in getattr(lang, "NAME_CONTEXT_BEFORE", ())]
        self.name_after = [(kind, re.compile(rx)) for kind, rx in getattr(lang, "NAME_CONTEXT_AFTER", ())]
        cues = "|".join(self.person_cues) or "(?!)"
        roles = "|".join(re.escape(r) for r in sorted(lang.ROLE_TITLES, key=len, reverse=True))
        dets = "|".join(lang.DETERMINERS + getattr(lang, "POSSESSIVES", ()))  # "Fury, its foundation model"
        copulas = "|".join(getattr(lang, "COPULAS", ())) or "(?!)"
        self.apposition = re.compile(r"(?:,\s|\s(?:" + copulas + r")\s)(?:" + dets + r")\s((?:[\w.-]+\s){0,3}[\w-]+)")
        self.person_after = re.compile(
            rf",? (?:{cues})\b| (?:is|was) with |, (?:a|an|the)? ?[\w’' -]{{0,30}}?(?:{roles})\b")


    def names_nothing(self, name: str) -> bool:
        """Whether ``name`` is a place or a bare descriptor, no organisation or product ("Padua",
        "Unternehmen", "Labor")."""
        return name in self.places or name.casefold() in self.bare_descriptors


@lru_cache(maxsize=4)
def language_profile(code: str) -> LanguageProfile:
    """The :class:`LanguageProfile` of ``code``, built once per process.

    Parameters
    ----------
    code : str
        A supported language ("de", "en").

    Returns
    -------
    LanguageProfile
        The same object on every call with ``code``.

    Examples
    --------
    >>> language_profile("de") is language_profile("de")
    True
    """
    return LanguageProfile(code)


@lru_cache(maxsize=65536)
def descriptor_kind(code: str, word: str) -> str:
    """The class a descriptor word names: "Product" or "Organization" where ``word`` ends in a descriptor of
    that class ("KI-Unternehmen", "the startup"), else "".

    Parameters
    ----------
    code : str
        The article's language ("de", "en").
    word : str
        One word, hyphenated compounds whole.

    Returns
    -------
    str
        "Product", "Organization" or "".

    Examples
    --------
    >>> descriptor_kind("en", "startup"), descriptor_kind("en", "chipmaker"), descriptor_kind("en", "said")
    ('Organization', 'Organization', '')
    """
    profile = language_profile(code)
    low = word.casefold()
    if low.endswith(profile.product_descriptors):
        return "Product"
    if low.endswith(profile.org_descriptors):
        return "Organization"
    return ""
