"""The RDF data model: an article's extraction as quads in the article's own named graph.

For each article graph ``article:<id>``:

- the article: ``a tkg:Article``, ``dct:title``, ``schema:url``, ``dct:date``, ``dct:language``,
  ``tkg:contentHash``, ``tkg:source``;
- each entity taking part in a relation: ``a tkg:Organization|Person|Product``, ``rdfs:label``,
  ``skos:altLabel`` (every surface form), ``owl:sameAs wd:Q…``;
- each relation as a direct triple (``ent:Meta_Platforms tkg:investsIn ent:Scale_AI``);
- one ``tkg:Mention`` (an ``rdf:Statement``) per extracted triple with ``rdf:subject/predicate/object``,
  ``prov:wasDerivedFrom`` the article, ``tkg:evidence``, offsets, ``tkg:confidence``, ``tkg:extractor`` and
  the attributes (``tkg:role``, ``tkg:stakePercent``, ``tkg:amount``, ``tkg:status``).

Examples
--------
>>> from kg.articles import Article
>>> from kg.extract.base import Extraction
>>> len(article_quads(Article(id="a", text="x"), Extraction([], {}, "en")))  # type, hash, source, language
4
"""
from __future__ import annotations

import hashlib
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad

from .articles import Article
from .extract.base import Extraction
from .namespaces import ARTICLE, ENT, MENTION, PREFIXES, SCHEMA, TKG, WD
from .resolve import entity_slug
from .slug import slugify

RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
XSD = PREFIXES["xsd"]
N = NamedNode
TYPE = N(RDF + "type")
LABEL = N(RDFS + "label")
ALT = N(PREFIXES["skos"] + "altLabel")
SAME = N(PREFIXES["owl"] + "sameAs")
DERIVED = N(PREFIXES["prov"] + "wasDerivedFrom")
DCT = PREFIXES["dct"]


def entity_iri(label: str, known: bool = True) -> NamedNode:
    """The IRI of an entity; see :mod:`kg.resolve` for how names become slugs."""
    return N(str(ENT[entity_slug(label, known)]))


def article_iri(article_id: str) -> NamedNode:
    return N(str(ARTICLE[slugify(article_id)]))


def term(uri) -> NamedNode:
    """An rdflib term (e.g. ``TKG.investsIn``) as a pyoxigraph node."""
    return N(str(uri))


def _decimal(value) -> Literal:
    return Literal(str(Decimal(str(value)).normalize() if value else Decimal(0)), datatype=N(XSD + "decimal"))


def _integer(value: int) -> Literal:
    return Literal(str(int(value)), datatype=N(XSD + "integer"))


def article_quads(article: Article, extraction: Extraction, extractor: str = "rules",
                  same_as: dict[str, str] | None = None) -> list[Quad]:
    """Every quad the article contributes, all in its own named graph.

    ``same_as`` maps entity IRIs to the IRIs curation merged them into (``kg merge``).
    """
    graph = article_iri(article.id)
    same_as = same_as or {}

    def iri(label: str) -> NamedNode:
        info = extraction.entities.get(label)
        node = entity_iri(label, info.known if info else False)
        return N(same_as.get(node.value, node.value))

    subject = graph
    quads = [
        Quad(subject, TYPE, term(TKG.Article), graph),
        Quad(subject, term(TKG.contentHash), Literal(article.digest), graph),
        Quad(subject, term(TKG.source), Literal(article.source or article.id), graph),
    ]
    if article.title:
        quads.append(Quad(subject, N(DCT + "title"), Literal(article.title), graph))
    if article.url:
        quads.append(Quad(subject, term(SCHEMA.url), Literal(article.url, datatype=N(XSD + "anyURI")), graph))
    if article.date:
        quads.append(Quad(subject, N(DCT + "date"), Literal(article.date), graph))
    if extraction.lang:
        quads.append(Quad(subject, N(DCT + "language"), Literal(extraction.lang), graph))
    used = {t.s for t in extraction.triples} | {t.o for t in extraction.triples}
    for label in sorted(used):
        info = extraction.entities.get(label)
        node = iri(label)
        kind = info.type if info else "Organization"
        quads.append(Quad(node, TYPE, term(TKG[kind]), graph))
        merged = node != entity_iri(label, info.known if info else False)
        quads.append(Quad(node, ALT if merged else LABEL, Literal(label), graph))
        if info is None:
            continue
        if info.label_de and info.label_de != label:
            quads.append(Quad(node, LABEL, Literal(label, language="en"), graph))
            quads.append(Quad(node, LABEL, Literal(info.label_de, language="de"), graph))
        for surface in sorted(info.surfaces):
            quads.append(Quad(node, ALT, Literal(surface), graph))
        if info.wikidata:
            quads.append(Quad(node, SAME, N(str(WD[info.wikidata])), graph))
    for triple in extraction.triples:
        s, o, p = iri(triple.s), iri(triple.o), term(TKG[triple.p])
        quads.append(Quad(s, p, o, graph))
        digest = hashlib.sha1(f"{article.id}|{triple.s}|{triple.p}|{triple.o}|{triple.start}".encode()).hexdigest()[:16]
        mention = N(str(MENTION[digest]))
        quads += [
            Quad(mention, TYPE, term(TKG.Mention), graph),
            Quad(mention, TYPE, N(RDF + "Statement"), graph),
            Quad(mention, N(RDF + "subject"), s, graph),
            Quad(mention, N(RDF + "predicate"), p, graph),
            Quad(mention, N(RDF + "object"), o, graph),
            Quad(mention, DERIVED, subject, graph),
            Quad(mention, term(TKG.evidence), Literal(triple.evidence), graph),
            Quad(mention, term(TKG.startOffset), _integer(triple.start), graph),
            Quad(mention, term(TKG.endOffset), _integer(triple.end), graph),
            Quad(mention, term(TKG.confidence), _decimal(round(triple.confidence, 3)), graph),
            Quad(mention, term(TKG.extractor), Literal(triple.extractor or extractor), graph),
        ]
        attrs = triple.attrs
        for name in ("role", "normalizedRole", "amount", "status"):
            if attrs.get(name):
                quads.append(Quad(mention, term(TKG[name]), Literal(str(attrs[name])), graph))
        if attrs.get("stakePercent") is not None:
            quads.append(Quad(mention, term(TKG.stakePercent), _decimal(attrs["stakePercent"]), graph))
    return quads
