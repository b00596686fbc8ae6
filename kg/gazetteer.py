"""The gazetteer: known organisations, people and products with aliases and Wikidata IDs.

The bundled list is ``kg/data/gazetteer.tsv``; users add or override entries with a CSV/TSV file of
the same columns or a Turtle file (``rdfs:label``, ``skos:altLabel``, ``rdf:type tkg:…``,
``owl:sameAs wd:Q…``).

Examples
--------
>>> gaz = Gazetteer.load()
>>> gaz.lookup(["Meta", "Platforms", "Inc"]).name
'Meta Platforms'
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import InputError

DATA = Path(__file__).parent / "data"
TOKEN = re.compile(r"[^\W_]+")
TYPES = {"organization": "Organization", "org": "Organization", "person": "Person", "per": "Person",
         "product": "Product", "prod": "Product"}


@dataclass
class Entry:
    name: str
    type: str
    wikidata: str = ""
    aliases: list[str] = field(default_factory=list)
    maker: str = ""
    label_de: str = ""
    ambiguous: bool = False
    alt_type: str = ""  # the class it takes where its maker is not named (Facebook the company)


def key_of(text: str) -> str:
    """The matching key of a name: its word tokens joined by single spaces."""
    return " ".join(TOKEN.findall(text))


class Gazetteer:
    """Alias index over entries; lookups are by token sequence."""

    def __init__(self, entries: list[Entry]):
        self.entries: dict[str, Entry] = {}
        self.exact: dict[str, Entry] = {}
        self.folded: dict[str, Entry] = {}
        self.all_names: dict[str, Entry] = {}
        self.max_tokens = 1
        self.first_tokens: set[str] = set()  # first words of every alias, as written and casefolded
        for entry in entries:
            self.add(entry)

    def add(self, entry: Entry) -> None:
        old = self.entries.get(entry.name)
        if old is not None:  # an override: drop the old entry's aliases from every index
            for alias in [old.name, *old.aliases]:
                k = key_of(alias)
                for index, key in ((self.exact, k), (self.all_names, k), (self.folded, k.casefold())):
                    if index.get(key) is old:
                        del index[key]
        self.entries[entry.name] = entry
        for alias in [entry.name, *entry.aliases]:
            k = key_of(alias)
            if not k:
                continue
            self.all_names.setdefault(k, entry)
            self.first_tokens.update((k.split(" ", 1)[0], k.split(" ", 1)[0].casefold()))
            self.max_tokens = max(self.max_tokens, k.count(" ") + 1)
            if entry.ambiguous and k == key_of(entry.name) and " " not in k:
                continue  # a common word: only as part of a longer alias or when introduced
            self.exact[k] = entry
            if not (alias.isupper() and len(k) <= 5):
                self.folded.setdefault(k.casefold(), entry)

    def split(self, name: str, alias: str) -> None:
        """Make ``alias`` of entry ``name`` an entity of its own (a ``kg split`` decision)."""
        entry = self.entries.get(name)
        if entry is None:
            return
        kept = [a for a in entry.aliases if a.casefold() != alias.casefold()]
        self.add(Entry(entry.name, entry.type, entry.wikidata, kept, entry.maker, entry.label_de, entry.ambiguous,
                       entry.alt_type))
        if alias not in self.entries:
            self.add(Entry(alias, entry.type))

    def lookup(self, tokens: list[str], include_ambiguous: bool = False) -> Entry | None:
        k = " ".join(tokens)
        hit = self.exact.get(k)
        if hit is None and tokens and tokens[0][:1].isupper():
            hit = self.folded.get(k.casefold())
        if hit is None and include_ambiguous:
            hit = self.all_names.get(k)
        return hit

    def get(self, name: str) -> Entry | None:
        return self.entries.get(name)

    @classmethod
    def load(cls, extra: tuple[str, ...] = ()) -> "Gazetteer":
        """The bundled gazetteer, extended by user files (later files override earlier)."""
        gaz = cls(list(_bundled()))
        for path in extra:
            for entry in read_entities(Path(path)):
                gaz.add(entry)
        return gaz


@lru_cache(maxsize=1)
def _bundled() -> tuple[Entry, ...]:
    text = (DATA / "gazetteer.tsv").read_text(encoding="utf-8")
    return tuple(_rows(text, "\t", "bundled gazetteer"))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The given names that mark a capitalised pair as a person's name: the hand-kept list and the open
    data one (US baby names, Berlin first names; sources in its header).

    >>> sorted({"Randy", "Seymour", "Tesla"} & given_names())
    ['Randy', 'Seymour']
    """
    words = []
    for name in ("given_names.txt", "given_names_open.txt"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                words.extend(line.split())
    return frozenset(words)


def _rows(text: str, delimiter: str, origin: str):
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter=delimiter)
    if not reader.fieldnames or "name" not in reader.fieldnames or "type" not in reader.fieldnames:
        raise InputError(f"{origin}: needs a header line with at least the columns name and type")
    for number, row in enumerate(reader, 2):
        name = (row.get("name") or "").strip()
        kinds = (row.get("type") or "").strip().casefold().split("/")
        kind = TYPES.get(kinds[0])
        alt = TYPES.get(kinds[1], "") if len(kinds) > 1 else ""
        if not name or not kind:
            raise InputError(f"{origin}: row {number}: needs a name and a type (Organization, Person or Product)")
        wikidata = (row.get("wikidata") or "").strip()
        if wikidata and not re.fullmatch(r"Q[1-9]\d*", wikidata):
            raise InputError(f"{origin}: row {number}: the wikidata column holds {wikidata[:40]!r}, not an id like Q42")
        if re.search(r"[\x00-\x1f\x7f]", name + (row.get("aliases") or "")):
            raise InputError(f"{origin}: row {number}: control characters in a name or alias")
        yield Entry(
            name=name, type=kind, wikidata=(row.get("wikidata") or "").strip(),
            aliases=[a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()],
            maker=(row.get("maker") or "").strip(), label_de=(row.get("label_de") or "").strip(),
            ambiguous=(row.get("ambiguous") or "").strip() in ("1", "true", "yes"), alt_type=alt,
        )


