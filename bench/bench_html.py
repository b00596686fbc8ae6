"""HTML view at scale: time to the first stable drawing and file size, techkg against pyvis defaults.

Run: python bench/bench_html.py [SIZES...]   (default 200 1000 10000 nodes, about 2 edges per node)
Both pages show the same synthetic graph in Debian's headless Chromium from file:// with the network blocked.
pyvis defaults: ``Network(cdn_resources="in_line")`` with ``from_nx`` and default physics; a run that has not
stabilised after --limit seconds (default 300) is reported as '>limit'.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from browser import ARGS, CHROMIUM  # noqa: E402
from synthetic import synthetic_graph  # noqa: E402

from kg.html import write_html  # noqa: E402


def pyvis_page(graph, path: Path) -> None:
    import networkx as nx
    from pyvis.network import Network

    simple = nx.DiGraph()
    for node, data in graph.nodes(data=True):
        simple.add_node(node, label=data["label"])
    for s, o, key in graph.edges(keys=True):
        simple.add_edge(s, o, label=key)
    net = Network(directed=True, cdn_resources="in_line")
    net.from_nx(simple)
    path.write_text(net.generate_html(), encoding="utf-8")


def time_to_stable(browser, path: Path, ready_js: str, limit: float) -> float | None:
    page = browser.new_context(bypass_csp=True).new_page()  # Playwright's polling needs eval
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    start = time.perf_counter()
    try:
        page.goto(path.as_uri(), timeout=limit * 1000)
        remaining = max(1.0, limit - (time.perf_counter() - start))
        page.wait_for_function(ready_js, timeout=remaining * 1000)
    except Exception as err:  # a time-out, or a page that broke
        print(f"  {path.name}: {str(err).splitlines()[0][:160]}", file=sys.stderr)
        page.close()
        return None
    elapsed = time.perf_counter() - start
    page.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[200, 1000, 10000])
    parser.add_argument("--limit", type=float, default=300)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp())
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for size in args.sizes:
            graph = synthetic_graph(size)
            ours, theirs = folder / f"techkg{size}.html", folder / f"pyvis{size}.html"
            started = time.perf_counter()
            write_html(graph, ours, title="bench")
            build = time.perf_counter() - started
            pyvis_page(graph, theirs)
            t_ours = time_to_stable(browser, ours, "window.techkg && window.techkg.ready", args.limit)
            t_theirs = time_to_stable(browser, theirs, "typeof network !== 'undefined' && (network.physics.stabilized"
                                      " || !network.physics.physicsEnabled)", args.limit)
            rows.append((size, graph.number_of_edges(), build, t_ours, t_theirs, ours.stat().st_size,
                         theirs.stat().st_size))
            print_row(rows[-1], args.limit)
        browser.close()


def print_row(row, limit) -> None:
    size, edges, build, ours, theirs, size_ours, size_theirs = row
    fmt = lambda t: f"{t:.2f} s" if t is not None else f">{limit:.0f} s"  # noqa: E731
    ratio = f"{theirs / ours:.1f}x faster" if ours and theirs else (f">{limit / ours:.0f}x faster" if ours else "n/a")
    print(f"{size} nodes, {edges} edges: page built in {build:.2f} s; first stable drawing techkg {fmt(ours)}, "
          f"pyvis defaults {fmt(theirs)} ({ratio}); file size techkg {size_ours / 1e6:.2f} MB, "
          f"pyvis {size_theirs / 1e6:.2f} MB ({size_ours / size_theirs:.2f}x)", flush=True)


if __name__ == "__main__":
    main()
