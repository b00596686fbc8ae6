"""Every example in `kg --help`, in each `kg COMMAND --help` and in the README's code blocks runs against
what the README's Quickstart builds (issue 16, item 14). Each block runs in a fresh copy of the Quickstart's
output/ folder, its lines in order (so `kg train` comes before the `kg eval` that reads its model). A line
that would send requests to a language model is left out (its block's `--dry-run` line runs, offline); a
block with nothing else, or one that names the reader's own folders, is skipped with that reason."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import urllib.request

import click
import pytest
from conftest import ROOT, free_port, run_kg, wait_for

README = (ROOT / "README.md").read_text(encoding="utf-8")
QUICKSTART = re.search(r"## Quickstart.*?```\n(.*?)```", README, re.S).group(1).strip()


def _help_examples(text: str) -> list[str]:
    """The indented lines after 'Example:' in a --help text."""
    lines, taking = [], False
    for line in text.splitlines():
        if line.strip() == "Example:":
            taking = True
        elif taking and line.startswith("  ") and line.strip():
            lines.append(line.strip())
        elif taking:
            taking = False
    return lines


def help_blocks() -> list[tuple[str, str, list[str]]]:
    from kg.cli import cli

    root = click.Context(cli, info_name="kg")
    blocks = [("kg --help", "shell", _help_examples(cli.get_help(root)))]
    for name, command in sorted(cli.commands.items()):
        text = command.get_help(click.Context(command, info_name=name, parent=root))
        examples = _help_examples(text)
        assert examples, f"kg {name} --help has no example"
        blocks.append((f"kg {name} --help", "shell", examples))
    return blocks


def readme_blocks() -> list[tuple[str, str, list[str]]]:
    blocks = []
    for number, match in enumerate(re.finditer(r"```(\w*)\n(.*?)```", README, re.S)):
        kind, body = match.group(1) or "shell", match.group(2)
        line = README[:match.start()].count("\n") + 1
        if kind in ("sparql", "python"):
            blocks.append((f"README:{line} {kind}", kind, [body]))
            continue
        commands = []
        for text in body.splitlines():
            for part in text.split("&&"):  # 'pip install . && kg build ...'
                part = part.strip()
                if part.startswith(("kg ", "export ", "python ")):
                    commands.append(part)
        if commands:
            blocks.append((f"README:{line}", "shell", commands))
    return blocks


BLOCKS = help_blocks() + readme_blocks()


def needs_llm(line: str) -> bool:
    """A build or extraction with a language model that would send requests (a --dry-run sends none)."""
    return bool(re.search(r"--extractor (rules\+)?llm\b", line)) and "--dry-run" not in line


def needs_web(line: str) -> bool:
    """A build from web URLs (tests/test_web.py builds from URLs on a local server instead)."""
    return bool(re.search(r"https?://(?!localhost|127\.0\.0\.1)", line)) and line.startswith("kg build")


def skip_reason(kind: str, lines: list[str]) -> str:
    text = "\n".join(lines)
    if kind != "shell":
        return ""
    if "my/" in text:
        return "names the reader's own folders (my/...)"
    if any(line.startswith("python -m pytest") for line in lines):
        return "the test suite itself"
    if all(needs_llm(line) or not line.startswith("kg ") for line in lines):
        return "needs an LLM endpoint"
    if all(needs_web(line) or needs_llm(line) or not line.startswith("kg ") for line in lines):
        return "fetches from the web (tests/test_web.py builds from URLs on a local server)"
    return ""


@pytest.fixture(scope="module")
def quickstart(tmp_path_factory):
    """A folder where the README's Quickstart ran: examples/ and corpus/ as in the repository, output/ built."""
    work = tmp_path_factory.mktemp("quickstart")
    for name in ("examples", "corpus"):
        (work / name).symlink_to(ROOT / name)
    for part in QUICKSTART.split("&&"):
        if part.strip().startswith("kg "):
            run_kg(*shlex.split(part.strip())[1:], cwd=work, check=True)
    assert (work / "output" / "store").is_dir()
    return work


def workspace(quickstart, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    for name in ("examples", "corpus"):
        (work / name).symlink_to(ROOT / name)
    shutil.copytree(quickstart / "output", work / "output")
    return work


def run_shell(lines: list[str], work, env: dict) -> None:
    serving = None
    try:
        for line in lines:
            words = shlex.split(line, comments=True)
            if words[0] == "export":
                env.update(word.split("=", 1) for word in words[1:])
            elif needs_llm(line) or needs_web(line):
                continue  # the block's other lines still run (the --dry-run one, say)
            elif words[0] == "kg" and words[1] == "serve":
                port = str(free_port())
                words = [port if w == "7878" else w for w in words]
                serving = subprocess.Popen([sys.executable, "-m", "kg", *words[1:]], cwd=work,
                                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                           env={**os.environ, **env})
                wait_for(f"http://127.0.0.1:{port}/query")
            elif words[0] == "curl":
                headers = dict(h.split(": ", 1) for flag, h in zip(words, words[1:]) if flag == "-H")
                url = words[-1].replace(":7878/", f":{port}/")
                with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as response:
                    assert response.status == 200 and response.read(), line
            elif words[0] == "kg":
                result = run_kg(*words[1:], cwd=work, env=env)
                assert result.returncode == 0, f"{line}\n{result.stderr}"
            else:
                raise AssertionError(f"no way to run {line!r}")
    finally:
        if serving is not None:
            serving.terminate()
            serving.wait(timeout=10)


@pytest.mark.parametrize("name, kind, lines", BLOCKS, ids=[b[0] for b in BLOCKS])
def test_example_runs_on_the_quickstart_output(quickstart, tmp_path, name, kind, lines):
    reason = skip_reason(kind, lines)
    if reason:
        pytest.skip(reason)
    work = workspace(quickstart, tmp_path)
    env = {"KG_CACHE": str(tmp_path / "llm-cache")}  # kg cache --clear must not empty the user's cache
    if kind == "sparql":
        (work / "example.rq").write_text(lines[0], encoding="utf-8")
        result = run_kg("query", "-f", "example.rq", cwd=work, env=env)
        assert result.returncode == 0, result.stderr
        assert "(0 rows)" not in result.stdout, f"the example query finds nothing:\n{lines[0]}"
    elif kind == "python":
        result = subprocess.run([sys.executable, "-c", lines[0]], cwd=work, capture_output=True, text=True,
                                env={**os.environ, **env}, timeout=300)
        assert result.returncode == 0, result.stderr
    else:
        started = time.monotonic()
        run_shell(lines, work, env)
        assert time.monotonic() - started < 600
