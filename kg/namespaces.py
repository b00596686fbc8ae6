"""RDF namespaces of techkg, with the ontology's terms in a closed namespace class.

``TKG.investsIn`` works; ``TKG.investsInto`` raises ``AttributeError``, so a typo never
becomes a silent new predicate.

Examples
--------
>>> from kg.namespaces import TKG
>>> str(TKG.investsIn)
'https://w3id.org/techkg/ontology#investsIn'
"""
from rdflib import Namespace
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/techkg/"
ENT = Namespace(BASE + "entity/")
ARTICLE = Namespace(BASE + "article/")
MENTION = Namespace(BASE + "mention/")
GRAPH = Namespace(BASE + "graph/")
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")


class TKG(DefinedNamespace):
    """The techkg ontology (``ontology/techkg.ttl``)."""

    _NS = Namespace("https://w3id.org/techkg/ontology#")
    _fail = True

    Entity: object
    Organization: object
    Person: object
    Product: object
    Article: object
    Mention: object
    relation: object
    investsIn: object
    acquires: object
    collaboratesWith: object
    competesWith: object
    founded: object
    worksFor: object
    formerlyWorkedFor: object
    develops: object
    owns: object
    supplies: object
    sues: object
    usesTechnologyOf: object
    evidence: object
    startOffset: object
    endOffset: object
    confidence: object
    extractor: object
    role: object
    normalizedRole: object
    stakePercent: object
    amount: object
    status: object
    contentHash: object
    source: object
    cueEn: object
    cueDe: object


RELATIONS = (
    "investsIn", "acquires", "collaboratesWith", "competesWith", "founded", "worksFor",
    "formerlyWorkedFor", "develops", "owns", "supplies", "sues", "usesTechnologyOf",
)
SYMMETRIC = frozenset({"collaboratesWith", "competesWith"})
CLASSES = ("Organization", "Person", "Product")

PREFIXES = {
    "tkg": str(TKG._NS),
    "ent": str(ENT),
    "article": str(ARTICLE),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dct": "http://purl.org/dc/terms/",
    "schema": str(SCHEMA),
    "wd": str(WD),
}
ONTOLOGY_GRAPH = GRAPH["ontology"]
CURATION_GRAPH = GRAPH["curation"]
UNION_GRAPH = GRAPH["union"]  # the union, on stores whose default graph cannot hold it (Virtuoso)
