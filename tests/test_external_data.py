"""Public labelled data sets converted to the gold format by scripts/convert_*.py: valid, and scorable.

The converted folders live outside the repository (their licences ask for attribution, and they are
rebuilt from the public repositories): ``$KG_EXTERNAL_DATA`` or ``../data/external`` beside the project.
Each test skips with a reason where its folder is absent.
"""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from conftest import run_kg

ROOT = Path(__file__).resolve().parent.parent
EXTERNAL = Path(os.environ.get("KG_EXTERNAL_DATA", ROOT.parent / "data" / "external"))
SETS = {"knowledgenet": "worksFor,founded,owns", "relx_en": "worksFor,founded,owns",
        "relx_de": "worksFor,founded,owns", "smartdata": "worksFor,acquires,owns"}  # what each set annotates


def _folder(name: str) -> Path:
    folder = EXTERNAL / name
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here (build it with scripts/convert_*.py from the public repository)")
    return folder


@pytest.mark.parametrize("name", SETS)
def test_converted_set_is_valid_gold_with_its_licence(name):
    folder = _folder(name)
    spec = importlib.util.spec_from_file_location("validate", ROOT / "corpus" / "tools" / "validate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    files = [f for f in sorted(folder.glob("*.txt")) if f.name != "LICENSE.txt"][:300]
    assert files and ((folder / "LICENSE.txt").is_file() or (folder / "LICENSE").is_file())
    assert [p for f in files for p in module.check(f)] == []


@pytest.mark.parametrize("name", SETS)
def test_kg_eval_scores_the_converted_set(name):
    folder = _folder(name)
    result = run_kg("eval", folder, "--relations", SETS[name], check=True)
    assert result.stdout.splitlines()[-1].startswith("F1 ")
