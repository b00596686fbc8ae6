"""One self-contained, offline HTML page of the graph, built with pyvis and vis-network.

pyvis builds the node and edge data and the vis-network options; the page itself comes from techkg's
own template (``kg/templates/graph.html``, Jinja autoescape on), because pyvis's template links
bootstrap from a CDN in every mode, writes a ``lib/`` folder and inserts some titles as HTML. The
vis-network script and stylesheet that ship inside the pyvis package are inlined, so the file draws from
file:// with no network. All article text reaches the page as JSON data and is put on screen with
``textContent`` only.

Examples
--------
>>> import networkx as nx
>>> page = render_html(nx.MultiDiGraph(), title="empty")
>>> "vis-network" in page and "https://" not in page.split("<script", 1)[0]
True
"""
from __future__ import annotations

import json
import math
import random
from pathlib import Path

import networkx as nx

from .errors import KgError
from .namespaces import SYMMETRIC

COLORS = {"Organization": "#4e79a7", "Person": "#f28e2b", "Product": "#59a14f"}
SHAPES = {"Organization": "dot", "Person": "diamond", "Product": "square"}
PHYSICS_LIMIT = 400  # above this many nodes the layout is computed in Python and physics starts off


def _pyvis_root() -> Path:
    import pyvis

    return Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"


def _keep_evidence(g: nx.MultiDiGraph, keep) -> None:
    """Keep the evidence items ``keep`` accepts (in place): an edge with none left goes, and so does an entity
    with no edge left; an edge's confidence is that of its best evidence kept."""
    for s, o, k, data in list(g.edges(keys=True, data=True)):
        kept = [e for e in data["evidence"] if keep(e)]
        if kept:
            data["evidence"] = kept
            data["confidence"] = max(e["confidence"] for e in kept)
        else:
            g.remove_edge(s, o, k)
    g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])


def subgraph(graph: nx.MultiDiGraph, focus: str = "", hops: int = 1, relations: tuple[str, ...] = (),
             since: str = "", until: str = "", min_degree: int = 0, max_nodes: int = 0,
             min_confidence: float = 0.0) -> tuple[nx.MultiDiGraph, list[str]]:
    """Filter the graph for ``kg html``; returns the subgraph and notes to show on the page."""
    notes = []
    g = graph.copy()
    if min_confidence:
        _keep_evidence(g, lambda e: e["confidence"] >= min_confidence)
        notes.append(f"relations of confidence {min_confidence:g} or more")
    if relations:
        drop = [(s, o, k) for s, o, k in g.edges(keys=True) if k not in relations]
        g.remove_edges_from(drop)
        g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
        notes.append("relations: " + ", ".join(relations))
    if since or until:
        _keep_evidence(g, lambda e: (not since or (e["date"] and e["date"] >= since))
                       and (not until or (e["date"] and e["date"] <= until)))
        notes.append(f"articles dated {since or '…'} to {until or '…'}")
    if focus:
        wanted = focus.casefold()
        starts = [n for n, d in g.nodes(data=True)
                  if d["label"].casefold() == wanted or wanted in (a.casefold() for a in d["aliases"])]
        if not starts:
            raise KgError(f"no entity named {focus!r} in the graph")
        undirected = g.to_undirected(as_view=True)
        keep = set()
        for start in starts:
            keep |= set(nx.single_source_shortest_path_length(undirected, start, cutoff=hops))
        g = g.subgraph(keep).copy()
        notes.append(f"{hops} hop(s) around {focus}")
    if min_degree:
        g = g.subgraph([n for n in g if g.degree(n) >= min_degree]).copy()
        notes.append(f"entities with at least {min_degree} relations")
    if max_nodes and g.number_of_nodes() > max_nodes:
        total = g.number_of_nodes()
        ranked = sorted(g, key=lambda n: (-g.degree(n), g.nodes[n]["label"]))[:max_nodes]
        g = g.subgraph(ranked).copy()
        notes.append(f"showing the {max_nodes} most connected of {total} entities")
    return g, notes


def _layout(graph: nx.MultiDiGraph) -> dict:
    """Positions for large graphs: igraph's Fruchterman-Reingold where installed, else networkx."""
    nodes = sorted(graph)
    if not nodes:
        return {}
    try:
        import igraph

        index = {n: i for i, n in enumerate(nodes)}
        edges = sorted((index[s], index[o]) for s, o in graph.edges() if s != o)
        ig = igraph.Graph(n=len(nodes), edges=edges)
        rng = random.Random(7)  # igraph draws from Python's random: seeded, the same graph is drawn the same way
        igraph.set_random_number_generator(rng)
        try:
            start = [[rng.uniform(-1, 1), rng.uniform(-1, 1)] for _ in nodes]
            coords = ig.layout_fruchterman_reingold(niter=300, seed=start).coords
        finally:
            igraph.set_random_number_generator(random)
        positions = dict(zip(nodes, coords))
    except ImportError:
        positions = nx.spring_layout(nx.Graph(graph), seed=7, iterations=50)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    scale = 60 * math.sqrt(len(nodes)) / span
    return {n: (float(p[0]) * scale, float(p[1]) * scale) for n, p in positions.items()}


