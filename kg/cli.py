"""The ``kg`` command: click wiring around :mod:`kg.api`; data to stdout, messages to stderr."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .errors import KgError

STORE_HELP = ("Store directory, or a SPARQL 1.1 endpoint such as http://localhost:7878 ($KG_STORE; a separate "
              "update URL in $KG_STORE_UPDATE; credentials in $KG_STORE_TOKEN or $KG_STORE_USER/$KG_STORE_PASSWORD).")
FORMATS_EXPORT = ("turtle", "ntriples", "nquads", "trig", "jsonld", "graphml", "csv")


class KgGroup(click.Group):
    """Turns every :class:`KgError` into a one-line error and a non-zero exit, never a traceback."""

    def main(self, *args, **kwargs):
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.UsageError as err:  # one line, not click's usage block
            click.echo(f"Error: {err.format_message()} (see kg {err.ctx.info_name if err.ctx else ''} --help)".replace("kg kg", "kg"), err=True)
            sys.exit(2)
        except click.ClickException as err:
            err.show()
            sys.exit(err.exit_code)
        except click.Abort:
            click.echo("Aborted.", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as err:
            raise click.ClickException(str(err).splitlines()[0] if str(err) else type(err).__name__) from None
        except KeyboardInterrupt:
            click.echo("interrupted; the store keeps every article written so far", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as err:  # a bug: one line unless KG_DEBUG asks for the traceback
            if os.environ.get("KG_DEBUG"):
                raise
            raise click.ClickException(f"internal error ({type(err).__name__}: {str(err).splitlines()[0][:200] if str(err) else ''}); "
                                       "rerun with KG_DEBUG=1 and report it") from None


def min_confidence_option(f):
    return click.option("--min-confidence", default=0.0, show_default=True, type=click.FloatRange(0.0, 1.0),
                        help="Keep only relations of at least this confidence (the trained extractor's "
                             "calibrated chance that a relation is right).")(f)


def model_option(f):
    return click.option("--model", type=click.Path(path_type=Path), default=None,
                        help="Model folder for the trained extractor (default: the one shipped; see kg train).")(f)


def store_option(f):
    return click.option("--store", type=str, envvar="KG_STORE", default=str(Path("output") / "store"),
                        show_default=True, help=STORE_HELP)(f)


def entities_option(f):
    return click.option("--entities", "entities", multiple=True, type=click.Path(path_type=Path),
                        help="Extra entities (CSV/TSV with gazetteer columns, or Turtle); repeatable.")(f)


LANG = click.Choice(["auto", "de", "en"])


def llm_options(f):
    """--llm-url, --llm-model, --llm-concurrency, --llm-timeout (the key comes from KG_LLM_API_KEY only)."""
    f = click.option("--llm-timeout", default=120.0, show_default=True, type=click.FloatRange(1),
                     help="Seconds to wait for one LLM answer.")(f)
    f = click.option("--llm-concurrency", default=2, show_default=True, type=click.IntRange(1, 64),
                     help="LLM requests in flight at once.")(f)
    f = click.option("--llm-model", envvar="KG_LLM_MODEL", default="", help="Model name ($KG_LLM_MODEL).")(f)
    f = click.option("--llm-url", envvar="KG_LLM_URL", default="",
                     help="OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 ($KG_LLM_URL); "
                          "the API key is read from $KG_LLM_API_KEY.")(f)
    return f


def _llm(llm_url, llm_model, llm_concurrency, llm_timeout) -> dict:
    return {"llm_url": llm_url, "llm_model": llm_model, "llm_concurrency": llm_concurrency, "llm_timeout": llm_timeout}


def _report_llm(engine, verbose: bool) -> None:
    tally = getattr(engine, "tally", None)
    if tally is None:
        return
    click.echo(f"llm: {tally.summary()}", err=True)
    if verbose:
        for reason, detail in getattr(engine, "rejections", []):
            click.echo(f"  rejected ({reason}): {detail}", err=True)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="techkg")
def cli():
    """techkg: knowledge graphs of the technology industry from German and English news.

    \b
    Example:
      kg build examples/articles --out output/
      kg query 'SELECT ?a ?b WHERE { ?a tkg:investsIn ?b }'
    """


def web_options(f):
    """--limit, --since, --refresh, --user-agent, --rate, --timeout, --max-mb, --max-redirects, --allow-private,
    --allow-network."""
    f = click.option("--allow-network", "networks", multiple=True, metavar="CIDR",
                     help="Let URLs reach this private range only, e.g. 10.1.0.0/16; repeatable.")(f)
    f = click.option("--allow-private", is_flag=True,
                     help="Let URLs reach loopback, private and link-local addresses (refused by default).")(f)
    f = click.option("--max-redirects", default=5, show_default=True, type=click.IntRange(0, 30),
                     help="Redirects followed per URL.")(f)
    f = click.option("--max-mb", default=5.0, show_default=True, type=click.FloatRange(0.01),
                     help="Largest response read, in MB (checked while reading).")(f)
    f = click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1),
                     help="Seconds one request may take in all.")(f)
    f = click.option("--rate", default=1.0, show_default=True, type=click.FloatRange(0.001),
                     help="Requests per second to one host at most.")(f)
    f = click.option("--user-agent", envvar="KG_USER_AGENT", default="",
                     help="User-Agent sent ($KG_USER_AGENT; default techkg/VERSION with a link).")(f)
    f = click.option("--refresh", is_flag=True, help="Ignore the fetch cache: fetch and read every URL again.")(f)
    f = click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None,
                     help="Only feed and sitemap entries (and pages) dated on or after YYYY-MM-DD.")(f)
    f = click.option("--limit", default=0, type=click.IntRange(0),
                     help="At most N articles from each feed or sitemap, newest first (0: all).")(f)
    return f


def _web(limit, since, refresh, user_agent, rate, timeout, max_mb, max_redirects, allow_private, networks):
    from .web.crawl import WebOptions

    return WebOptions(user_agent=user_agent, rate=rate, timeout=timeout, max_bytes=int(max_mb * 2**20),
                      max_redirects=max_redirects, allow_private=allow_private, networks=tuple(networks), limit=limit,
                      since=since.date().isoformat() if since else "", refresh=refresh)


def _progress(label: str):
    """A progress callback ``(done, total)`` that draws a bar on a terminal (stderr) and nothing elsewhere;
    the total may grow (a feed adds its articles)."""
    state = {}

    def progress(done, total):
        if not sys.stderr.isatty():
            return
        if "bar" not in state:
            state["bar"] = click.progressbar(length=max(total, 1), label=label, file=sys.stderr, show_pos=True)
            state["bar"].__enter__()
            state["done"] = 0
        bar = state["bar"]
        bar.length = max(total, 1)
        bar.update(done - state["done"])
        state["done"] = done
        if done >= total and not state.get("closed"):
            state["closed"] = True
            bar.__exit__(None, None, None)

    return progress


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=str)
@click.option("--out", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
              help="Folder for graph.ttl and graph.html.")
@store_option
@click.option("--extractor", default="trained", show_default=True,
              help="trained (default), rules, llm or rules+llm.")
@model_option
@click.option("--lang", type=LANG, default="auto", show_default=True, help="Article language; auto detects it.")
@entities_option
@llm_options
@click.option("--dry-run", is_flag=True, help="Only count the LLM requests and tokens a build would spend.")
@click.option("--verbose", is_flag=True, help="Show why LLM triples were rejected.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 256),
              help="Extract in N processes (the store still has one writer).")
@click.option("--dask", default="", help="Send extraction to a Dask cluster, e.g. tcp://scheduler:8786.")
@click.option("--no-html", is_flag=True, help="Write no graph.html (kg html draws it later).")
@click.option("--html-nodes", default=5000, show_default=True, type=click.IntRange(0),
              help="graph.html shows at most this many entities, the most connected (0: all).")
@web_options
def build(paths, out, store, extractor, lang, entities, llm_url, llm_model, llm_concurrency, llm_timeout, dry_run,
          verbose, workers, dask, model, no_html, html_nodes, limit, since, refresh, user_agent, rate, timeout,
          max_mb, max_redirects, allow_private, networks):
    """Extract articles into the store; write OUT/graph.ttl and OUT/graph.html.

    PATHS are files or folders of .txt, .md, .html or .jsonl articles (JSONL: one
    {"id","title","text","url","date","lang"} object per line), and http(s) URLs of
    article pages, RSS or Atom feeds and sitemaps (gzipped too), mixed freely. Unchanged
    articles are skipped; changed ones replace what they contributed before. URLs are
    fetched politely (robots.txt, --rate per host) and only again when they changed
    (a fetch cache in the store folder); a failed URL is one line on stderr and the
    build goes on.

    \b
    Example:
      kg build examples/articles --out output/
      kg build https://www.heise.de/rss/heise-atom.xml --since 2025-01-01 --limit 50
    """
    from . import api

    web = _web(limit, since, refresh, user_agent, rate, timeout, max_mb, max_redirects, allow_private, networks)
    report = api.build(paths, store=store, out=out, extractor=extractor, lang=lang, entities=tuple(entities),
                       progress=_progress("extracting"), llm=_llm(llm_url, llm_model, llm_concurrency, llm_timeout),
                       dry_run=dry_run, workers=workers, dask=dask, model=model, html=not no_html,
                       html_nodes=html_nodes, web=web, fetch_progress=_progress("fetching"))
    if dry_run:
        requests, tokens = report.planned
        click.echo(f"dry run: {report.added} of {report.articles} articles to extract; {requests} LLM requests, "
                   f"about {tokens} prompt tokens; nothing was sent or written")
        return
    _report_llm(report.engine, verbose)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    if report.web is not None:
        for failure in report.web.failures:
            click.echo(f"failed: {failure}", err=True)
        click.echo(report.web.summary(), err=True)
    click.echo(report.summary())
    for path in report.outputs:
        click.echo(f"wrote {path}", err=True)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table", "turtle"]), default="jsonl", show_default=True)
@click.option("--lang", type=LANG, default="auto", show_default=True)
@click.option("--extractor", default="trained", show_default=True, help="trained, rules, llm or rules+llm.")
@model_option
@entities_option
@llm_options
@click.option("--verbose", is_flag=True, help="Show why LLM triples were rejected.")
@min_confidence_option
def extract(file, fmt, lang, extractor, model, entities, llm_url, llm_model, llm_concurrency, llm_timeout, verbose,
            min_confidence):
    """Extract the triples of one article, without a store.

    JSONL rows: s, p, o, s_type, o_type, attrs, evidence, start, end, confidence.

    \b
    Example:
      kg extract examples/articles/meta_midjourney_de.txt --format table
      kg extract examples/articles/meta_midjourney_de.txt --min-confidence 0.7
    """
    from . import api

    result, engine = api.extract_article(file, lang=lang, extractor=extractor, entities=tuple(entities),
                                 llm=_llm(llm_url, llm_model, llm_concurrency, llm_timeout), model=model,
                                 min_confidence=min_confidence)
    _report_llm(engine, verbose)
    for warning in result.warnings:
        click.echo(f"warning: {file}: {warning}", err=True)
    if fmt == "jsonl":
        for triple in result.triples:
            click.echo(json.dumps(triple.as_json(), ensure_ascii=False))
    elif fmt == "table":
        rows = [(t.s, t.p, t.o, ", ".join(f"{k}={v}" for k, v in t.attrs.items()), f"{t.confidence:.2f}")
                for t in result.triples]
        _table(("subject", "relation", "object", "attributes", "conf"), rows)
    else:
        import pyoxigraph as ox

        from .articles import Article
        from .namespaces import PREFIXES
        from .rdf import article_quads

        text = Path(file).read_text(encoding="utf-8", errors="replace")
        quads = article_quads(Article(id=Path(file).name, text=text, source=str(file)), result, extractor)
        sys.stdout.buffer.write(ox.serialize([q.triple for q in quads], format=ox.RdfFormat.TURTLE, prefixes=PREFIXES))


@cli.command()
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(path_type=Path), help="Read the query from a .rq file.")
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True)
@click.option("--allow-service", is_flag=True, help="Let SERVICE clauses query other endpoints (off by default).")
@click.option("--timeout", default=None, type=click.FloatRange(0.1),
              help="Stop the query after this many seconds (default: none; Ctrl-C stops it any time).")
def query(sparql, query_file, store, fmt, allow_service, timeout):
    """Run a SPARQL SELECT, ASK or CONSTRUCT query over the store.

    Prefixes tkg, ent, rdf, rdfs, owl, skos, prov, dct, schema, wd are predeclared; queries see
    the union of all article graphs. CONSTRUCT prints Turtle.

    \b
    Example:
      kg query 'SELECT ?investor ?target WHERE { ?investor tkg:investsIn ?target }'
    """
    from .query import run_query

    if (sparql is None) == (query_file is None):
        raise click.UsageError("give a query either as an argument or with -f FILE.rq")
    if query_file is not None:
        try:
            sparql = query_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise KgError(f"{query_file}: cannot read the query ({getattr(err, 'strerror', None) or 'not UTF-8'})") from None
    try:
        data = run_query(store, sparql, fmt, allow_service=allow_service, timeout=timeout)
    except KeyboardInterrupt:
        click.echo("interrupted: the query was stopped", err=True)
        sys.exit(130)
    sys.stdout.buffer.write(data)


@cli.command("export")
@store_option
@click.option("--format", "fmt", type=click.Choice(FORMATS_EXPORT), required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (default: stdout).")
def export_cmd(store, fmt, output):
    """Export the store as RDF (turtle, ntriples, nquads, trig, jsonld), graphml or csv.

    \b
    Example:
      kg export --format turtle -o output/graph.ttl
    """
    from . import api

    result = api.export_file(fmt, store=store, out=output)
    if output is None:
        sys.stdout.buffer.write(result)
    else:
        click.echo(f"wrote {result}", err=True)


@cli.command()
@store_option
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("output") / "graph.html", show_default=True)
@click.option("--focus", default="", help="Only the neighbourhood of this entity (name or alias).")
@click.option("--hops", default=1, show_default=True, type=click.IntRange(0, 10), help="Neighbourhood size for --focus.")
@click.option("--relation", default="", help="Comma-separated relations to keep, e.g. investsIn,acquires.")
@click.option("--since", default="", help="Keep relations from articles dated on or after YYYY-MM-DD.")
@click.option("--until", default="", help="Keep relations from articles dated on or before YYYY-MM-DD.")
@click.option("--min-degree", default=0, type=click.IntRange(0), help="Keep entities with at least N relations.")
@click.option("--max-nodes", default=0, type=click.IntRange(0), help="Keep the N most connected entities.")
@click.option("--title", default="", help="Page title.")
@min_confidence_option
def html(store, output, focus, hops, relation, since, until, min_degree, max_nodes, title, min_confidence):
    """Write one self-contained, offline HTML view of the graph.

    \b
    Example:
      kg html -o output/graph.html --focus Meta --hops 2
      kg html --min-confidence 0.8
    """
    from . import api
    from .namespaces import RELATIONS
    from .store import open_store

    relations = tuple(r.strip() for r in relation.split(",") if r.strip())
    unknown = [r for r in relations if r not in RELATIONS]
    if unknown:
        raise KgError(f"unknown relation(s) {', '.join(unknown)}; known: {', '.join(RELATIONS)}")
    with open_store(store, read_only=True) as kg:
        path = api.render(kg, output, title=title, focus=focus, hops=hops, relations=relations, since=since,
                          until=until, min_degree=min_degree, max_nodes=max_nodes, min_confidence=min_confidence)
    click.echo(f"wrote {path}", err=True)


@cli.command()
@store_option
@click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="How many top entities.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(store, top, as_json):
    """Counts per class and relation, and the most connected entities.

    \b
    Example:
      kg stats --top 5
    """
    from .stats import graph_stats
    from .store import open_store

    with open_store(store, read_only=True) as kg:
        data = graph_stats(kg, top=top)
    if as_json:
        click.echo(json.dumps(data, indent=1, ensure_ascii=False))
        return
    click.echo(f"articles: {data['articles']}  entities: {data['entities']}  "
               f"relations: {sum(data['relations'].values())}  mentions: {data['mentions']}")
    _table(("class", "entities"), list(data["classes"].items()))
    _table(("relation", "edges"), list(data["relations"].items()))
    _table(("most connected", "class", "degree"), [(t["label"], t["type"], t["degree"]) for t in data["top"]])


@cli.command()
@store_option
def validate(store):
    """Check the store against the SHACL shapes; exit 1 and list violations if it does not conform.

    \b
    Example:
      kg validate --store output/store
    """
    from .store import open_store
    from .validate import validate_store

    with open_store(store, read_only=True) as kg:
        violations = validate_store(kg)
    if not violations:
        click.echo("conforms: no SHACL violations")
        return
    _table(("severity", "focus", "path", "message"),
           [(v["severity"], v["focus"], v["path"], v["message"]) for v in violations])
    raise click.ClickException(f"{len(violations)} SHACL violation(s)")


@cli.command()
@click.argument("article")
@store_option
def remove(article, store):
    """Take one article's contribution out of the store (by id, file path or canonical URL).

    \b
    Example:
      kg remove examples/articles/meta_midjourney_de.txt
    """
    from . import api

    removed = api.remove(article, store=store)
    click.echo(f"removed article {removed}", err=True)


@cli.command()
@store_option
@click.option("--search", default="", help="Only entities with this text in a name or alias.")
@click.option("--type", "kind", type=click.Choice(["Organization", "Person", "Product"]), default=None)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def entities(store, search, kind, as_json):
    """List entities with class, aliases, degree and number of articles.

    \b
    Example:
      kg entities --search meta --type Organization
    """
    from .curation import list_entities
    from .store import open_store

    with open_store(store, read_only=True) as kg:
        rows = list_entities(kg, search=search, kind=kind or "")
    if as_json:
        click.echo(json.dumps(rows, indent=1, ensure_ascii=False))
        return
    _table(("entity", "class", "degree", "articles", "aliases"),
           [(r["label"], r["type"], r["degree"], r["articles"], ", ".join(r["aliases"])) for r in rows])


@cli.command()
@click.argument("keep")
@click.argument("drop")
@store_option
def merge(keep, drop, store):
    """Merge entity DROP into KEEP, now and on every later build.

    \b
    Example:
      kg split "Volkswagen" "VW"    # VW is an entity of its own from the next build on
      kg build examples/articles
      kg merge "Volkswagen" "VW"    # and Volkswagen again
    """
    from .curation import merge as merge_entities
    from .store import open_store

    with open_store(store, create=False) as kg:
        kept, dropped = merge_entities(kg, keep, drop)
    click.echo(f"merged {dropped} into {kept}; later builds keep them together", err=True)


@cli.command()
@click.argument("entity")
@click.argument("alias")
@store_option
def split(entity, alias, store):
    """Split ALIAS off ENTITY: it names a different entity from the next build on.

    \b
    Example:
      kg split "Alexandr Wang" "Wang"
    """
    from .curation import split as split_entity
    from .store import open_store

    with open_store(store, create=False) as kg:
        new, stale = split_entity(kg, entity, alias)
    click.echo(f"recorded: {alias!r} is {new}, not {entity!r}; {stale} article(s) will be re-extracted "
               f"by the next kg build", err=True)


@cli.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (localhost by default).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="0 picks a free port.")
@click.option("--allow-service", is_flag=True, help="Let SERVICE clauses query other endpoints (off by default).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds a query may run; then it is stopped and answers 503.")
@click.option("--max-queries", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Queries running at once (one worker process each); more answer 503.")
def serve(store, host, port, allow_service, timeout, max_queries):
    """Serve the store as a read-only SPARQL 1.1 endpoint (GET/POST /query).

    \b
    Example:
      kg serve --store output/store --port 7878 --timeout 30 --max-queries 2
      curl -H 'Accept: text/csv' 'http://127.0.0.1:7878/query?query=SELECT%20*%20WHERE%20%7B?s%20?p%20?o%7D%20LIMIT%205'
    """
    from .serve import serve as run

    def ready(url):
        click.echo(f"serving {store} read-only at {url}, {max_queries} queries at once, {timeout:g} s each "
                   "(Ctrl-C stops)", err=True)

    try:
        run(store, host=host, port=port, ready=ready, allow_service=allow_service, timeout=timeout,
            max_queries=max_queries)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


@cli.command()
@click.option("--clear", is_flag=True, help="Delete every cached LLM answer.")
def cache(clear):
    """Show or clear the LLM answer cache ($KG_CACHE, default ~/.cache/techkg/llm).

    \b
    Example:
      kg cache --clear
    """
    from .llm.client import clear_cache, default_cache_dir

    folder = default_cache_dir()
    if clear:
        click.echo(f"removed {clear_cache(folder)} cached answers from {folder}")
        return
    count = sum(1 for _ in folder.rglob("*.json")) if folder.is_dir() else 0
    click.echo(f"{count} cached answers in {folder}")


@cli.command()
@click.argument("gold_dirs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--dev", "dev_dirs", multiple=True, type=click.Path(path_type=Path),
              help="Gold folder to choose thresholds on (default: corpus/dev where it exists).")
@click.option("--bio", "bio_files", multiple=True, type=click.Path(path_type=Path),
              help="Extra tagger training data: token<TAB>BIO-tag lines (e.g. scripts/convert_ner.py output).")
@click.option("--out", type=click.Path(path_type=Path), default=Path("output") / "model", show_default=True,
              help="Model folder to write.")
@click.option("--iterations", default=200, show_default=True, type=click.IntRange(1, 1000),
              help="CRF training iterations.")
def train(gold_dirs, dev_dirs, bio_files, out, iterations):
    """Train the tagger and the relation model from annotated articles.

    GOLD_DIRS default to corpus/train. The model folder OUT is what --model reads;
    copy it over kg/models/default to ship it.

    \b
    Example:
      kg train corpus/train --dev corpus/dev --out output/model
      kg eval corpus/test --model output/model
    """
    from .extract.training import train as run

    gold_dirs = list(gold_dirs) or [Path("corpus") / "train"]
    if not dev_dirs and (Path("corpus") / "dev").is_dir():
        dev_dirs = [Path("corpus") / "dev"]
    for path in [*gold_dirs, *dev_dirs]:
        if not path.is_dir():
            raise click.ClickException(f"{path}: not a folder of annotated articles")
    for path in bio_files:
        if not path.is_file():
            raise click.ClickException(f"{path}: no such BIO file")
    meta = run(gold_dirs, list(dev_dirs), out, bio_files, log=lambda line: click.echo(line, err=True),
               iterations=iterations)
    click.echo(f"model {meta['version']}: {meta['articles']} articles, {meta['pairs']} pairs, "
               f"{meta['features']} features, {meta['seconds']} s -> {out}")


@cli.command("eval")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option("--extractor", default="trained", show_default=True, help="trained, rules, llm or rules+llm.")
@model_option
@click.option("--lang", type=LANG, default="auto", show_default=True)
@click.option("--verbose", is_flag=True, help="List every miss (FN) and false hit (FP).")
@click.option("--relations", default="", help="Judge only these relations, e.g. worksFor,acquires (for data "
              "annotated with some of them).")
@entities_option
@min_confidence_option
def eval_cmd(gold_dir, extractor, model, lang, verbose, relations, entities, min_confidence):
    """Score an extractor on annotated articles: NAME.txt beside NAME.gold.jsonl.

    Prints precision, recall and F1 per relation; the last line is 'F1 <value>'.
    With --min-confidence, only the relations a user filtering on it would keep are
    judged (precision up, recall down).

    \b
    Example:
      kg eval corpus/dev --verbose
      kg eval corpus/dev --min-confidence 0.8
    """
    from . import extract as extractors
    from .evaluate import evaluate

    from .namespaces import RELATIONS

    only = {r.strip() for r in relations.split(",") if r.strip()}
    if only - set(RELATIONS):
        raise click.ClickException(f"unknown relations: {', '.join(sorted(only - set(RELATIONS)))}")
    options = {"model": str(model)} if model and extractor == "trained" else {}
    score = evaluate(gold_dir, extractors.get(extractor, entities=tuple(entities), **options), lang=lang,
                     relations=only or None, min_confidence=min_confidence)
    click.echo(f"{'relation':20} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for name, p, r, f, tp, fp, fn in score.table():
        click.echo(f"{name:20} {p:6.3f} {r:6.3f} {f:6.3f} {tp:4} {fp:4} {fn:4}")
    if verbose:
        for line in score.details:
            click.echo("  " + line)
    click.echo(f"F1 {score.table()[-1][3]:.3f}")


def _table(header, rows) -> None:
    from .query import table

    click.echo(table(list(header), [["" if c is None else str(c) for c in row] for row in rows], limit=60), nl=False)


def main() -> None:
    cli(prog_name="kg")
