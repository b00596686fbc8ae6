"""A real HTTP server on 127.0.0.1 that speaks the OpenAI chat completions protocol and answers from
recorded responses (tests/llm/responses.json), chosen by a marker word found in the article."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

RESPONSES = json.loads((Path(__file__).parent / "llm" / "responses.json").read_text(encoding="utf-8"))


class Recorder:
    def __init__(self):
        self.calls: dict[str, int] = {}
        self.bodies: list[dict] = []
        self.auth: list[str] = []
        self.lock = threading.Lock()

    def total(self) -> int:
        return sum(self.calls.values())


def make_handler(recorder: Recorder):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep test output quiet
            pass

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            if not self.path.endswith("/chat/completions"):
                return self._send(404, {"error": "not found"})
            article = body["messages"][-1]["content"]
            marker = next((m for m in RESPONSES if m in article), None)
            with recorder.lock:
                recorder.bodies.append(body)
                recorder.auth.append(self.headers.get("Authorization", ""))
                count = recorder.calls[marker] = recorder.calls.get(marker, 0) + 1
            if marker is None:
                return self._answer('{"triples": []}')
            script = RESPONSES[marker]
            step = script[min(count, len(script)) - 1]
            if step.get("reject_schema") and "response_format" in body:
                return self._send(400, {"error": {"message": "response_format json_schema is not supported"}})
            if step.get("delay"):
                time.sleep(step["delay"])
            if step.get("status", 200) != 200:
                return self._send(step["status"], {"error": {"message": "try later"}},
                                  {"Retry-After": "0"} if step["status"] == 429 else {})
            content = step["content"] if isinstance(step["content"], str) else json.dumps(step["content"])
            return self._answer(content)

        def _answer(self, content: str):
            self._send(200, {"id": "x", "object": "chat.completion", "model": "test-model",
                             "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                                          "finish_reason": "stop"}],
                             "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120}})

        def _send(self, status: int, payload: dict, headers: dict | None = None):
            data = json.dumps(payload).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


class LlmServer:
    def __init__(self):
        self.recorder = Recorder()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(self.recorder))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
