"""Read articles from .txt, .md, .html and .jsonl files and folders.

Every problem with an input ends in an :class:`~kg.errors.InputError` whose message names
the file: missing, empty, binary, not UTF-8, no article text, malformed JSONL.

Examples
--------
>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Title\\n\\nMeta kooperiert mit Midjourney.", encoding="utf-8")
>>> [a.title for a in read_articles([folder])]
['Title']
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
MAX_BYTES = 50 * 1024 * 1024
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Article:
    """One article: its text and what is known about it.

    ``id`` is stable for a source (file name, or the ``id`` of a JSONL line) and decides which
    article a rebuild replaces; ``digest`` is the SHA-256 of the text (and of the extractor and model
    version that read it, where one is set) and decides whether it changed.
    """

    id: str
    text: str
    title: str = ""
    url: str = ""
    date: str = ""
    lang: str = ""
    source: str = ""
    meta: dict = field(default_factory=dict)
    extractor_key: str = ""  # the extractor and model version: a new model re-extracts unchanged text

    def __post_init__(self):
        # control characters (other than tab and line breaks) have no place in RDF/XML or GraphML: cleaned once,
        # here, one for one, so that character offsets stay those of the file
        self.text = _CONTROLS.sub(" ", self.text)
        self.title = _CONTROLS.sub(" ", self.title)

    @property
    def digest(self) -> str:
        key = self.text if not self.extractor_key else self.text + "\0" + self.extractor_key
        return hashlib.sha256(key.encode("utf-8")).hexdigest()


def article_id(name: str) -> str:
    """A readable, IRI-safe id: letters, digits, ``_``, ``-`` and ``.`` only.

    >>> article_id("Meta & Midjourney (DE).txt")
    'Meta_Midjourney_DE_.txt'
    """
    cleaned = re.sub(r"[^\w.-]+", "_", name, flags=re.ASCII).strip("_.") or "article"
    if cleaned != name.strip() and not re.sub(r"[^\w.-]+", "", name, flags=re.ASCII):
        cleaned = "article-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]
    return cleaned[:120]


def decode(path: Path, raw: bytes) -> str:
    """Decode bytes as UTF-8, refusing empty, binary and mis-encoded input with a named error."""
    if not raw.strip():
        raise InputError(f"{path}: file is empty")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{path}: not UTF-8 (byte {err.start}); convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 8192) + 2:
        raise InputError(f"{path}: binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:300]
    return ""


def read_file(path: Path, base_id: str | None = None) -> Iterator[Article]:
    """Yield the article(s) of one file, chosen by suffix; JSONL is streamed line by line."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'}; use {', '.join(SUFFIXES)}")
    if suffix == ".jsonl":
        yield from read_jsonl(path)
        return
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: file is {size // 2**20} MiB, more than the {MAX_BYTES // 2**20} MiB limit")
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror}") from None
    ident = base_id or article_id(path.name)
    text = decode(path, raw)
    if suffix in (".html", ".htm"):
        yield html_article(path, text, ident)
        return
    yield Article(id=ident, text=text, title=first_line(text), source=str(path))


def html_article(path: Path, html: str, ident: str) -> Article:
    """Strip boilerplate (navigation, scripts, footers) from an HTML page with trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    body = None
    title = url = date = ""
    if extracted is not None:
        data = extracted if isinstance(extracted, dict) else extracted.as_dict()
        body = data.get("text")
        title = data.get("title") or ""
        url = data.get("url") or ""
        date = data.get("date") or ""
    if not body or not body.strip():
        raise InputError(f"{path}: no article text found in the HTML")
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return Article(id=ident, text=text, title=title or first_line(body), url=url, date=date, source=str(path))


def read_jsonl(path: Path) -> Iterator[Article]:
    """One article per line: ``{"id", "title", "text", "url", "date", "lang"}``; ``text`` is required.

    The file is read line by line, so memory stays flat however large it is.
    """
    seen = 0
    try:
        handle = open(path, "rb")
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror}") from None
    with handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            if b"\x00" in raw:
                raise InputError(f"{path}:{number}: binary data, not JSON text")
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as err:
                raise InputError(f"{path}:{number}: not UTF-8 (byte {err.start})") from None
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"{path}:{number}: malformed JSON ({err.msg})") from None
            if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip():
                raise InputError(f'{path}:{number}: each line needs an object with a non-empty "text"')
            ident = str(row.get("id") or f"{path.stem}-{number}")
            title = str(row.get("title") or "")
            text = row["text"].replace("\r\n", "\n")
            if title and not text.startswith(title):
                text = f"{title}\n\n{text}"
            seen += 1
            yield Article(
                id=article_id(ident), text=text, title=title or first_line(text),
                url=str(row.get("url") or ""), date=str(row.get("date") or ""),
                lang=str(row.get("lang") or ""), source=f"{path}:{number}",
            )
    if not seen:
        raise InputError(f"{path}: file is empty" if path.stat().st_size == 0 else f"{path}: no articles in the JSONL file")


def _is_article(path: Path) -> bool:
    return (path.suffix.lower() in SUFFIXES and not path.name.startswith(".")
            and path.name.upper() not in ("SOURCES.MD", "README.MD"))


def walk_folder(folder: Path) -> tuple[list[Path], list[str]]:
    """The article files below ``folder`` (symbolic links to folders not followed, as ``Path.rglob``) and
    what could not be read: ``(files, ["path (reason)", ...])``. A sub-folder that cannot be listed, a
    link that leads nowhere (it may have been a folder) and an article name that is no regular file (a
    FIFO, say) are each reported, not skipped in silence."""
    files: list[Path] = []
    skipped: list[str] = []

    def unreadable(err: OSError) -> None:
        skipped.append(f"{err.filename} ({err.strerror or 'cannot read'})")

    for root, _, names in os.walk(folder, onerror=unreadable):
        for name in names:
            path = Path(root) / name
            if path.is_symlink() and not path.exists():
                skipped.append(f"{path} (a link to nothing)")
            elif _is_article(path):
                if path.is_file():
                    files.append(path)
                else:
                    skipped.append(f"{path} (not a regular file)")
    return sorted(files), sorted(skipped)


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders (recursively) into their article files, in a stable order; an input error names
    what in a folder could not be read."""
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            found, skipped = walk_folder(path)
            if skipped:
                more = f" and {len(skipped) - 3} more" if len(skipped) > 3 else ""
                raise InputError(f"{path}: cannot read {len(skipped)} entr{'y' if len(skipped) == 1 else 'ies'}: "
                                 f"{'; '.join(skipped[:3])}{more}")
            if not found:
                raise InputError(f"{path}: no articles ({', '.join(SUFFIXES)}) in this folder")
            files.extend(found)
        else:
            files.append(path)
    return files


def iter_articles(files: Iterable[Path]) -> Iterator[Article]:
    """Every article of the given files, streamed; ids are made unique."""
    seen: set[str] = set()
    for path in files:
        for article in read_file(path):
            if article.id in seen:
                article.id = f"{article.id}-{hashlib.sha1(article.source.encode()).hexdigest()[:8]}"
            seen.add(article.id)
            yield article


def check_inputs(files: Iterable[Path]) -> int:
    """Read everything once (streaming) so that a bad input fails before anything is written; returns
    the number of articles."""
    return sum(1 for _ in iter_articles(files))


def read_articles(paths: Iterable[Path]) -> list[Article]:
    """Read every article of the given files and folders into a list (small corpora)."""
    return list(iter_articles(collect_files(paths)))
