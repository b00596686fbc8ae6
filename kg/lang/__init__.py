"""Language knowledge as plain data: one module per language (:mod:`kg.lang.de`, :mod:`kg.lang.en`).

Each module defines the same names (cue words per relation, role titles, legal suffixes, descriptors,
abbreviations, anaphors). :func:`get` returns the module for a language code.

Examples
--------
>>> get("de").NEGATIONS[:2]
('nicht', 'kein')
"""
from importlib import import_module

SUPPORTED = ("de", "en")


def get(code: str):
    """Return the language data module for ``"de"`` or ``"en"``."""
    if code not in SUPPORTED:
        raise ValueError(f"unsupported language {code!r}; supported: {', '.join(SUPPORTED)}")
    return import_module(f"kg.lang.{code}")
