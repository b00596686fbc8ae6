"""Synthetic relation graphs for benchmarks: N entities, about 2N edges, evidence on every edge.

Examples
--------
>>> g = synthetic_graph(100, seed=1)
>>> g.number_of_nodes(), g.number_of_edges() >= 150
(100, True)
"""
from __future__ import annotations

import random

import networkx as nx

RELATIONS = ("investsIn", "acquires", "collaboratesWith", "competesWith", "founded", "worksFor", "develops",
             "owns", "supplies", "usesTechnologyOf")
KINDS = ("Organization", "Person", "Product")


def synthetic_graph(nodes: int, edges_per_node: int = 2, seed: int = 7) -> nx.MultiDiGraph:
    """A scale-free-ish graph shaped like :func:`kg.graph.load_graph` output."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    for n in range(nodes):
        kind = KINDS[n % 3] if n % 5 else "Organization"
        graph.add_node(f"https://w3id.org/techkg/entity/E{n}", label=f"Entity {n}", type=kind,
                       aliases=[f"E{n}"], wikidata="", articles=1 + n % 4)
    names = list(graph.nodes)
    targets = names[:10]
    for n, source in enumerate(names):
        for _ in range(edges_per_node):
            target = rng.choice(targets) if rng.random() < 0.5 else rng.choice(names)
            if target == source:
                continue
            relation = rng.choice(RELATIONS)
            date = f"20{10 + n % 15:02d}-0{1 + n % 9}-1{n % 9}"
            graph.add_edge(source, target, key=relation, relation=relation, confidence=0.8, attrs={},
                           evidence=[{"sentence": f"Entity {n} {relation} something.", "article": f"a{n}",
                                      "title": f"Article {n}", "date": date, "url": "", "start": 0, "end": 10,
                                      "confidence": 0.8}])
        targets.append(source)
    return graph
