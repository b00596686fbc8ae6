"""A loopback reverse proxy that demands credentials before it forwards to a SPARQL server (for tests).

Stands in for the authenticating front of a hosted triple store: requests without the expected
``Authorization`` header get 401; the others are forwarded unchanged and answered with the server's reply.
"""
from __future__ import annotations

import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class AuthProxy:
    """``with AuthProxy(upstream, "Bearer s3cret") as url:`` -- the proxy's address while it runs."""

    def __init__(self, upstream: str, authorization: str):
        self.upstream, self.authorization, self.seen = upstream.rstrip("/"), authorization, []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _forward(self):
                given = self.headers.get("Authorization", "")
                proxy.seen.append(given)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)) or None
                if given != proxy.authorization:
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", "Bearer")
                    self.end_headers()
                    self.wfile.write(b"credentials required")
                    return
                headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
                request = urllib.request.Request(proxy.upstream + self.path, data=body, headers=headers,
                                                 method=self.command)
                try:
                    with urllib.request.urlopen(request, timeout=60) as response:
                        status, content, kind = response.status, response.read(), response.headers.get("Content-Type")
                except urllib.error.HTTPError as err:
                    status, content, kind = err.code, err.read(), err.headers.get("Content-Type")
                self.send_response(status)
                if kind:
                    self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            do_GET = do_POST = _forward

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
