"""The catalogue's docstring examples (and the target-list reader's) are part of its tests."""

import doctest
import importlib

import pytest

MODULES = ["ktxh.catalogue.model", "ktxh.catalogue.normalize", "ktxh.catalogue.matching", "ktxh.catalogue.names",
           "ktxh.reader.target_lists"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
