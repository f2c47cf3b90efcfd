"""Property tests for the target grammar and the evaluator.

Target phrases are built from the pieces the seeds use ("Từ a - b%", "> a%", "dưới a%",
"từ a tỷ đồng trở lên", "tăng a%/năm", "giảm a hộ"), with figures formatted the
Vietnamese way by ``format_number``; any text at all must either parse or raise a
:class:`KtxhError` whose Vietnamese message names it.
"""

from __future__ import annotations

import json
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import Phase, assume, example, given, settings
from hypothesis import strategies as st

from ktxh.core.errors import KtxhError
from ktxh.core.evaluate import evaluate
from ktxh.core.model import Direction, Status, TargetKind
from ktxh.core.numbers import format_number, quantize
from ktxh.core.targets import describe_target, parse_target

SETTINGS = settings(max_examples=200, deadline=None)

# Labels with no word that sets a direction or a kind ("tỷ lệ … tăng" is a level, not a change).
NEUTRAL_LABELS = [
    "Tỷ lệ người tham gia bảo hiểm y tế",
    "Hộ dân thực hiện nếp sống văn minh, môi trường văn hóa",
    "Giá trị sản xuất bình quân trên một hecta canh tác",
    "Tổng vốn đầu tư toàn xã hội",
    "Giải quyết việc làm trong năm",
    "Vận động quỹ khuyến học",
]
# Labels with no "tỷ lệ", so that a verb makes a change target.
CHANGE_LABELS = ["Thu ngân sách", "Giá trị TM-DV", "Số hộ kinh doanh", "Tổng vốn đầu tư toàn xã hội"]
# Lower-is-better subjects the seeds name.
DOWN_LABELS = [
    "Tỷ lệ hộ nghèo",
    "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng (thể nhẹ cân)",
    "Tỷ lệ học sinh bỏ học giữa chừng",
    "Tỷ lệ nợ quá hạn từ nguồn vốn vay từ Ngân hàng Chính sách xã hội cuối năm",
]
# (unit as written after the figure, unit as parsed, largest value, most decimals)
UNITS = [
    ("%", "%", 999, 2),
    ("‰", "‰", 999, 2),
    (" tỷ đồng", "tỷ đồng", 10**6, 3),
    (" lao động", "lao động", 10**6, 0),
]
STATUS_RANK = {Status.KHONG_DAT: 0, Status.CO_BAN_DAT: 1, Status.DAT: 2, Status.VUOT: 3}


@st.composite
def figure(draw: st.DrawFn, largest: int, places: int) -> tuple[str, Decimal]:
    """A figure as a plan writes it ("0,7", "1.500", "84,6") and its value."""
    d = draw(st.integers(min_value=0, max_value=places))
    x = quantize(draw(st.decimals(min_value=0, max_value=largest, places=places)), d)
    return format_number(x, decimals=d), x


@st.composite
def unit_and_figures(draw: st.DrawFn) -> tuple[str, str, str, Decimal, str, Decimal]:
    written, parsed, largest, places = draw(st.sampled_from(UNITS))
    a_text, a = draw(figure(largest, places))
    b_text, b = draw(figure(largest, places))
    if b < a:
        a_text, a, b_text, b = b_text, b, a_text, a
    return written, parsed, a_text, a, b_text, b


def is_vietnamese(message: str, quoted: str = "") -> bool:
    rest = unicodedata.normalize("NFD", message.replace(quoted, "").casefold())
    return "đ" in rest or any(unicodedata.combining(c) for c in rest)


# --- the grammar on generated phrases -------------------------------------------------------


@SETTINGS
@given(st.sampled_from(NEUTRAL_LABELS), unit_and_figures(), st.sampled_from(["Từ {a} - {b}{u}", "{a} – {b}{u}"]))
@example("Tỷ lệ hộ nghèo giảm so với năm 2021", ("%", "%", "0,7", Decimal("0.7"), "0,9", Decimal("0.9")), "Từ {a} - {b}{u}")
def test_range(label: str, figs: tuple, template: str) -> None:
    written, parsed, a_text, a, b_text, b = figs
    t = parse_target(f"{label}: " + template.format(a=a_text, b=b_text, u=written))
    expected_kind = TargetKind.CHANGE if "giảm" in label else TargetKind.RANGE
    assert (t.kind, t.low, t.high, t.unit, t.per_year, t.parts) == (expected_kind, a, b, parsed, False, ())
    assert not (t.low_strict or t.high_strict)


