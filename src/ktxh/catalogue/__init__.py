"""The indicator catalogue: one list of indicators for every commune, and the way to find them.

The API the importer and the pages call::

    from ktxh.catalogue import load_catalogue, get, match, best_match, read_line, THRESHOLD

    get("ty-le-bhyt")                              # Indicator(code, name, unit, field, direction, …)
    match("Vận động người dân tham gia BHYT đạt 93%", unit="%")   # [Match(code, name, score, …), …]
    read_line("9. Tiếp tục duy trì … Giảm tỷ lệ suy dinh dưỡng thể Chiều cao 15%; …")
    # [ReadTarget(source, text, target, match, name), …] one per indicator

Pure: no Django, no I/O beyond the packaged CSV files.
"""

from .matching import THRESHOLD, Match, best_match, compatible, is_relative, match
from .model import CatalogueError, Indicator, field_name, fields, find, get, load_catalogue
from .names import ReadTarget, clean_name, indicator_name, read_line, split_compound
from .normalize import fold, normalize

__all__ = [
    "THRESHOLD", "CatalogueError", "Indicator", "Match", "ReadTarget", "best_match", "clean_name", "compatible",
    "field_name",
    "fields", "find", "fold", "get", "indicator_name", "is_relative", "load_catalogue", "match", "normalize",
    "read_line", "split_compound",
]
