"""The Python API of techkg; the command line only wires click to these functions.

Examples
--------
>>> triples = extract_text("Der Apple-Zulieferer Japan Display meldet Verluste.", lang="de")
>>> [(t.s, t.p, t.o) for t in triples]
[('Japan Display', 'supplies', 'Apple')]
"""
from __future__ import annotations

import itertools
import os
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from . import curation
from . import extract as extractors
from .articles import Article, check_inputs, collect_files, iter_articles, read_file
from .errors import InputError
from .export import EXTENSIONS, export
from .extract.base import confident
from .graph import load_graph
from .html import subgraph, write_html
from .rdf import article_quads
from .schema import ontology_path
from .store import DEFAULT_STORE, KgStore, open_store


@dataclass
class BuildReport:
    articles: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    entities: int = 0
    relations: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    engine: object = None
    planned: tuple[int, int] | None = None
    web: object = None  # a kg.web.crawl.FetchReport when URLs were given

    def summary(self) -> str:
        return (f"{self.articles} articles ({self.added} new, {self.replaced} changed, {self.unchanged} unchanged), "
                f"{self.entities} entities, {self.relations} relations, {self.seconds:.1f} s")


@lru_cache(maxsize=8)
def _extractor(name: str, entities: tuple[str, ...]):
    return extractors.get(name, entities=entities)


def extract_text(text: str, lang: str = "auto", extractor: str = "trained", entities: tuple[str, ...] = (),
                 date: str = "") -> list:
    """Triples of one text (no store)."""
    return _extractor(extractor, tuple(str(e) for e in entities)).extract(text, lang=lang, date=date).triples


def extract_article(path: str | Path, lang: str = "auto", extractor: str = "trained",
                    entities: tuple[str, ...] = (), llm: dict | None = None, model: str = "",
                    min_confidence: float = 0.0):
    """The :class:`~kg.extract.base.Extraction` of the first article in a file (only its triples of at least
    ``min_confidence``), and the extractor that made it (an LLM extractor carries its request tally and
    rejections)."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; kg extract takes one file (use kg build for folders)")
    article = next(iter(read_file(path)))
    options = dict(llm or {}) if "llm" in extractor else {}
    if model and extractor == "trained":
        options["model"] = str(model)
    engine = extractors.get(extractor, entities=tuple(entities), **options)
    result = engine.extract(article.text, lang=article.lang or lang, date=article.date)
    result.triples = confident(result.triples, min_confidence)
    return result, engine


BATCH = 256
HTML_NODES = 5_000  # entities a build's HTML view shows at most (the most connected); 0: all


def _extractor_key(engine, name: str, options: dict) -> str:
    """What read an article, for its content key: the trained model's version, the LLM's model, "rules"."""
    label = getattr(engine, "label", "")
    if label:
        return label
    if "llm" in name:
        return f"{name}:{options.get('llm_model', '')}"
    return name


def _keyed(articles, key: str):
    """Articles whose content key includes the extractor's model version (so a new model re-extracts)."""
    for article in articles:
        article.extractor_key = key
        yield article

WRITE_QUADS = 20_000  # quads held before they are written (a remote store sends ~5,000 per request)


