"""The package as users install it: when the suite runs against the release wheel
(SMO_WHEEL_TEST=1, set by the README's test command), smo must come from the wheel in a fresh
virtual environment, not from the source tree, and carry its stubs and helpers."""

import os
import pathlib

import pytest

import smo
from conftest import ROOT


@pytest.mark.skipif(os.environ.get("SMO_WHEEL_TEST") != "1", reason="not running against the wheel")
def test_smo_comes_from_the_installed_wheel() -> None:
    where = pathlib.Path(smo.__file__).resolve()
    assert not where.is_relative_to(ROOT.resolve()), where
    assert "site-packages" in where.parts
    for name in ("_smo.pyi", "py.typed", "spark.py", "dask.py"):
        assert (where.parent / name).is_file(), name
    assert pathlib.Path(__file__).resolve().is_relative_to(ROOT.resolve()) is False