# template → (kind, low is a, high is a, low_strict, high_strict, direction, per_year)
COMPARATORS = {
    "> {a}{u}": (TargetKind.MIN, True, False, True, False, Direction.UP, False),
    ">{a}{u}": (TargetKind.MIN, True, False, True, False, Direction.UP, False),
    "trên {a}{u}": (TargetKind.MIN, True, False, True, False, Direction.UP, False),
    "≥ {a}{u}": (TargetKind.MIN, True, False, False, False, Direction.UP, False),
    "từ {a}{u} trở lên": (TargetKind.MIN, True, False, False, False, Direction.UP, False),
    "{a}{u} trở lên": (TargetKind.MIN, True, False, False, False, Direction.UP, False),
    "dưới {a}{u}": (TargetKind.MAX, False, True, False, True, Direction.DOWN, False),
    "dưới {a}{u}/năm": (TargetKind.MAX, False, True, False, True, Direction.DOWN, True),
    "{a}{u}/năm": (TargetKind.EXACT, True, True, False, False, Direction.UP, True),
    "đạt {a}{u}": (TargetKind.EXACT, True, True, False, False, Direction.UP, False),
}


@SETTINGS
@given(st.sampled_from(NEUTRAL_LABELS), unit_and_figures(), st.sampled_from(sorted(COMPARATORS)))
def test_comparators(label: str, figs: tuple, template: str) -> None:
    """"> a%" is min strict, "từ a trở lên" min inclusive, "dưới a%" max strict and lower-is-better."""
    written, parsed, a_text, a, *_ = figs
    kind, has_low, has_high, low_strict, high_strict, direction, per_year = COMPARATORS[template]
    t = parse_target(f"{label}: " + template.format(a=a_text, u=written))
    assert (t.kind, t.low, t.high, t.low_strict, t.high_strict, t.unit, t.direction, t.per_year) == (
        kind, a if has_low else None, a if has_high else None, low_strict, high_strict, parsed, direction, per_year,
    )


@SETTINGS
@given(st.sampled_from(DOWN_LABELS), unit_and_figures())
def test_lower_is_better_subjects(label: str, figs: tuple) -> None:
    written, parsed, a_text, a, *_ = figs
    t = parse_target(f"{label}: {a_text}{written}")
    assert (t.kind, t.low, t.high, t.direction) == (TargetKind.EXACT, a, a, Direction.DOWN)
    # The direction is the planner's to override.
    assert parse_target(f"{label}: {a_text}{written}", direction="up").direction is Direction.UP


@SETTINGS
@given(st.sampled_from(CHANGE_LABELS), unit_and_figures(), st.sampled_from(["tăng", "giảm"]), st.booleans())
def test_change_verbs(label: str, figs: tuple, verb: str, yearly: bool) -> None:
    written, parsed, a_text, a, *_ = figs
    t = parse_target(f"{label} {verb} {a_text}{written}" + ("/năm" if yearly else ""))
    assert (t.kind, t.low, t.high, t.unit, t.per_year) == (TargetKind.CHANGE, a, a, parsed, yearly)
    assert t.direction is (Direction.UP if verb == "tăng" else Direction.DOWN)
    assert t.change_mode == ("percent" if parsed == "%" else "absolute")


@SETTINGS
@given(unit_and_figures(), unit_and_figures())
def test_sub_target(main: tuple, sub: tuple) -> None:
    """"Từ 100-120 lao động, trong đó xuất khẩu lao động theo hợp đồng từ 10-12 người"."""
    w1, p1, a1_text, a1, b1_text, b1 = main
    w2, p2, a2_text, a2, b2_text, b2 = sub
    t = parse_target(
        f"Giải quyết việc làm trong năm: Từ {a1_text}-{b1_text}{w1}, "
        f"trong đó xuất khẩu lao động theo hợp đồng từ {a2_text}-{b2_text}{w2}."
    )
    assert (t.kind, t.low, t.high, t.unit) == (TargetKind.RANGE, a1, b1, p1)
    assert [(p.kind, p.low, p.high, p.unit, p.label) for p in t.parts] == [
        (TargetKind.RANGE, a2, b2, p2, "xuất khẩu lao động theo hợp đồng")
    ]