def build(paths: Iterable[str | Path], store: str | Path = DEFAULT_STORE, out: str | Path | None = "output",
          extractor: str = "trained", lang: str = "auto", entities: tuple[str, ...] = (),
          progress: Callable[[int, int], None] | None = None,
          llm: dict | None = None, dry_run: bool = False, workers: int = 1, dask: str = "",
          model: str = "", html: bool = True, html_nodes: int = HTML_NODES, web=None,
          fetch_progress: Callable[[int, int], None] | None = None) -> BuildReport:
    """Read, extract and store articles; write ``OUT/graph.ttl`` and ``OUT/graph.html``.

    ``paths`` are files, folders and http(s) URLs (article pages, RSS/Atom feeds, sitemaps), fetched as
    ``web`` (a :class:`kg.web.crawl.WebOptions`) says, with a fetch cache in the store folder, before
    anything is extracted; ``fetch_progress(done, total)`` follows the URLs and ``report.web`` counts
    what was fetched, not modified, skipped and failed (a failed URL never stops the build).

    Every input is read once (streaming) and rejected with a named error before the store is touched;
    then articles stream through in batches, so memory stays flat for large JSONL corpora. Unchanged
    articles (same content hash) are skipped; a changed one replaces what it contributed before.
    Extraction runs in this process, in ``workers`` processes, or on a Dask cluster (``dask`` is the
    scheduler address); the store always has one writer, this process. ``progress(done, total)`` is
    called after each article.
    """
    started = time.perf_counter()
    report = BuildReport()
    if extractor not in extractors.available():
        raise InputError(f"unknown extractor {extractor!r}; available: {', '.join(extractors.available())}")
    from .web.inputs import split_inputs

    urls, local = split_inputs(paths)
    if urls and dry_run:
        raise InputError("--dry-run reads local files only (URLs would have to be fetched)")
    if urls:
        from .web.crawl import WebOptions

        web = (web or WebOptions()).check()
    files = collect_files(local) if local or not urls else []
    total = check_inputs(files)
    if entities:  # a bad --entities file is refused before the store is opened (or created) for writing
        from .gazetteer import Gazetteer

        Gazetteer.load(tuple(str(e) for e in entities))
    if dry_run:
        return plan_build(list(iter_articles(files)), store, extractor, entities, llm or {})
    with open_store(store) as kg:
        kg.ensure_ontology(ontology_path().read_bytes())
        same_as = curation.same_as_map(kg)
        options = {"entities": tuple(str(e) for e in entities)}
        split_pairs = tuple(curation.splits(kg))
        if split_pairs:
            options["splits"] = split_pairs
        if "llm" in extractor:
            options.update(llm or {})
        if model and extractor == "trained":
            options["model"] = str(model)
        engine = extractors.get(extractor, **options)
        report.engine = engine
        cluster = _dask_client(dask) if dask else None
        pool = _pool(workers) if cluster is None and workers > 1 and "llm" not in extractor else None
        extraction = _Extraction(engine, extractor, options, lang, workers, pool, cluster)
        done = 0
        key = _extractor_key(engine, extractor, options)
        spool = None
        try:
            if urls:
                spool, report.web = _fetch(urls, kg, store, key, web, fetch_progress)
                total += len(spool)
            articles = iter_articles(files) if spool is None else itertools.chain(iter_articles(files), spool)
            keyed = _keyed(articles, key)
            prepared = (extraction.start(kg, batch) for batch in _batches(keyed, BATCH))
            # one batch of look-ahead: workers extract the next batch while this process writes this one
            for batch, digests, pending in _lookahead(prepared, 1 if (cluster or pool) else 0):
                report.articles += len(batch)
                results = pending()
                writes, held = [], 0
                for article in batch:
                    done += 1
                    if digests[article.id] == article.digest:
                        report.unchanged += 1
                    else:
                        result = results.get(article.id) or engine.extract(article.text, lang=article.lang or lang,
                                                                            date=article.date)
                        report.warnings += [f"{article.source}: {w}" for w in result.warnings]
                        quads = article_quads(article, result, extractor, same_as)
                        writes.append((article.id, quads, digests[article.id] is None))
                        held += len(quads)
                        if held >= WRITE_QUADS:  # bounded memory, and whole requests for a remote store
                            kg.put_articles(writes)
                            writes, held = [], 0
                        if digests[article.id] is None:
                            report.added += 1
                        else:
                            report.replaced += 1
                    if progress:
                        progress(done, total)
                kg.put_articles(writes)
                kg.checkpoint()
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
            if spool is not None:
                spool.close()
        report.entities = kg.entity_count()
        report.relations = kg.relation_count()
        if out is not None:
            report.outputs = write_outputs(kg, Path(out), html=html, html_nodes=html_nodes)
    report.seconds = time.perf_counter() - started
    return report


