"""Export a store as Turtle, N-Triples, N-Quads, TriG, JSON-LD, GraphML or CSV.

Turtle, N-Triples and JSON-LD hold the union of all graphs; N-Quads and TriG keep one named graph per
article; GraphML and CSV hold the relation graph with evidence (for Gephi, spreadsheets, pandas).

Examples
--------
>>> import io, tempfile
>>> from kg.store import KgStore
>>> with KgStore(tempfile.mkdtemp() + "/s") as store:
...     out = io.BytesIO(); export(store, "ntriples", out); out.getvalue()
b''
"""
from __future__ import annotations

import csv
import io
import re
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox

from .errors import KgError
from .graph import load_graph
from .namespaces import PREFIXES
from .store import KgStore

RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
    "nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG,
}
FORMATS = tuple(RDF_FORMATS) + ("graphml", "csv")
EXTENSIONS = {"turtle": "ttl", "ntriples": "nt", "jsonld": "jsonld", "nquads": "nq", "trig": "trig",
              "graphml": "graphml", "csv": "csv"}


def export(store: KgStore, fmt: str, out: BinaryIO) -> None:
    """Write the store in format ``fmt`` to the binary stream ``out``."""
    if fmt not in FORMATS:
        raise KgError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in ("nquads", "trig"):
        ox.serialize(store.quads(), out, RDF_FORMATS[fmt], prefixes=PREFIXES if fmt == "trig" else None)
    elif fmt in RDF_FORMATS:
        prefixes = PREFIXES if fmt == "turtle" else None
        store.dump_triples(out, RDF_FORMATS[fmt], prefixes=prefixes)
    elif fmt == "graphml":
        nx.write_graphml(_flat(load_graph(store)), out)
    else:
        _csv(store, out)


def _flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML takes scalar attributes only: lists become text."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, label=data["label"], type=data["type"], aliases=" | ".join(data["aliases"]),
                      wikidata=data["wikidata"], articles=data["articles"])
    for s, o, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(s, o, key=key, relation=data["relation"], confidence=data["confidence"],
                      evidence=" || ".join(e["sentence"] for e in data["evidence"]),
                      **{k: str(v) for k, v in data["attrs"].items()})
    return flat


def _cell(value) -> str:
    """A CSV cell a spreadsheet will not run: text from articles that begins like a formula (= + - @, or a
    tab or carriage return before one) gets a leading apostrophe; numbers stay as they are."""
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not re.fullmatch(r"[+-]?\d+(?:\.\d+)?", text):
        return "'" + text
    return text


def _csv(store: KgStore, out: BinaryIO) -> None:
    graph = load_graph(store)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(["subject", "relation", "object", "subject_type", "object_type", "role", "amount",
                     "stakePercent", "status", "confidence", "evidence", "article", "title", "date", "url"])
    for s, o, _, data in graph.edges(keys=True, data=True):
        for item in data["evidence"]:
            writer.writerow([_cell(v) for v in [graph.nodes[s]["label"], data["relation"], graph.nodes[o]["label"],
                             graph.nodes[s]["type"], graph.nodes[o]["type"], item.get("role", ""),
                             item.get("amount", ""), item.get("stakePercent", ""), item.get("status", ""),
                             item["confidence"], item["sentence"], item["article"], item["title"],
                             item["date"], item["url"]]])
    text.flush()
    text.detach()