def read_entities(path: Path) -> list[Entry]:
    """Read a user entity file: ``.csv``/``.tsv`` with gazetteer columns, or ``.ttl`` Turtle."""
    if not path.is_file():
        raise InputError(f"{path}: no such entities file")
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        raise InputError(f"{path}: entities file is not readable UTF-8 text") from None
    if path.suffix.lower() in (".ttl", ".turtle"):
        return _turtle_entities(path, text)
    delimiter = "\t" if path.suffix.lower() == ".tsv" or "\t" in text.split("\n", 1)[0] else ","
    return list(_rows(text, delimiter, str(path)))


def _turtle_entities(path: Path, text: str) -> list[Entry]:
    from rdflib import Graph, RDF, RDFS, OWL
    from rdflib.namespace import SKOS

    from .namespaces import TKG

    graph = Graph()
    try:
        graph.parse(data=text, format="turtle")
    except Exception as err:  # rdflib raises many parser types
        raise InputError(f"{path}: not valid Turtle ({str(err).splitlines()[0][:120]})") from None
    entries = []
    for kind in ("Organization", "Person", "Product"):
        for node in graph.subjects(RDF.type, TKG[kind]):
            labels = [str(o) for o in graph.objects(node, RDFS.label)]
            if not labels:
                continue
            wikidata = ""
            for same in graph.objects(node, OWL.sameAs):
                if "wikidata.org/entity/" in str(same) and re.fullmatch(r"Q[1-9]\d*", str(same).rsplit("/", 1)[-1]):
                    wikidata = str(same).rsplit("/", 1)[-1]
            aliases = [str(o) for o in graph.objects(node, SKOS.altLabel)] + labels[1:]
            entries.append(Entry(name=labels[0], type=kind, wikidata=wikidata, aliases=aliases))
    if not entries:
        raise InputError(f"{path}: no tkg:Organization, tkg:Person or tkg:Product with an rdfs:label")
    return entries