def _fetch(urls: list[str], kg, store, key: str, web, progress):
    """Fetch the URLs into a spool (new and changed articles only); returns it and the fetch report."""
    from .web.cache import FetchCache, cache_path
    from .web.crawl import Crawl, WebOptions
    from .web.spool import Spool

    cache = FetchCache(cache_path(store))
    spool = Spool()
    try:
        crawl = Crawl(web or WebOptions(), cache, kg.article_digest, key=key, progress=progress)
        for article in crawl.run(urls):
            spool.add(article)
    except BaseException:
        spool.close()
        raise
    finally:
        cache.close()
    return spool, crawl.report


@dataclass
class _Extraction:
    """Where and how a build extracts: in this process, in a process ``pool`` or on a Dask ``cluster``."""

    engine: object
    extractor: str
    options: dict
    lang: str
    workers: int = 1
    pool: object = None
    cluster: object = None

    def start(self, kg, batch):
        """Look up the stored digests of a batch and start extracting what changed; returns the batch,
        the digests and a function that waits for the results (by article id)."""
        digests = kg.article_digests([a.id for a in batch])
        todo = [a for a in batch if digests[a.id] != a.digest]
        if hasattr(self.engine, "prefetch") and todo:  # LLM requests go out concurrently, then come from the cache
            self.engine.prefetch([a.text for a in todo])
        jobs = _jobs(todo, self.lang)
        if self.cluster is not None and todo:
            futures = self.cluster.map(_extract_job, jobs, extractor=self.extractor, options=self.options, pure=False)
            return batch, digests, lambda: dict(self.cluster.gather(futures))
        if self.pool is not None and len(todo) > 1:
            from functools import partial

            task = partial(_extract_job, extractor=self.extractor, options=self.options)
            results = self.pool.map(task, jobs, chunksize=max(1, len(todo) // (self.workers * 8)))
            return batch, digests, lambda: dict(results)
        return batch, digests, dict


def _lookahead(items, depth: int):
    """Yield from ``items`` while keeping ``depth`` items already started ahead."""
    from collections import deque

    queue = deque()
    for item in items:
        queue.append(item)
        if len(queue) > depth:
            yield queue.popleft()
    while queue:
        yield queue.popleft()


def _pool(workers: int):
    """One process pool for the whole build (starting one per batch cost a second each)."""
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, initializer=_watch_parent, initargs=(os.getpid(),))


def _watch_parent(parent: int) -> None:
    """In a worker: exit when the building process is gone (killed with SIGKILL it cannot stop its pool,
    and the workers would wait for work forever)."""
    import threading

    def watch():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="kg-parent-watch").start()


def _batches(items, size: int):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _dask_client(address: str):
    try:
        from distributed import Client
    except ImportError:
        raise InputError("--dask needs the distributed package: pip install 'techkg[dask]'") from None
    try:
        return Client(address, timeout=30)
    except (OSError, TimeoutError) as err:
        raise InputError(f"cannot reach the Dask scheduler at {address} ({err})") from None


_ENGINES: dict = {}  # one extractor per worker process, by name and options


def _extract_job(job: tuple[str, str, str, str], extractor: str, options: dict):
    """Extract one article in a worker (process pool or Dask); returns (article id, extraction)."""
    key = (extractor, repr(options))
    if key not in _ENGINES:
        _ENGINES[key] = extractors.get(extractor, **options)
    ident, text, lang, date = job
    return ident, _ENGINES[key].extract(text, lang=lang, date=date)


def _jobs(articles: list[Article], lang: str) -> list[tuple[str, str, str, str]]:
    return [(a.id, a.text, a.lang or lang, a.date) for a in articles]


