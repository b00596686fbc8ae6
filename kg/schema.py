"""Where the ontology and SHACL shapes live, installed or in a source checkout.

Examples
--------
>>> ontology_path().name
'techkg.ttl'
"""
from __future__ import annotations

from pathlib import Path

from .errors import KgError

_HERE = Path(__file__).parent


def _find(name: str) -> Path:
    for folder in (_HERE / "ontology", _HERE.parent / "ontology"):
        if (folder / name).is_file():
            return folder / name
    raise KgError(f"ontology file {name} not found next to the kg package; reinstall techkg")


def ontology_path() -> Path:
    """``ontology/techkg.ttl``: classes, the twelve relations, provenance properties."""
    return _find("techkg.ttl")


def shapes_path() -> Path:
    """``ontology/shapes.ttl``: the SHACL shapes ``kg validate`` checks."""
    return _find("shapes.ttl")
