"""The ``llm`` extractor (any OpenAI-compatible endpoint) and ``rules+llm``, held to the ontology.

Every triple the model returns is checked before it counts: a known relation, known classes, the
relation's domain and range, both names written in the article, evidence that is a sentence of the
article (its offsets are taken from the article), clean labels. Rejections are counted per reason.
Long articles are cut into chunks of whole sentences with one sentence of overlap; requests run
concurrently, are retried on 429/5xx/time-outs and cached on disk.

Examples
--------
>>> LlmExtractor.signature_ok("investsIn", "Person", "Organization")
True
"""
from __future__ import annotations

import os
import re
from concurrent.futures import ThreadPoolExecutor

from .. import lang as languages
from ..gazetteer import Gazetteer, key_of
from ..langdetect import detect
from ..llm import prompt as prompts
from ..llm.client import ChatClient
from ..llm.repair import parse_json
from ..namespaces import CLASSES, RELATIONS, SYMMETRIC
from ..resolve import entity_key
from ..text import split_sentences
from . import register
from .base import EntityInfo, Extraction, Triple
from .patterns import LETTER
from .rules import SIGNATURES, RuleExtractor

BAD_LABEL = re.compile(r"[<>{}\"`\\\x00-\x1f\x7f]")
STATUSES = ("rumored", "announced", "completed")


@register("llm")
class LlmExtractor:
    """Triples from a chat model, validated against the ontology and the article."""

    name = "llm"

    def __init__(self, entities: tuple = (), splits: tuple = (), llm_url: str | None = None,
                 llm_model: str | None = None, llm_api_key: str | None = None, llm_concurrency: int = 2,
                 llm_timeout: float = 120.0, cache_dir=None, chunk_chars: int = 6000, **_):
        self.client = ChatClient(llm_url or os.environ.get("KG_LLM_URL", ""),
                                 llm_model or os.environ.get("KG_LLM_MODEL", ""),
                                 llm_api_key if llm_api_key is not None else os.environ.get("KG_LLM_API_KEY", ""),
                                 timeout=llm_timeout, cache_dir=cache_dir)
        self.concurrency = max(1, int(llm_concurrency))
        self.chunk_chars = chunk_chars
        self.gazetteer = Gazetteer.load(tuple(entities))
        for entity, alias in splits:
            self.gazetteer.split(entity, alias)
        self.rejections: list[tuple[str, str]] = []

    @property
    def tally(self):
        return self.client.tally

    @property
    def label(self) -> str:
        return f"llm:{self.client.model}"

    # ------------------------------------------------------------ chunks and requests
    def chunks(self, text: str, code: str) -> list[str]:
        sentences = split_sentences(text, code if code in languages.SUPPORTED else "en")
        chunks, current = [], []
        for sentence in sentences:
            if current and sum(len(s.text) + 1 for s in current) + len(sentence.text) > self.chunk_chars:
                chunks.append(" ".join(s.text for s in current))
                current = current[-1:]  # one sentence of overlap
            current.append(sentence)
        if current:
            chunks.append(" ".join(s.text for s in current))
        return chunks

    def _ask(self, chunk: str) -> str:
        return self.client.complete(prompts.messages(chunk), prompts.prompt_version(), prompts.json_schema())

    def prefetch(self, texts: list[str]) -> None:
        """Send the requests of many articles concurrently (answers land in the cache)."""
        chunks = [c for t in texts for c in self.chunks(t, detect(t) or "en")]
        with ThreadPoolExecutor(self.concurrency) as pool:
            list(pool.map(self._ask, chunks))

    def plan(self, texts: list[str]) -> tuple[int, int]:
        """Requests and (estimated) prompt tokens a build of ``texts`` would spend; cached chunks are free."""
        requests = tokens = 0
        for text in texts:
            for chunk in self.chunks(text, detect(text) or "en"):
                messages = prompts.messages(chunk)
                if self.client.cache_path(self.client.cache_key(prompts.prompt_version(), messages)).is_file():
                    continue
                requests += 1
                tokens += sum(len(m["content"]) for m in messages) // 4
        return requests, tokens

    # ------------------------------------------------------------ extraction
    def extract(self, text: str, lang: str = "auto", date: str = "") -> Extraction:
        code = lang if lang in languages.SUPPORTED else detect(text)
        if code not in languages.SUPPORTED:
            return Extraction([], {}, code, [f"language {code or 'unknown'} is not supported (de, en): no triples extracted"])
        chunks = self.chunks(text, code)
        with ThreadPoolExecutor(min(self.concurrency, max(1, len(chunks)))) as pool:
            answers = list(pool.map(self._ask, chunks))
        sentences = split_sentences(text, code)
        triples: dict[tuple, Triple] = {}
        entities: dict[str, EntityInfo] = {}
        for answer in answers:
            data = parse_json(answer)
            rows = data.get("triples") if isinstance(data, dict) else data if isinstance(data, list) else None
            if not isinstance(rows, list):
                self._reject("unreadable answer", (answer or "")[:80])
                continue
            for row in rows:
                triple = self._check(row, text, sentences, entities, date)
                if triple is not None:
                    key = (triple.s, triple.p, triple.o)
                    if triple.p in SYMMETRIC:
                        key = (min(triple.s, triple.o), triple.p, max(triple.s, triple.o))
                    triples.setdefault(key, triple)
        return Extraction(list(triples.values()), entities, code)

    def _reject(self, reason: str, detail: str) -> None:
        self.tally.reject(reason)
        self.rejections.append((reason, detail))

    @staticmethod
    def signature_ok(relation: str, s_type: str, o_type: str) -> bool:
        domain, rng = SIGNATURES[relation]
        return LETTER[s_type] in domain and LETTER[o_type] in rng

    def _check(self, row, text, sentences, entities, date) -> Triple | None:
        if not isinstance(row, dict):
            self._reject("not an object", str(row)[:80])
            return None
        s, o, p = row.get("s"), row.get("o"), row.get("p")
        s_type, o_type = row.get("s_type"), row.get("o_type")
        shown = f"{s!s:.40} {p!s:.20} {o!s:.40}"
        if p not in RELATIONS:
            self._reject("unknown relation", shown)
            return None
        if s_type not in CLASSES or o_type not in CLASSES:
            self._reject("unknown class", shown)
            return None
        if not self.signature_ok(p, s_type, o_type):
            self._reject("wrong domain or range", shown)
            return None
        for label in (s, o):
            if not isinstance(label, str) or not label.strip() or len(label) > 120 or BAD_LABEL.search(label):
                self._reject("bad label", shown)
                return None
        lowered = text.casefold()
        for label in (s, o):
            bare = re.sub(r"[’']s$", "", label.strip()).casefold()
            if bare not in lowered:
                self._reject("entity not in text", shown)
                return None
        sentence = self._sentence(row.get("evidence"), sentences)
        if sentence is None:
            self._reject("evidence not a sentence of the article", shown)
            return None
        s_label, s_known = self._canonical(s.strip(), s_type)
        o_label, o_known = self._canonical(o.strip(), o_type)
        if entity_key(s_label) == entity_key(o_label):
            self._reject("subject equals object", shown)
            return None
        for label, kind, known, surface in ((s_label, s_type, s_known, s), (o_label, o_type, o_known, o)):
            info = entities.setdefault(label, EntityInfo(label=label, type=kind, known=known))
            info.surfaces.add(surface.strip())
            entry = self.gazetteer.get(label)
            if entry is not None:
                info.wikidata, info.label_de = entry.wikidata, entry.label_de
        attrs = self._attrs(row.get("attrs"), date)
        return Triple(s_label, p, o_label, s_type, o_type, sentence.text, sentence.start, sentence.end, 0.7, attrs,
                      extractor=self.label)

    def _canonical(self, label: str, kind: str) -> tuple[str, bool]:
        entry = self.gazetteer.lookup(key_of(label).split(" "))
        if entry is not None and entry.type in (kind, getattr(entry, "alt_type", "")):
            return entry.name, True
        return label, False

    @staticmethod
    def _sentence(evidence, sentences):
        if not isinstance(evidence, str) or len(evidence.strip()) < 8:
            return None
        wanted = " ".join(evidence.split())
        for sentence in sentences:
            have = " ".join(sentence.text.split())
            if wanted == have or (wanted in have and len(wanted) >= 0.6 * len(have)):
                return sentence
        return None

    @staticmethod
    def _attrs(raw, date) -> dict:
        attrs = {}
        if isinstance(raw, dict):
            for name in ("role", "amount"):
                value = raw.get(name)
                if isinstance(value, str) and value.strip() and not BAD_LABEL.search(value) and len(value) < 120:
                    attrs[name] = value.strip()
            stake = raw.get("stakePercent")
            if isinstance(stake, (int, float)) and 0 <= stake <= 100:
                attrs["stakePercent"] = stake
            if raw.get("status") in STATUSES:
                attrs["status"] = raw["status"]
        if date:
            attrs["date"] = date
        return attrs


