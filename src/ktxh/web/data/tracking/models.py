"""Reporting periods, actual figures and the audit trail of every change."""

from __future__ import annotations

import calendar
import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class PeriodKind(models.TextChoices):
    MONTH = "month", "Tháng"
    QUARTER = "quarter", "Quý"
    HALF = "half", "6 tháng"
    NINE = "nine", "9 tháng"
    YEAR = "year", "Năm"
    TERM = "term", "Nhiệm kỳ"


class Period(models.Model):
    """A reporting period, with the date its figures are cut off and the date they are due."""

    code = models.CharField("mã kỳ", max_length=20, unique=True, editable=False)
    kind = models.CharField("loại kỳ", max_length=8, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField("năm")
    number = models.PositiveSmallIntegerField("tháng hoặc quý", null=True, blank=True)
    end_year = models.PositiveSmallIntegerField("năm cuối nhiệm kỳ", null=True, blank=True)
    starts_on = models.DateField("từ ngày")
    ends_on = models.DateField("đến ngày")
    cutoff_on = models.DateField("ngày chốt số liệu")
    due_on = models.DateField("hạn gửi báo cáo")

    class Meta:
        verbose_name = "kỳ báo cáo"
        verbose_name_plural = "kỳ báo cáo"
        ordering = ["year", "ends_on", "kind"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        match self.kind:
            case PeriodKind.MONTH:
                return f"Tháng {self.number}/{self.year}"
            case PeriodKind.QUARTER:
                return f"Quý {ROMAN.get(self.number, self.number)}/{self.year}"
            case PeriodKind.HALF:
                return f"6 tháng đầu năm {self.year}"
            case PeriodKind.NINE:
                return f"9 tháng đầu năm {self.year}"
            case PeriodKind.YEAR:
                return f"Năm {self.year}"
            case _:
                return f"Nhiệm kỳ {self.year}–{self.end_year}"

    @staticmethod
    def make_code(kind: str, year: int, number: int | None = None, end_year: int | None = None) -> str:
        """A key naming the period once: "year:2023", "month:2023-05", "term:2021-2025"."""
        if kind == PeriodKind.TERM:
            return f"term:{year}-{end_year}"
        return f"{kind}:{year}" + (f"-{number:02d}" if number is not None else "")

    @staticmethod
    def bounds(kind: str, year: int, number: int | None = None, end_year: int | None = None) -> tuple[dt.date, dt.date]:
        """First and last day of a period."""
        if kind == PeriodKind.MONTH:
            if not number or not 1 <= number <= 12:
                raise ValidationError({"number": f"Tháng “{number}” không hợp lệ (1–12)."})
            return dt.date(year, number, 1), dt.date(year, number, calendar.monthrange(year, number)[1])
        if kind == PeriodKind.QUARTER:
            if not number or not 1 <= number <= 4:
                raise ValidationError({"number": f"Quý “{number}” không hợp lệ (1–4)."})
            last = number * 3
            return dt.date(year, last - 2, 1), dt.date(year, last, calendar.monthrange(year, last)[1])
        if number is not None:
            raise ValidationError({"number": "Chỉ kỳ tháng và kỳ quý mới có số tháng hoặc số quý."})
        if kind == PeriodKind.HALF:
            return dt.date(year, 1, 1), dt.date(year, 6, 30)
        if kind == PeriodKind.NINE:
            return dt.date(year, 1, 1), dt.date(year, 9, 30)
        if kind == PeriodKind.YEAR:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if kind == PeriodKind.TERM:
            if not end_year or end_year <= year:
                raise ValidationError({"end_year": f"Nhiệm kỳ từ năm {year} cần năm kết thúc sau đó, không phải “{end_year}”."})
            return dt.date(year, 1, 1), dt.date(end_year, 12, 31)
        raise ValidationError({"kind": f"Loại kỳ “{kind}” không có."})

    @classmethod
    def get(cls, kind: str, year: int, number: int | None = None, end_year: int | None = None) -> Period:
        """The period, created with its default dates (cut-off at its end, due ten days later)."""
        starts, ends = cls.bounds(kind, year, number, end_year)
        end_year = end_year if kind == PeriodKind.TERM else None
        period, _ = cls.objects.get_or_create(
            code=cls.make_code(kind, year, number, end_year),
            defaults={
                "kind": kind, "year": year, "number": number, "end_year": end_year, "starts_on": starts,
                "ends_on": ends, "cutoff_on": ends, "due_on": ends + dt.timedelta(days=10),
            },
        )
        return period

    def save(self, *args, **kwargs):
        self.code = self.make_code(self.kind, self.year, self.number, self.end_year)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        starts, ends = self.bounds(self.kind, self.year, self.number, self.end_year)
        if (self.starts_on, self.ends_on) != (starts, ends):
            raise ValidationError({"starts_on": f"{self.label} là từ {starts:%d/%m/%Y} đến {ends:%d/%m/%Y}."})
        if self.cutoff_on and self.cutoff_on < self.starts_on:
            raise ValidationError({"cutoff_on": f"Ngày chốt số liệu {self.cutoff_on:%d/%m/%Y} trước khi kỳ bắt đầu."})
        if self.due_on and self.cutoff_on and self.due_on < self.cutoff_on:
            raise ValidationError({"due_on": f"Hạn gửi báo cáo {self.due_on:%d/%m/%Y} trước ngày chốt số liệu."})


class ActualStatus(models.TextChoices):
    DRAFT = "draft", "Đang nhập"
    SUBMITTED = "submitted", "Đã gửi"
    APPROVED = "approved", "Đã duyệt"
    RETURNED = "returned", "Trả lại"


class Actual(models.Model):
    """A figure for one commune, indicator and period: as typed, and its value read by the core."""

    unit = models.ForeignKey("units.AdminUnit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="actuals")
    indicator = models.ForeignKey("plans.Indicator", verbose_name="chỉ tiêu", on_delete=models.PROTECT, related_name="actuals")
    period = models.ForeignKey(Period, verbose_name="kỳ", on_delete=models.PROTECT, related_name="actuals")
    text = models.CharField("số liệu (như đã nhập)", max_length=200)
    value = models.DecimalField("giá trị", max_digits=24, decimal_places=6, null=True, blank=True)
    is_estimate = models.BooleanField("ước tính", default=False)
    source_note = models.TextField("nguồn số liệu", blank=True)
    status = models.CharField("trạng thái", max_length=10, choices=ActualStatus.choices, default=ActualStatus.DRAFT)
    version = models.PositiveIntegerField("phiên bản", default=1)
    review_comment = models.TextField("ý kiến khi trả lại", blank=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "số liệu thực hiện"
        verbose_name_plural = "số liệu thực hiện"
        ordering = ["unit__name", "period__ends_on", "indicator__name"]
        constraints = [models.UniqueConstraint(fields=["unit", "indicator", "period"], name="actual_once")]

    def __str__(self) -> str:
        return f"{self.indicator.name} – {self.period}: {self.text}"

    def clean(self) -> None:
        if self.unit_id and self.unit.level != "commune":
            raise ValidationError({"unit": f"Số liệu nhập cho xã, phường; “{self.unit}” không phải xã, phường."})