pieces = st.sampled_from(
    [
        ">", "trên", "dưới", "từ", "trở lên", "≥", "Từ", "-", "–", "%", "‰", "tỷ đồng", "lao động", "/năm",
        "tăng", "giảm", "đạt", "và vượt chỉ tiêu giao", "so với năm 2021", "trong đó", "với", ",", ";", ":",
        ".", "hộ nghèo", "Tỷ lệ", "0,7", "0,9", "1.500", "12,575", "2023", "05 tuổi", "3/3", "(", ")",
        "hàng năm", "không còn", "giữ vững", "x", "", " ",
    ]
)
digit_groups = st.text(alphabet="0123456789", min_size=1, max_size=3)
# "0,7", "1.500", "12,575", "1.2.3,4": digit groups and separators (cheaper than st.from_regex).
numbers_text = st.tuples(digit_groups, st.lists(st.tuples(st.sampled_from(".,"), digit_groups), max_size=3)).map(
    lambda t: t[0] + "".join(sep + group for sep, group in t[1])
)
phrases = st.lists(st.one_of(pieces, numbers_text), min_size=1, max_size=14).map(" ".join)


@SETTINGS
@given(phrases)
@example("Từ 0,7 - 0,9 % /năm trong đó > 1.500 lao động")
@example("trên")
@example("12,575 ; - – ,")
def test_plausible_phrases_never_raise(text: str) -> None:
    assume(text.strip(" ") and any(c not in " " for c in text))
    t = parse_target(text)
    for target in (t, *t.parts):
        assert target.kind in TargetKind
        if target.kind in (TargetKind.RANGE, TargetKind.EXACT):
            assert target.low is not None and target.high is not None
        if target.kind is TargetKind.MIN:
            assert target.low is not None
        if target.kind is TargetKind.MAX:
            assert target.high is not None
    assert t.text == text.strip()
    json.dumps(t.to_dict())
    assert describe_target(t)


@SETTINGS
@given(st.one_of(st.text(max_size=120), phrases))
@example("")
@example("   \t")
@example("<b></b>")
@example("x" * 2100)
def test_no_text_crashes_parse_target(text: str) -> None:
    try:
        t = parse_target(text)
    except KtxhError as exc:
        assert exc.field == "chỉ tiêu"
        assert is_vietnamese(exc.message, text), exc.message
        if text.strip():
            # The message quotes the text (its first 60 characters when it is long).
            shown = " ".join(text.split())[:40]
            assert shown in " ".join(exc.message.split()) or "trống" in exc.message, exc.message
        else:
            assert "trống" in exc.message
    else:
        json.dumps(t.to_dict())


def test_bad_direction_is_a_vietnamese_error() -> None:
    with pytest.raises(KtxhError, match="Chiều đánh giá “sideways” không hợp lệ"):
        parse_target("Tỷ lệ hộ nghèo: 2%", direction="sideways")


# --- the evaluator --------------------------------------------------------------------------

actuals = st.decimals(min_value=0, max_value=10**6, places=3)


@st.composite
def measurable_targets(draw: st.DrawFn):
    """A range, min, max or exact target; its direction inferred from the label, or forced."""
    direction = draw(st.sampled_from([None, Direction.UP, Direction.DOWN]))
    label = draw(st.sampled_from(NEUTRAL_LABELS + DOWN_LABELS))
    written, _, a_text, _, b_text, _ = draw(unit_and_figures())
    template = draw(
        st.sampled_from(["Từ {a} - {b}{u}", "> {a}{u}", "trên {a}{u}", "≥ {a}{u}", "từ {a}{u} trở lên",
                         "dưới {a}{u}", "{a}{u}", "không quá {a}{u}"])
    )
    t = parse_target(f"{label}: " + template.format(a=a_text, b=b_text, u=written), direction=direction)
    assume(t.kind in (TargetKind.RANGE, TargetKind.MIN, TargetKind.MAX, TargetKind.EXACT))
    return t


@SETTINGS
@given(measurable_targets(), actuals, actuals)
def test_status_is_monotonic_in_the_actual(t, x: Decimal, y: Decimal) -> None:
    """A larger actual never gets a worse status when higher is better, nor a better one when lower is."""
    lo, hi = sorted((x, y))
    low_rank, high_rank = STATUS_RANK[evaluate(t, lo).status], STATUS_RANK[evaluate(t, hi).status]
    assert low_rank <= high_rank if t.direction is Direction.UP else low_rank >= high_rank


@SETTINGS
@given(st.sampled_from(CHANGE_LABELS), unit_and_figures(), st.sampled_from(["tăng", "giảm"]),
       st.decimals(min_value=1, max_value=10**6, places=2), actuals, actuals)