@register("rules+llm")
class RulesAndLlm:
    """Both extractors; a triple both find gets a higher confidence and both names as extractor."""

    name = "rules+llm"

    def __init__(self, entities: tuple = (), splits: tuple = (), **options):
        self.rules = RuleExtractor(entities=entities, splits=splits)
        self.llm = LlmExtractor(entities=entities, splits=splits, **options)

    @property
    def tally(self):
        return self.llm.tally

    @property
    def rejections(self):
        return self.llm.rejections

    def prefetch(self, texts):
        self.llm.prefetch(texts)

    def plan(self, texts):
        return self.llm.plan(texts)

    def extract(self, text: str, lang: str = "auto", date: str = "") -> Extraction:
        first = self.rules.extract(text, lang=lang, date=date)
        second = self.llm.extract(text, lang=lang, date=date)
        merged: dict[tuple, Triple] = {}

        def key(t: Triple) -> tuple:
            a, b = entity_key(t.s), entity_key(t.o)
            return (min(a, b), t.p, max(a, b)) if t.p in SYMMETRIC else (a, t.p, b)

        for triple in first.triples:
            merged[key(triple)] = triple
        for triple in second.triples:
            known = merged.get(key(triple))
            if known is None:
                merged[key(triple)] = triple
            else:
                known.confidence = round(1 - (1 - known.confidence) * (1 - triple.confidence), 3)
                known.extractor = f"rules+{self.llm.label}"
                for name, value in triple.attrs.items():
                    known.attrs.setdefault(name, value)
        entities = dict(second.entities)
        entities.update(first.entities)
        return Extraction(list(merged.values()), entities, first.lang, first.warnings + second.warnings)
