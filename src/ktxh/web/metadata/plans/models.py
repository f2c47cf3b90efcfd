"""Fields, indicators, plans, targets and key tasks.

A target is kept as the text typed ("14 – 15%/ năm", "> 99%", "Giảm 01 hộ nghèo") and
its parse by the core (``ktxh.core.targets.parse_target``), never parsed a second way.
One indicator may carry several targets for the same year, one per source (the
congress resolution, the council's resolution, the upper level's assignment), as seed
000's footnotes do ("Nghị quyết ĐH XIII: tăng 16-18%").
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from ktxh.core.bounds import check_bounds
from ktxh.core.errors import KtxhError
from ktxh.core.model import Direction
from ktxh.core.model import Target as CoreTarget
from ktxh.core.numbers import figures_in_unit
from ktxh.core.review import infer_kind
from ktxh.core.targets import parse_target


class Field(models.Model):
    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên lĩnh vực", max_length=200, unique=True)
    order = models.PositiveIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Aggregation(models.TextChoices):
    SUM = "sum", "Cộng dồn"
    RATE = "rate", "Tỷ lệ từ tử số và mẫu số"
    AVERAGE = "average", "Bình quân"
    NONE = "none", "Không cộng được"


class Indicator(models.Model):
    code = models.SlugField("mã", max_length=80, unique=True)
    name = models.CharField("tên chỉ tiêu", max_length=300)
    unit = models.CharField("đơn vị tính", max_length=40, blank=True)
    field = models.ForeignKey(Field, verbose_name="lĩnh vực", on_delete=models.PROTECT, related_name="indicators")
    direction = models.CharField(
        "chiều tốt", max_length=4, choices=[(Direction.UP.value, "Càng cao càng tốt"), (Direction.DOWN.value, "Càng thấp càng tốt")],
        default=Direction.UP.value,
    )
    aggregation = models.CharField("cách tổng hợp", max_length=8, choices=Aggregation.choices, default=Aggregation.SUM)
    numerator = models.ForeignKey(
        "self", verbose_name="tử số", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    denominator = models.ForeignKey(
        "self", verbose_name="mẫu số", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decimals = models.PositiveSmallIntegerField("số chữ số thập phân", default=0)
    # Where it comes from: the national catalogue (``catalogue`` = its code in ``ktxh.catalogue``,
    # ``province`` empty), a province's own list (``province`` set), or neither (made by hand or
    # by an import before the catalogue).
    catalogue = models.SlugField("mã trong danh mục", max_length=80, blank=True, db_index=True)
    province = models.ForeignKey(
        "units.AdminUnit", verbose_name="tỉnh sở hữu", null=True, blank=True, on_delete=models.PROTECT,
        related_name="own_indicators", help_text="Để trống: chỉ tiêu của danh mục chung cả nước.",
    )

    class Meta:
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"
        ordering = ["field__order", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # A target is read in its indicator's unit and direction: when they change, every stored
        # parse of its targets is read again, at once, so the evaluator and the roll-up agree.
        stale = [t for t in self.targets.select_related("indicator") if t.parsed.get("read_from") != t.read_from()]
        for t in stale:
            t.indicator = self
            t.parsed = t.parse()
        Target.objects.bulk_update(stale, ["parsed"])

    def clean(self) -> None:
        errors = {}
        if self.aggregation == Aggregation.RATE:
            if not self.numerator_id or not self.denominator_id:
                errors["aggregation"] = f"Chỉ tiêu tỷ lệ “{self.name}” cần chỉ tiêu tử số và chỉ tiêu mẫu số."
            elif self.pk and self.pk in (self.numerator_id, self.denominator_id):
                errors["aggregation"] = f"Chỉ tiêu “{self.name}” không thể là tử số hay mẫu số của chính nó."
        elif self.numerator_id or self.denominator_id:
            errors["numerator"] = "Chỉ chỉ tiêu tỷ lệ mới có tử số và mẫu số."
        if self.decimals > 6:
            errors["decimals"] = f"Số chữ số thập phân {self.decimals} quá lớn (tối đa 6)."
        if errors:
            raise ValidationError(errors)


class PlanKind(models.TextChoices):
    TERM = "term", "Kế hoạch 5 năm (nhiệm kỳ)"
    ANNUAL = "annual", "Kế hoạch năm"


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    APPROVED = "approved", "Đã phê duyệt"


class Plan(models.Model):
    unit = models.ForeignKey(
        "units.AdminUnit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="plans"
    )
    kind = models.CharField("loại kế hoạch", max_length=6, choices=PlanKind.choices)
    start_year = models.PositiveSmallIntegerField("từ năm")
    end_year = models.PositiveSmallIntegerField("đến năm")
    title = models.CharField("tên kế hoạch", max_length=300)
    status = models.CharField("trạng thái", max_length=8, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    legal_basis = models.TextField("căn cứ pháp lý", blank=True, help_text="Nghị quyết số 08/NQ-HĐND ngày 26/12/2022")
    source_document = models.CharField("tệp nguồn", max_length=300, blank=True)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField("ngày phê duyệt", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "kế hoạch"
        verbose_name_plural = "kế hoạch"
        ordering = ["unit__name", "-start_year", "kind"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.start_year and self.end_year:
            if self.end_year < self.start_year:
                errors["end_year"] = f"Năm kết thúc {self.end_year} trước năm bắt đầu {self.start_year}."
            elif self.kind == PlanKind.ANNUAL and self.end_year != self.start_year:
                errors["end_year"] = f"Kế hoạch năm chỉ gồm một năm, không phải {self.start_year}–{self.end_year}."
            elif self.kind == PlanKind.TERM and not 4 <= self.end_year - self.start_year <= 5:
                errors["end_year"] = f"Kế hoạch nhiệm kỳ {self.start_year}–{self.end_year} không phải 5 năm."
        if self.unit_id and self.unit.level == "group":
            errors["unit"] = "Kế hoạch lập cho tỉnh hoặc xã, phường, không cho tổ dân phố, thôn."
        if errors:
            raise ValidationError(errors)

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)


class TargetSource(models.TextChoices):
    DAI_HOI = "dai_hoi", "Nghị quyết Đại hội"
    DANG_UY = "dang_uy", "Nghị quyết Đảng ủy"
    HDND = "hdnd", "Nghị quyết HĐND"
    CAP_TREN = "cap_tren", "Cấp trên giao"
    KE_HOACH = "ke_hoach", "Kế hoạch của UBND"


class Target(models.Model):
    plan = models.ForeignKey(Plan, verbose_name="kế hoạch", on_delete=models.CASCADE, related_name="targets")
    indicator = models.ForeignKey(Indicator, verbose_name="chỉ tiêu", on_delete=models.PROTECT, related_name="targets")
    year = models.PositiveSmallIntegerField("năm", null=True, blank=True, help_text="Để trống: cả nhiệm kỳ")
    source = models.CharField("nguồn", max_length=10, choices=TargetSource.choices, default=TargetSource.HDND)
    text = models.CharField("chỉ tiêu (như đã ghi)", max_length=2000)
    label = models.CharField(
        "tên chỉ tiêu khi đọc", max_length=300, blank=True,
        help_text="Tên đi kèm khi văn bản chỉ ghi con số (hàng của một biểu); để trống khi câu đã có tên.",
    )
    parsed = models.JSONField("phân tích", default=dict, editable=False)
    note = models.TextField("ghi chú", blank=True)
    version = models.PositiveIntegerField("phiên bản", default=1)

    class Meta:
        verbose_name = "mục tiêu"
        verbose_name_plural = "mục tiêu"
        ordering = ["plan", "indicator__field__order", "indicator__name", "year", "source"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "indicator", "year", "source"], name="target_once_per_source"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.name}: {self.text}"

    def read_from(self) -> dict:
        """What the parse depends on: the text, its label, the indicator's unit and direction."""
        return _read_from(self.text, self.label, self.indicator.unit, self.indicator.direction)

    def parse(self) -> dict:
        """The core's reading of the text, as stored in ``parsed``; the indicator's direction wins
        where the words say otherwise.

        A table row's bare figure ("14,5 – 16,5") is read with its ``label``, as the reader
        reads it; a whole sentence carries its own name. A figure the stored parse cannot hold
        exactly (``ktxh.core.bounds``) is refused with a ``KtxhError``, never rounded.
        """
        parsed = stored_parse(self.text, self.label, self.indicator.unit, self.indicator.direction)
        check_bounds(list(_bounds(parsed)), field="chỉ tiêu", shown=self.text)
        return parsed

    def core_target(self) -> CoreTarget:
        """The stored parse; read again only if what it was read from has changed since."""
        parsed = self.parsed if self.parsed.get("read_from") == self.read_from() else self.parse()
        return CoreTarget.from_dict(parsed)

    def clean(self) -> None:
        errors = {}
        if self.plan_id and self.year is not None and self.year not in self.plan.years:
            errors["year"] = f"Năm {self.year} nằm ngoài kế hoạch {self.plan.start_year}–{self.plan.end_year}."
        if self.indicator_id and self.text:
            try:
                self.core_target()
            except KtxhError as exc:
                errors["text"] = exc.message
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.parsed.get("read_from") != self.read_from():
            self.parsed = self.parse()
        super().save(*args, **kwargs)


