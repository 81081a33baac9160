"""Shared helpers: the golden vectors in the repository's `tests/golden/` folder."""

import json
import pathlib
from typing import Any

import pytest

GOLDEN = pathlib.Path(__file__).resolve().parents[2] / "tests" / "golden"


def golden_cases(area: str) -> list[Any]:
    """Every golden file of an area, as pytest params named after the file."""
    files = sorted((GOLDEN / area).glob("*.json"))
    assert files, f"no golden vectors in {GOLDEN / area}"
    return [pytest.param(json.loads(p.read_text(encoding="utf-8")), id=p.stem) for p in files]
