"""A real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright, network blocked."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def require_chromium():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"chromium not found at {CHROMIUM}; .ci/run must install Debian's chromium")
        pytest.skip("no chromium here (apt-get install chromium); CI installs it")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")


class Page:
    """A loaded page plus what it logged and whether a dialog ever opened."""

    def __init__(self, page, errors, dialogs, requests):
        self.page, self.errors, self.dialogs, self.requests = page, errors, dialogs, requests

    def eval(self, script, arg=None):
        return self.page.evaluate(script, arg)


def open_page(browser, path: Path, timeout: float = 60_000) -> Page:
    context = browser.new_context(bypass_csp=True)  # lets Playwright poll; the page still escapes everything
    page = context.new_page()
    errors, dialogs, requests = [], [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)

    def route(r):
        requests.append(r.request.url)
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    page.goto(Path(path).resolve().as_uri())
    page.wait_for_function("window.techkg && window.techkg.ready === true", timeout=timeout)
    return Page(page, errors, dialogs, requests)