def _bounds(parsed: dict):
    """Every low and high of a stored parse and of its parts, as Decimals."""
    for key in ("low", "high"):
        if parsed.get(key) is not None:
            yield Decimal(str(parsed[key]))
    for part in parsed.get("parts") or ():
        yield from _bounds(part)


def _read_from(text: str, label: str, unit: str, direction: str) -> dict:
    return {"text": text, "label": label, "unit": unit, "direction": direction}


def stored_parse(text: str, label: str, unit: str, direction: str) -> dict:
    """``Target.parsed``: the core's reading of a target's text in its indicator's unit, the
    indicator's direction winning where the words say otherwise, and what it was read from.
    (A function of plain values, so that migrations can call it on historical models.)

    A figure typed in another scale of the unit is read in the indicator's: "64.000.000 đồng/người/năm"
    for an indicator in triệu đồng/người/năm is 64, not 64 million of them. ``term_kind`` is the core
    review's kind of the target (``core.review.infer_kind``), which the roll-up's SQL reads."""
    read = figures_in_unit(text, unit) if unit else text
    target = parse_target(read, label=label or None, unit=unit or None)
    if target.direction.value != direction:
        target = parse_target(read, label=label or None, unit=unit or None, direction=Direction(direction))
    return {**target.to_dict(), "term_kind": infer_kind(target).value,
            "read_from": _read_from(text, label, unit, direction)}


class KeyTask(models.Model):
    plan = models.ForeignKey(Plan, verbose_name="kế hoạch", on_delete=models.CASCADE, related_name="key_tasks")
    order = models.PositiveIntegerField("số thứ tự", default=0)
    content = models.TextField("nội dung nhiệm vụ")
    assigned_by = models.CharField("nơi giao", max_length=200, blank=True)
    result = models.TextField("kết quả đạt được", blank=True)
    # The officer of this field records the result once the plan is approved (with the leader).
    field = models.ForeignKey(Field, verbose_name="lĩnh vực", on_delete=models.PROTECT, null=True, blank=True,
                              related_name="key_tasks")
    version = models.PositiveIntegerField("phiên bản", default=1, editable=False)

    class Meta:
        verbose_name = "nhiệm vụ trọng tâm"
        verbose_name_plural = "nhiệm vụ trọng tâm"
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return self.content[:80]