def network_data(graph: nx.MultiDiGraph) -> tuple[list, list, dict]:
    """Nodes, edges and vis options, assembled with pyvis."""
    from pyvis.network import Network

    large = graph.number_of_nodes() > PHYSICS_LIMIT
    positions = _layout(graph) if large else {}
    net = Network(directed=True, cdn_resources="in_line")
    ids = {}
    for number, (iri, data) in enumerate(graph.nodes(data=True)):
        ids[iri] = number
        degree = graph.degree(iri)
        extra = {"x": positions[iri][0], "y": positions[iri][1]} if iri in positions else {}
        net.add_node(number, label=data["label"], shape=SHAPES.get(data["type"], "dot"),
                     color=COLORS.get(data["type"], "#999999"), size=10 + 4 * math.sqrt(degree), **extra)
    parallel: dict[tuple, int] = {}
    for s, o, key, data in graph.edges(keys=True, data=True):
        pair = (min(ids[s], ids[o]), max(ids[s], ids[o]))
        rank = parallel[pair] = parallel.get(pair, -1) + 1
        extra = {"smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.2 * rank}} if rank and not large else {}
        net.add_edge(ids[s], ids[o], label=key, arrows="" if key in SYMMETRIC else "to", **extra)
    nodes, edges, _, _, _, _ = net.get_network_data()
    options = {
        "physics": {"enabled": not large, "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": True, "iterations": 250, "fit": True}},
        "edges": {"smooth": False, "font": {"size": 10, "align": "middle"}, "color": {"color": "#888888"}},
        "nodes": {"font": {"size": 13}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large},
        "layout": {"improvedLayout": graph.number_of_nodes() <= 100, "randomSeed": 7},
    }
    return nodes, edges, options


def render_html(graph: nx.MultiDiGraph, title: str = "techkg", subtitle: str = "", notes: list[str] = ()) -> str:
    """The whole page as a string."""
    from jinja2 import Environment, FileSystemLoader

    nodes, edges, options = network_data(graph)
    iris = list(graph.nodes)
    node_info = []
    for number, iri in enumerate(iris):
        data = graph.nodes[iri]
        node_info.append({"id": number, "iri": iri, "label": data["label"], "type": data["type"],
                          "aliases": data["aliases"], "wikidata": data["wikidata"], "articles": data["articles"],
                          "degree": graph.degree(iri)})
    index = {iri: n for n, iri in enumerate(iris)}
    edge_info = []
    for number, (s, o, key, data) in enumerate(graph.edges(keys=True, data=True)):
        dates = sorted(e["date"] for e in data["evidence"] if e["date"])
        edge_info.append({"id": number, "from": index[s], "to": index[o], "relation": key, "attrs": data["attrs"],
                          "confidence": data["confidence"], "evidence": data["evidence"],
                          "first": dates[0] if dates else "", "last": dates[-1] if dates else ""})
    for number, edge in enumerate(edges):
        edge["id"] = number
    payload = {"nodes": nodes, "edges": edges, "options": options, "nodeInfo": node_info, "edgeInfo": edge_info,
               "colors": COLORS, "shapes": SHAPES, "symmetric": sorted(SYMMETRIC)}
    root = _pyvis_root()
    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")), autoescape=True)
    return env.get_template("graph.html").render(
        title=title, subtitle=subtitle, notes=list(notes), data=safe_json(payload),
        vis_js=(root / "vis-network.min.js").read_text(encoding="utf-8"),
        vis_css=(root / "vis-network.css").read_text(encoding="utf-8"),
    )


def safe_json(value) -> str:
    """JSON that can sit inside a <script> element: no '<', '>', '&' or line separators left raw."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def notebook(graph: nx.MultiDiGraph, height: int = 650, **kwargs):
    """The same page inline in Jupyter: an ``IPython.display.HTML`` iframe whose ``srcdoc`` holds it.

    >>> notebook(nx.MultiDiGraph(), title="x").data.startswith("<iframe")
    True
    """
    import html as html_lib

    from IPython.display import HTML

    page = render_html(graph, **kwargs)
    return HTML(f'<iframe srcdoc="{html_lib.escape(page, quote=True)}" style="width:100%;height:{int(height)}px;'
                f'border:1px solid #ddd" sandbox="allow-scripts"></iframe>')


def write_html(graph: nx.MultiDiGraph, path: str | Path, **kwargs) -> Path:
    path = Path(path)
    if path.is_dir():
        raise KgError(f"{path}: is a folder; give a file name such as {path / 'graph.html'}")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(render_html(graph, **kwargs), encoding="utf-8")
    tmp.replace(path)
    return path
