"""The rules of evaluation as data: thresholds, the words of a qualitative result, rounding.

The evaluator (``evaluate.py``), the SQL roll-up, the Excel formulas and the documents all
read them here, so a rule changed here changes everywhere.

>>> THRESHOLD_CO_BAN_DAT, PERCENT_DECIMALS
(Decimal('90'), 2)
>>> "giữ vững" in QUALITATIVE_YES, "chưa đạt" in QUALITATIVE_NO
(True, True)
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

# Short of the target by at most 10 % of plan is "cơ bản đạt"; below that "không đạt".
THRESHOLD_CO_BAN_DAT = Decimal(90)
# % of plan is stated, and judged, with two decimals, rounded half up (101,765 → 101,77).
PERCENT_DECIMALS = 2
# A term review forecasts the value at the deadline from at least this many points (the base
# year counts); from two, a line through them is no forecast ("73,3%/năm" from one year's growth).
MIN_FORECAST_POINTS = 3
# An average growth beyond this, in %/năm either way, is flagged as implausible: check the figures.
IMPLAUSIBLE_GROWTH = Decimal(30)
ROUNDING = ROUND_HALF_UP
# A qualitative result, as officers write it, folded to lower case.
QUALITATIVE_YES = frozenset({"đạt", "có", "hoàn thành", "x", "yes", "true", "1", "đã đạt", "giữ vững", "duy trì"})
QUALITATIVE_NO = frozenset({"không đạt", "không", "chưa đạt", "chưa hoàn thành", "no", "false", "0"})