def plan_build(articles: list[Article], store, extractor: str, entities, llm: dict) -> BuildReport:
    """What a build would spend (``--dry-run``): requests and estimated prompt tokens; nothing is written."""
    report = BuildReport(articles=len(articles))
    engine = extractors.get(extractor, entities=tuple(entities), **(llm if "llm" in extractor else {}))
    todo = articles
    if Path(store).is_dir() and any(Path(store).iterdir()):
        with open_store(store, read_only=True) as kg:
            digests = kg.article_digests([a.id for a in articles])
            todo = [a for a in articles if digests[a.id] != a.digest]
    report.added = len(todo)
    report.unchanged = len(articles) - len(todo)
    report.planned = engine.plan([a.text for a in todo]) if hasattr(engine, "plan") else (0, 0)
    return report


def write_outputs(kg: KgStore, out: Path, html: bool = True, html_nodes: int = HTML_NODES) -> list[Path]:
    """``graph.ttl`` and (unless ``html`` is false) ``graph.html`` in ``out``; the view shows the
    ``html_nodes`` most connected entities of a larger graph (0: all), and says so on the page."""
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: is a file, not a folder for the outputs")
    out.mkdir(parents=True, exist_ok=True)
    turtle = out / "graph.ttl"
    tmp = turtle.with_name("graph.ttl.tmp")
    with open(tmp, "wb") as handle:
        export(kg, "turtle", handle)
    tmp.replace(turtle)
    if not html:
        return [turtle]
    return [turtle, render(kg, out / "graph.html", max_nodes=html_nodes)]


def render(kg: KgStore, path: str | Path, title: str = "", **filters) -> Path:
    """Write the interactive HTML view of the store (optionally a filtered subgraph)."""
    graph = load_graph(kg)
    shown, notes = subgraph(graph, **filters)
    articles = kg.articles()
    dates = sorted(a["date"] for a in articles if a["date"])
    span = f", dated {dates[0]} to {dates[-1]}" if dates else ""
    subtitle = (f"{shown.number_of_nodes()} entities and {shown.number_of_edges()} relations "
                f"from {len(articles)} articles{span}")
    return write_html(shown, path, title=title or "techkg knowledge graph", subtitle=subtitle, notes=notes)


def show(store: str | Path = DEFAULT_STORE, height: int = 650, **filters):
    """The interactive view inline in a Jupyter notebook (same page as ``kg html``)."""
    from .html import notebook

    with open_store(store, read_only=True) as kg:
        graph, notes = subgraph(load_graph(kg), **filters)
    return notebook(graph, height=height, title="techkg knowledge graph", notes=notes,
                    subtitle=f"{graph.number_of_nodes()} entities and {graph.number_of_edges()} relations")


def remove(article: str, store: str | Path = DEFAULT_STORE) -> str:
    """Take an article out of the store, by id or by the path it was built from; returns its id."""
    candidates = [article]
    path = Path(article)
    if article.startswith(("http://", "https://")):
        from .web.page import web_id

        candidates.append(web_id(article))  # the id of a page fetched from that (canonical) URL
    elif path.is_file():
        candidates = [a.id for a in read_file(path)] + candidates
    else:
        candidates.append(path.name)
    with open_store(store, create=False) as kg:
        for candidate in candidates:
            if kg.remove_article(candidate):
                return candidate
    raise InputError(f"{article}: no such article in the store (see kg query for the list)")


def export_file(fmt: str, store: str | Path = DEFAULT_STORE, out: str | Path | None = None):
    """Export to a file (written atomically) or, with ``out=None``, return bytes."""
    import io

    with open_store(store, read_only=True) as kg:
        if out is None:
            buffer = io.BytesIO()
            export(kg, fmt, buffer)
            return buffer.getvalue()
        out = Path(out)
        if out.is_dir():
            out = out / f"graph.{EXTENSIONS.get(fmt, fmt)}"
        tmp = out.with_name(out.name + ".tmp")
        with open(tmp, "wb") as handle:
            export(kg, fmt, handle)
        tmp.replace(out)
        return out
