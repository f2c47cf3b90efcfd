"""The core's docstring examples are part of its tests: they quote the seeds."""

import doctest
import importlib

import pytest

MODULES = ["numbers", "units", "targets", "evaluate"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"ktxh.core.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
