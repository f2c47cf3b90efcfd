"""The examples in the docstrings of the scale, serve and jobs modules run."""

import doctest

import pytest

from ktxh.cli import serve
from ktxh.scale import generator, real_units


@pytest.mark.parametrize("module", [real_units, generator, serve], ids=lambda m: m.__name__)
def test_examples(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_jobs_and_demo_places_examples():
    from ktxh.web.demo import places
    from ktxh.web.jobs import queue

    for module in (queue, places):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module
