"""The reader's docstring examples are part of its tests."""

import doctest
import importlib

import pytest

MODULES = ["headings", "metadata", "claims", "verify", "build", "scan"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"ktxh.reader.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
