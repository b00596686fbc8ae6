"""Reading a public data set's repository for the converters: a checkout, or a bare git directory (a
``fetch`` snapshot), whose files are then read from its ``HEAD`` commit with ``git show``."""
from __future__ import annotations

import subprocess
from pathlib import Path


def read_bytes(repo: Path, path: str) -> bytes:
    """The bytes of ``path`` in ``repo``: the file itself in a checkout, else ``HEAD:path`` of the git dir."""
    if (repo / path).is_file():
        return (repo / path).read_bytes()
    return subprocess.run(["git", f"--git-dir={repo}", "show", f"HEAD:{path}"], check=True,
                          capture_output=True).stdout


def commit_of(repo: Path) -> str:
    """``HASH DATE`` of the repository's ``HEAD``, or ``unknown`` for a plain folder."""
    try:
        return subprocess.run(["git", f"--git-dir={repo}", "log", "-1", "--format=%H %cs"], check=True,
                              capture_output=True, text=True).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return "unknown"
