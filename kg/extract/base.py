"""Data classes shared by extractors: entities found in an article, their mentions, and triples."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class EntityInfo:
    """An entity of one article: canonical label, class, Wikidata id and the surface forms seen."""

    label: str
    type: str
    wikidata: str = ""
    surfaces: set[str] = field(default_factory=set)
    label_de: str = ""
    known: bool = False  # from the gazetteer (its canonical name is the IRI)
    entry: object = None  # the gazetteer entry, where there is one
    maker: str = ""  # a product's maker, where its name carries the brand ("Nintendo Switch")


@dataclass
class Mention:
    """A span of the article that refers to one or more entities (more for "die Autobauer")."""

    start: int
    end: int
    keys: tuple[str, ...]
    type: str
    anaphor: bool = False
    absorb: int = -1  # start of a descriptor phrase in front ("dem KI-Unternehmen"), masked with it

    @property
    def mask_start(self) -> int:
        return self.absorb if self.absorb >= 0 else self.start


@dataclass
class Triple:
    """One extracted statement, with its evidence; the JSONL contract of ``kg extract``."""

    s: str
    p: str
    o: str
    s_type: str
    o_type: str
    evidence: str
    start: int
    end: int
    confidence: float
    attrs: dict = field(default_factory=dict)
    extractor: str = "rules"
    rule: bool = False  # a rule of the rules extractor states it too (the trained extractor keeps those)

    def as_json(self) -> dict:
        return {
            "s": self.s, "p": self.p, "o": self.o, "s_type": self.s_type, "o_type": self.o_type,
            "attrs": self.attrs, "evidence": self.evidence, "start": self.start, "end": self.end,
            "confidence": round(self.confidence, 3), "extractor": self.extractor,
        }


@dataclass
class Extraction:
    """What an extractor returns for one article: triples plus the entities they mention."""

    triples: list[Triple]
    entities: dict[str, EntityInfo]
    lang: str
    warnings: list[str] = field(default_factory=list)


def confident(triples: list[Triple], min_confidence: float) -> list[Triple]:
    """The triples of at least ``min_confidence`` (what ``--min-confidence`` keeps, for ``kg extract`` and
    ``kg eval`` alike).

    >>> t = Triple("Google", "acquires", "YouTube", "Organization", "Organization", "", 0, 0, 0.6)
    >>> len(confident([t], 0.5)), len(confident([t], 0.7))
    (1, 0)
    """
    return [t for t in triples if t.confidence >= min_confidence]