def test_change_with_base_is_monotonic(label: str, figs: tuple, verb: str, base: Decimal, x: Decimal, y: Decimal) -> None:
    written, _, a_text, _, _, _ = figs
    t = parse_target(f"{label} {verb} {a_text}{written}")
    lo, hi = sorted((x, y))
    low_rank = STATUS_RANK[evaluate(t, lo, base=base).status]
    high_rank = STATUS_RANK[evaluate(t, hi, base=base).status]
    # Growing is better when the target says "tăng", falling when it says "giảm".
    assert low_rank <= high_rank if verb == "tăng" else low_rank >= high_rank


@SETTINGS
@given(measurable_targets(), actuals, st.integers(min_value=1, max_value=100), st.integers(min_value=1, max_value=100))
def test_a_higher_threshold_never_gives_a_better_status(t, x: Decimal, p: int, q: int) -> None:
    lenient, strict = sorted((p, q))
    assert STATUS_RANK[evaluate(t, x, threshold=strict).status] <= STATUS_RANK[evaluate(t, x, threshold=lenient).status]


@SETTINGS
@given(measurable_targets())
def test_the_bound_itself(t) -> None:
    """At the bound: "từ … trở lên" and "≥" are đạt, ">" and "dưới" are not."""
    # A comparator against the direction ("Tỷ lệ hộ nghèo: > 0%" read lower-is-better, or "dưới 2%"
    # forced higher-is-better) is judged without its strictness: left out here, noted in the report.
    assume(not (t.kind is TargetKind.MIN and t.direction is Direction.DOWN))
    assume(not (t.kind is TargetKind.MAX and t.direction is Direction.UP))
    bound = t.low if t.kind in (TargetKind.MIN, TargetKind.RANGE, TargetKind.EXACT) else t.high
    strict = t.low_strict if t.kind is TargetKind.MIN else t.high_strict
    status = evaluate(t, bound).status
    assert (status is Status.DAT) is not strict
    if t.kind is TargetKind.RANGE:
        assert evaluate(t, t.high).status is Status.DAT


@SETTINGS
@given(st.one_of(measurable_targets(), st.sampled_from(NEUTRAL_LABELS).map(parse_target)),
       st.one_of(st.none(), st.just(""), actuals))
def test_no_data_iff_no_actual(t, actual: Decimal | str | None) -> None:
    if t.kind is TargetKind.QUALITATIVE and actual not in (None, ""):
        actual = "đạt"
    e = evaluate(t, actual)
    assert (e.status is Status.CHUA_CO_SO_LIEU) is (actual in (None, ""))
    if t.is_measurable:
        assert (e.actual is None) is (actual in (None, ""))
    json.dumps(e.to_dict())


@SETTINGS
@given(measurable_targets(), st.decimals(min_value=Decimal("0.001"), max_value=10**6, places=3))
def test_percent_of_plan(t, x: Decimal) -> None:
    """actual / plan × 100 when higher is better, plan / actual × 100 when lower is better."""
    if t.direction is Direction.UP:
        plan = t.low if t.low is not None else t.high
        assume(plan)
        expected = quantize(x / plan * 100, 2)
    else:
        plan = t.high if t.high is not None else t.low
        expected = quantize(plan / x * 100, 2)
    assert evaluate(t, x).percent_of_plan == expected


@SETTINGS
@given(measurable_targets(), st.text(max_size=30), st.one_of(st.none(), st.text(max_size=12)))
@example(parse_target("Tỷ lệ hộ nghèo giảm so với năm 2021: Từ 0,7 - 0,9%"), "1,92", "hai phẩy mười ba")
def test_evaluate_any_text_gives_a_result_or_a_vietnamese_error(t, actual: str, other: str | None) -> None:
    try:
        e = evaluate(t, actual, base=other, assigned=other)
    except KtxhError as exc:
        assert is_vietnamese(exc.message, exc.value), exc.message
        assert exc.value in (actual.strip(), actual, other, (other or "").strip()) or exc.value in exc.message
    else:
        assert e.status in Status


@settings(max_examples=200, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate))  # no slow shrink
@given(st.sampled_from(NEUTRAL_LABELS).map(lambda label: parse_target(f"{label}: > 99%")),
       st.one_of(st.decimals(allow_nan=True, allow_infinity=True), st.floats()))
@example(parse_target("Tỷ lệ người tham gia bảo hiểm y tế: > 99%"), Decimal("NaN"))
def test_evaluate_non_finite_numbers_are_a_vietnamese_error(t, actual) -> None:
    try:
        evaluate(t, actual)
    except KtxhError:
        pass
