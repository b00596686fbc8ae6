"""A small client for OpenAI-compatible chat completion endpoints (Ollama, vLLM, llama.cpp, OpenAI).

Standard library only: retries with backoff on 429, 5xx and time-outs (``Retry-After`` honoured), a
per-run tally of requests, tokens and time, and a disk cache keyed by model, prompt version and text.
The API key goes into the ``Authorization`` header and nowhere else: no message, log or error shows it.

Examples
--------
>>> Tally().summary()
'0 requests (0 cached), 0 prompt + 0 completion tokens, 0.0 s'
"""
from __future__ import annotations

import hashlib
import json
import os
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KgError


class LlmError(KgError):
    """The endpoint cannot be reached or keeps failing."""


@dataclass
class Tally:
    requests: int = 0
    cached: int = 0
    retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    rejected: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, **counts) -> None:
        with self.lock:
            for name, value in counts.items():
                setattr(self, name, getattr(self, name) + value)

    def reject(self, reason: str) -> None:
        with self.lock:
            self.rejected[reason] = self.rejected.get(reason, 0) + 1

    def summary(self) -> str:
        text = (f"{self.requests} requests ({self.cached} cached), {self.prompt_tokens} prompt + "
                f"{self.completion_tokens} completion tokens, {self.seconds:.1f} s")
        if self.retries:
            text += f", {self.retries} retries"
        if self.rejected:
            text += ", rejected: " + ", ".join(f"{n} {r}" for r, n in sorted(self.rejected.items()))
        return text


def default_cache_dir() -> Path:
    root = os.environ.get("KG_CACHE") or os.path.join(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache",
                                                       "techkg")
    return Path(root) / "llm"


class ChatClient:
    """POST ``/chat/completions`` with retries; responses cached on disk."""

    def __init__(self, url: str, model: str, api_key: str = "", timeout: float = 120.0, retries: int = 4,
                 cache_dir: Path | None = None, backoff: float = 0.5):
        if not url:
            raise LlmError("no LLM endpoint: give --llm-url (or set KG_LLM_URL), e.g. http://localhost:11434/v1")
        if not model:
            raise LlmError("no LLM model: give --llm-model (or set KG_LLM_MODEL)")
        self.url = url.rstrip("/") + ("" if url.rstrip("/").endswith("/chat/completions") else "/chat/completions")
        self.model = model
        self._key = api_key
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.cache_dir = cache_dir or default_cache_dir()
        self.tally = Tally()
        self.schema_supported = True
        self._written: set[str] = set()

    def __repr__(self) -> str:  # never show the key
        return f"ChatClient(url={self.url!r}, model={self.model!r})"

    # ------------------------------------------------------------ cache
    def cache_path(self, key: str) -> Path:
        return self.cache_dir / key[:2] / f"{key}.json"

    def cache_key(self, prompt_version: str, messages: list[dict]) -> str:
        blob = json.dumps([self.model, prompt_version, messages], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    # ------------------------------------------------------------ requests
    def complete(self, messages: list[dict], prompt_version: str, schema: dict | None = None) -> str:
        """The assistant's text for ``messages``: from the cache, or from the endpoint."""
        key = self.cache_key(prompt_version, messages)
        path = self.cache_path(key)
        if path.is_file():
            try:
                if key not in self._written:  # answers fetched earlier in this run are not cache savings
                    self.tally.add(cached=1)
                return json.loads(path.read_text(encoding="utf-8"))["content"]
            except (OSError, ValueError, KeyError):
                pass  # a broken cache entry is fetched again
        body = {"model": self.model, "messages": messages, "temperature": 0}
        if schema is not None and self.schema_supported:
            body["response_format"] = {"type": "json_schema",
                                       "json_schema": {"name": "triples", "schema": schema, "strict": False}}
        data = self._post(body)
        if data is None:  # the server refused response_format: ask again without it
            self.schema_supported = False
            body.pop("response_format", None)
            data = self._post(body)
        try:
            content = data["choices"][0]["message"]["content"] or ""
        except (KeyError, IndexError, TypeError):
            raise LlmError(f"{self.url}: answer is not a chat completion") from None
        usage = data.get("usage") or {}
        self.tally.add(prompt_tokens=int(usage.get("prompt_tokens") or 0),
                       completion_tokens=int(usage.get("completion_tokens") or 0))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"model": self.model, "content": content}, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
        self._written.add(key)
        return content

    def _post(self, body: dict) -> dict | None:
        payload = json.dumps(body).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self._key:
            headers["Authorization"] = f"Bearer {self._key}"
        last = ""
        for attempt in range(self.retries + 1):
            started = time.perf_counter()
            request = urllib.request.Request(self.url, data=payload, headers=headers, method="POST")
            wait = self.backoff * (2 ** attempt)
            try:
                self.tally.add(requests=1)
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    text = response.read().decode("utf-8", errors="replace")
                self.tally.add(seconds=time.perf_counter() - started)
                try:
                    return json.loads(text)
                except ValueError:
                    raise LlmError(f"{self.url}: answer is not JSON") from None
            except urllib.error.HTTPError as err:
                self.tally.add(seconds=time.perf_counter() - started)
                detail = err.read(2000).decode("utf-8", errors="replace") if err.fp else ""
                if err.code == 400 and "response_format" in body and (
                        "response_format" in detail or "json_schema" in detail or "schema" in detail):
                    return None
                if err.code == 429 or err.code >= 500:
                    last = f"HTTP {err.code}"
                    retry_after = err.headers.get("Retry-After") if err.headers else None
                    if retry_after and retry_after.strip().isdigit():
                        wait = min(float(retry_after), 60.0)
                elif err.code in (401, 403):
                    raise LlmError(f"{self.url}: HTTP {err.code}, the API key was refused (KG_LLM_API_KEY)") from None
                else:
                    raise LlmError(f"{self.url}: HTTP {err.code} {err.reason}") from None
            except (socket.timeout, TimeoutError):
                self.tally.add(seconds=time.perf_counter() - started)
                last = f"no answer within {self.timeout:g} s"
            except urllib.error.URLError as err:
                reason = getattr(err, "reason", err)
                if isinstance(reason, (socket.timeout, TimeoutError)):
                    last = f"no answer within {self.timeout:g} s"
                else:
                    raise LlmError(f"cannot reach the LLM endpoint {self.url} ({reason})") from None
            except (ConnectionError, OSError) as err:
                raise LlmError(f"cannot reach the LLM endpoint {self.url} ({err.__class__.__name__})") from None
            if attempt < self.retries:
                self.tally.add(retries=1)
                time.sleep(wait)
        raise LlmError(f"{self.url}: gave up after {self.retries + 1} attempts ({last})")


def clear_cache(cache_dir: Path | None = None) -> int:
    """Delete cached responses; returns how many were removed."""
    folder = cache_dir or default_cache_dir()
    removed = 0
    if folder.is_dir():
        for path in folder.rglob("*.json"):
            path.unlink()
            removed += 1
    return removed
