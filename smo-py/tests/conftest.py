"""Shared helpers: the golden vectors in the repository's `tests/golden/` folder."""

import json
import os
import pathlib
from typing import Any

import pytest

# The repository's data (golden vectors, fixtures, the example brand). The tests also run from a
# copy outside the repository against the installed wheel: SMO_REPO then says where the data is.
ROOT = pathlib.Path(os.environ.get("SMO_REPO") or pathlib.Path(__file__).resolve().parents[2])
GOLDEN = ROOT / "tests" / "golden"


def golden_cases(area: str) -> list[Any]:
    """Every golden file of an area, as pytest params named after the file."""
    files = sorted((GOLDEN / area).glob("*.json"))
    assert files, f"no golden vectors in {GOLDEN / area}"
    return [pytest.param(json.loads(p.read_text(encoding="utf-8")), id=p.stem) for p in files]


def pytest_report_header() -> str:
    import smo

    return f"smo {smo.__version__} from {pathlib.Path(smo.__file__).parent}; data from {ROOT}"
