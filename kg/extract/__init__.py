"""Extractors register here by name, spaCy-style; ``get("rules")`` returns a ready extractor.

An extractor is a class with ``name`` and ``extract(text, lang="auto", date="") -> Extraction``.
Built-in extractors are looked up lazily so that importing :mod:`kg` loads no extraction code.

Examples
--------
>>> sorted(available())
['llm', 'rules', 'rules+llm', 'trained']
>>> get("rules").name
'rules'
"""
from __future__ import annotations

from importlib import import_module

from ..errors import KgError

_BUILTIN = {"trained": "kg.extract.trained:TrainedExtractor", "rules": "kg.extract.rules:RuleExtractor", "llm": "kg.extract.llm:LlmExtractor",
            "rules+llm": "kg.extract.llm:RulesAndLlm"}
_REGISTRY: dict[str, type] = {}


def register(name: str):
    """Class decorator: make an extractor available under ``name``."""
    def decorate(cls):
        _REGISTRY[name] = cls
        cls.name = name
        return cls
    return decorate


def available() -> list[str]:
    return sorted(set(_BUILTIN) | set(_REGISTRY))


def get(name: str, **options):
    """An instance of the extractor registered as ``name``; options go to its constructor."""
    if name not in _REGISTRY and name in _BUILTIN:
        module, _, attr = _BUILTIN[name].partition(":")
        getattr(import_module(module), attr)
    if name not in _REGISTRY:
        raise KgError(f"unknown extractor {name!r}; available: {', '.join(available())}")
    return _REGISTRY[name](**options)
