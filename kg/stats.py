"""Counts per class and relation, and the most connected entities (networkx degree).

Examples
--------
>>> import tempfile
>>> from kg.store import KgStore
>>> with KgStore(tempfile.mkdtemp() + "/s") as store:
...     graph_stats(store)["relations"]
{}
"""
from __future__ import annotations

from .graph import load_graph
from .store import KgStore


def graph_stats(store: KgStore, top: int = 10) -> dict:
    """``articles``, ``classes`` {class: n}, ``relations`` {relation: n}, ``mentions`` and ``top`` entities."""
    graph = load_graph(store)
    classes: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        classes[data["type"]] = classes.get(data["type"], 0) + 1
    relations: dict[str, int] = {}
    mentions = 0
    for _, _, key, data in graph.edges(keys=True, data=True):
        relations[key] = relations.get(key, 0) + 1
        mentions += len(data["evidence"])
    ranked = sorted(graph.nodes, key=lambda n: (-graph.degree(n), graph.nodes[n]["label"]))[:top]
    return {
        "articles": store.count("?a a tkg:Article"),
        "entities": graph.number_of_nodes(),
        "classes": dict(sorted(classes.items())),
        "relations": dict(sorted(relations.items())),
        "mentions": mentions,
        "top": [{"label": graph.nodes[n]["label"], "type": graph.nodes[n]["type"], "degree": graph.degree(n)}
                for n in ranked],
    }
