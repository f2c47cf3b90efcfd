"""Administrative units and their lineage.

Since 1 July 2025 local government has two levels: provinces and communes (xã, phường,
đặc khu); below a commune sit residential groups (tổ dân phố, thôn, khối, khóm). A unit
formed in 2025 by merging several former ones keeps links to them in ``predecessors``,
so its history can be read from theirs.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models


class Level(models.TextChoices):
    PROVINCE = "province", "Tỉnh, thành phố"
    COMMUNE = "commune", "Xã, phường, đặc khu"
    GROUP = "group", "Tổ dân phố, thôn, khối, khóm"


class Kind(models.TextChoices):
    TINH = "tinh", "Tỉnh"
    THANH_PHO = "thanh_pho", "Thành phố trực thuộc trung ương"
    XA = "xa", "Xã"
    PHUONG = "phuong", "Phường"
    DAC_KHU = "dac_khu", "Đặc khu"
    THI_TRAN = "thi_tran", "Thị trấn"  # before 1 July 2025 only
    TO_DAN_PHO = "to_dan_pho", "Tổ dân phố"
    THON = "thon", "Thôn"
    KHOI = "khoi", "Khối"
    KHOM = "khom", "Khóm"


KINDS_BY_LEVEL = {
    Level.PROVINCE: {Kind.TINH, Kind.THANH_PHO},
    Level.COMMUNE: {Kind.XA, Kind.PHUONG, Kind.DAC_KHU, Kind.THI_TRAN},
    Level.GROUP: {Kind.TO_DAN_PHO, Kind.THON, Kind.KHOI, Kind.KHOM},
}
PARENT_LEVEL = {Level.PROVINCE: None, Level.COMMUNE: Level.PROVINCE, Level.GROUP: Level.COMMUNE}


class AdminUnitQuerySet(models.QuerySet):
    def standing(self, on):
        """Units standing on ``on`` (the 2025 mergers: a former commune up to 30/6/2025, the merged
        one from 1/7/2025); all of them when ``on`` is None. ``plans.selection`` and the roll-up's
        SQL (``selection.standing_sql``) say the same."""
        if on is None:
            return self
        return self.filter(models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=on),
                           models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=on))


class AdminUnit(models.Model):
    objects = AdminUnitQuerySet.as_manager()

    code = models.CharField("mã", max_length=20, unique=True, help_text="Mã đơn vị hành chính chính thức")
    name = models.CharField("tên", max_length=200)
    level = models.CharField("cấp", max_length=10, choices=Level.choices)
    kind = models.CharField("loại", max_length=12, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", verbose_name="trực thuộc", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    predecessors = models.ManyToManyField(
        "self", verbose_name="hình thành từ", symmetrical=False, blank=True, related_name="successors"
    )
    note = models.TextField("ghi chú", blank=True, default="",
                            help_text="Ví dụ: đơn vị cũ trước khi sắp xếp, đơn vị kế thừa từ 01/7/2025")

    class Meta:
        verbose_name = "đơn vị hành chính"
        verbose_name_plural = "đơn vị hành chính"
        ordering = ["level", "name"]

    def __str__(self) -> str:  # "Tỉnh Mẫu" of kind tỉnh is not "Tỉnh Tỉnh Mẫu"
        kind = self.get_kind_display()
        return self.name if self.name.casefold().startswith(kind.casefold() + " ") else f"{kind} {self.name}"

    def clean(self) -> None:
        errors = {}
        if self.level and self.kind and self.kind not in KINDS_BY_LEVEL[Level(self.level)]:
            errors["kind"] = f"Loại “{self.get_kind_display()}” không thuộc cấp “{self.get_level_display()}”."
        if self.level:
            wanted = PARENT_LEVEL[Level(self.level)]
            if wanted is None and self.parent_id:
                errors["parent"] = "Cấp tỉnh không trực thuộc đơn vị nào."
            elif wanted is not None and (self.parent is None or self.parent.level != wanted):
                errors["parent"] = f"{self.get_level_display()} phải trực thuộc một đơn vị cấp “{wanted.label}”."
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = (
                f"Ngày hết hiệu lực {self.valid_to:%d/%m/%Y} trước ngày có hiệu lực {self.valid_from:%d/%m/%Y}."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def province(self) -> AdminUnit | None:
        """The province the unit lies in (itself for a province)."""
        unit = self
        while unit is not None and unit.level != Level.PROVINCE:
            unit = unit.parent
        return unit

    def is_valid_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    def lineage(self) -> list[AdminUnit]:
        """Every former unit this one was formed from, directly or through earlier mergers."""
        seen: dict[int, AdminUnit] = {}
        todo = list(self.predecessors.all())
        while todo:
            unit = todo.pop()
            if unit.pk in seen or unit.pk == self.pk:
                continue
            seen[unit.pk] = unit
            todo.extend(unit.predecessors.all())
        return sorted(seen.values(), key=lambda u: u.code)
