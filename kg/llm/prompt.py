"""Prompts generated from the ontology: relation names, definitions, domains, ranges and cue words.

The prompt version is a hash of the template and the ontology, so changing either invalidates cached
responses.

Examples
--------
>>> "investsIn" in system_prompt() and len(prompt_version()) == 12
True
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache

from ..namespaces import CLASSES, RELATIONS, TKG
from ..schema import ontology_path

TEMPLATE_VERSION = "1"

EXAMPLES = (
    ("Der Apple-Zulieferer Foxconn baut ein Werk. Microsoft-Chef Satya Nadella lobte die Investition von "
     "Microsoft in OpenAI.",
     [{"s": "Foxconn", "s_type": "Organization", "p": "supplies", "o": "Apple", "o_type": "Organization",
       "evidence": "Der Apple-Zulieferer Foxconn baut ein Werk.", "attrs": {}},
      {"s": "Satya Nadella", "s_type": "Person", "p": "worksFor", "o": "Microsoft", "o_type": "Organization",
       "evidence": "Microsoft-Chef Satya Nadella lobte die Investition von Microsoft in OpenAI.",
       "attrs": {"role": "Chef"}},
      {"s": "Microsoft", "s_type": "Organization", "p": "investsIn", "o": "OpenAI", "o_type": "Organization",
       "evidence": "Microsoft-Chef Satya Nadella lobte die Investition von Microsoft in OpenAI.", "attrs": {}}]),
    ("Adobe will not acquire Figma. Google bought the startup Imperium for $9 million.",
     [{"s": "Google", "s_type": "Organization", "p": "acquires", "o": "Imperium", "o_type": "Organization",
       "evidence": "Google bought the startup Imperium for $9 million.",
       "attrs": {"amount": "$9 million", "status": "completed"}}]),
)


@lru_cache(maxsize=1)
def relation_definitions() -> list[dict]:
    from rdflib import RDFS, Graph

    graph = Graph().parse(ontology_path(), format="turtle")
    rows = []
    for name in RELATIONS:
        prop = TKG[name]
        comment = str(graph.value(prop, RDFS.comment) or "")
        cues = sorted(str(c) for c in graph.objects(prop, TKG.cueEn)) + sorted(str(c) for c in graph.objects(prop, TKG.cueDe))
        rows.append({"name": name, "definition": comment, "cues": cues})
    return rows


def json_schema() -> dict:
    """The JSON schema the endpoint is asked to follow (``response_format``)."""
    return {
        "type": "object",
        "properties": {"triples": {"type": "array", "items": {
            "type": "object",
            "properties": {
                "s": {"type": "string"}, "s_type": {"enum": list(CLASSES)},
                "p": {"enum": list(RELATIONS)},
                "o": {"type": "string"}, "o_type": {"enum": list(CLASSES)},
                "evidence": {"type": "string"},
                "attrs": {"type": "object", "properties": {
                    "role": {"type": "string"}, "amount": {"type": "string"}, "stakePercent": {"type": "number"},
                    "status": {"enum": ["rumored", "announced", "completed"]}}},
            },
            "required": ["s", "s_type", "p", "o", "o_type", "evidence"]}}},
        "required": ["triples"],
    }


def system_prompt() -> str:
    from ..extract.rules import SIGNATURES

    names = {"O": "Organization", "P": "Person", "R": "Product"}
    lines = [
        "You extract facts about the technology industry from one news article (German or English).",
        "Return JSON only: {\"triples\": [...]}, each triple with s, s_type, p, o, o_type, evidence, attrs.",
        "Rules: use only these relations; respect subject and object classes; s and o are names exactly as "
        "written in the article; evidence is one whole sentence copied verbatim from the article; skip denied, "
        "negated or hypothetical facts; attrs may hold role (title as written), amount (with currency), "
        "stakePercent (number) and status (rumored, announced or completed). Classes: "
        + ", ".join(CLASSES) + ".",
        "Relations:",
    ]
    for row in relation_definitions():
        domain, rng = SIGNATURES[row["name"]]
        lines.append(f"- {row['name']} ({'/'.join(names[c] for c in domain)} -> {'/'.join(names[c] for c in rng)}): "
                     f"{row['definition']} Cues: {', '.join(row['cues'])}.")
    for text, triples in EXAMPLES:
        lines.append(f"Example article: {text}\nExample answer: {json.dumps({'triples': triples}, ensure_ascii=False)}")
    return "\n".join(lines)


def messages(text: str) -> list[dict]:
    return [{"role": "system", "content": system_prompt()}, {"role": "user", "content": f"Article:\n{text}"}]


@lru_cache(maxsize=1)
def prompt_version() -> str:
    blob = TEMPLATE_VERSION + system_prompt() + ontology_path().read_text(encoding="utf-8")
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:12]
