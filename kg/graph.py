"""The relation graph of a store as a networkx MultiDiGraph: entities, relations and their evidence.

Examples
--------
>>> import tempfile
>>> from kg.store import KgStore
>>> with KgStore(tempfile.mkdtemp() + "/s") as store:
...     load_graph(store).number_of_nodes()
0
"""
from __future__ import annotations

import networkx as nx

from .store import KgStore

_ENTITIES = """
SELECT ?e ?label ?type ?wd (GROUP_CONCAT(DISTINCT ?alt; separator="\\u001f") AS ?alts)
       (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?m a tkg:Mention ; prov:wasDerivedFrom ?article . { ?m rdf:subject ?e } UNION { ?m rdf:object ?e }
  ?e a ?type . FILTER(?type IN (tkg:Organization, tkg:Person, tkg:Product))
  OPTIONAL { ?e rdfs:label ?label FILTER(LANG(?label) = "") }
  OPTIONAL { ?e skos:altLabel ?alt }
  OPTIONAL { ?e owl:sameAs ?wd FILTER(STRSTARTS(STR(?wd), "http://www.wikidata.org/entity/")) }
} GROUP BY ?e ?label ?type ?wd
"""
_MENTIONS = """
SELECT ?s ?p ?o ?evidence ?confidence ?role ?amount ?stake ?status ?article ?title ?date ?url ?start ?end WHERE {
  ?m a tkg:Mention ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; tkg:evidence ?evidence ;
     tkg:confidence ?confidence ; prov:wasDerivedFrom ?article ; tkg:startOffset ?start ; tkg:endOffset ?end .
  OPTIONAL { ?m tkg:role ?role } OPTIONAL { ?m tkg:amount ?amount }
  OPTIONAL { ?m tkg:stakePercent ?stake } OPTIONAL { ?m tkg:status ?status }
  OPTIONAL { ?article dct:title ?title } OPTIONAL { ?article dct:date ?date } OPTIONAL { ?article schema:url ?url }
} ORDER BY ?s ?p ?o ?article ?start
"""


def _value(term) -> str:
    return "" if term is None else term.value


def load_graph(store: KgStore) -> nx.MultiDiGraph:
    """Nodes are entity IRIs (label, type, aliases, wikidata, articles); one edge per (s, p, o) with a
    list of ``evidence`` dicts (sentence, article, title, date, url, offsets, confidence, attributes)."""
    graph = nx.MultiDiGraph()
    for row in store.select(_ENTITIES):
        iri = _value(row["e"])
        kind = _value(row["type"]).rsplit("#", 1)[-1]
        node = graph.nodes.get(iri)
        if node is not None:  # an entity typed differently in two articles keeps its first class
            continue
        aliases = sorted(a for a in _value(row["alts"]).split("\u001f") if a)
        graph.add_node(iri, label=_value(row["label"]) or iri.rsplit("/", 1)[-1], type=kind, aliases=aliases,
                       wikidata=_value(row["wd"]), articles=int(_value(row["articles"]) or 0))
    for row in store.select(_MENTIONS):
        s, o = _value(row["s"]), _value(row["o"])
        relation = _value(row["p"]).rsplit("#", 1)[-1]
        if s not in graph or o not in graph:
            continue
        if not graph.has_edge(s, o, key=relation):
            graph.add_edge(s, o, key=relation, relation=relation, evidence=[], confidence=0.0, attrs={})
        edge = graph.edges[s, o, relation]
        item = {
            "sentence": _value(row["evidence"]), "article": _value(row["article"]), "title": _value(row["title"]),
            "date": _value(row["date"]), "url": _value(row["url"]), "start": int(_value(row["start"])),
            "end": int(_value(row["end"])), "confidence": float(_value(row["confidence"])),
        }
        for name, key in (("role", "role"), ("amount", "amount"), ("stake", "stakePercent"), ("status", "status")):
            if row[name] is not None:
                item[key] = _value(row[name])
                edge["attrs"].setdefault(key, _value(row[name]))
        edge["evidence"].append(item)
        edge["confidence"] = max(edge["confidence"], item["confidence"])
    return graph
