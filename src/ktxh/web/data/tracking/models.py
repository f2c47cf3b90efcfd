"""Reporting periods, actual figures and the audit trail of every change."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from ktxh.core import periods

K = periods.PeriodKind


class PeriodKind(models.TextChoices):  # the core's kinds and labels, as Django choices
    MONTH = K.MONTH.value, K.MONTH.label
    QUARTER = K.QUARTER.value, K.QUARTER.label
    HALF = K.HALF.value, K.HALF.label
    NINE = K.NINE.value, K.NINE.label
    YEAR = K.YEAR.value, K.YEAR.label
    TERM = K.TERM.value, K.TERM.label


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
        return periods.label(self.kind, self.year, self.number, self.end_year)

    def core(self) -> periods.Period:
        """The period as the core names it."""
        return periods.Period(periods.PeriodKind(self.kind), self.year, self.number, self.end_year)

    @staticmethod
    def make_code(kind: str, year: int, number: int | None = None, end_year: int | None = None) -> str:
        """A key naming the period once: "year:2023", "month:2023-05", "term:2021-2025"."""
        return periods.code(kind, year, number, end_year)

    @staticmethod
    def bounds(kind: str, year: int, number: int | None = None, end_year: int | None = None) -> tuple[dt.date, dt.date]:
        """First and last day of a period (the core's rule), refused as a form error."""
        try:
            return periods.bounds(kind, year, number, end_year)
        except periods.PeriodError as exc:
            raise ValidationError({exc.field or "kind": exc.message}) from exc

    @classmethod
    def get(cls, kind: str, year: int, number: int | None = None, end_year: int | None = None) -> Period:
        """The period, created with its default dates (cut-off at its end, due ``due_after`` days later)."""
        starts, ends = cls.bounds(kind, year, number, end_year)
        end_year = end_year if kind == PeriodKind.TERM else None
        period, _ = cls.objects.get_or_create(
            code=cls.make_code(kind, year, number, end_year),
            defaults={
                "kind": kind, "year": year, "number": number, "end_year": end_year, "starts_on": starts,
                "ends_on": ends, "cutoff_on": ends, "due_on": ends + dt.timedelta(days=cls.due_after(kind)),
            },
        )
        return period

    @staticmethod
    def due_after(kind: str) -> int:
        """Days from a period's last day to its due date (``settings.KTXH_PERIOD_DUE_DAYS``, else 10)."""
        return int((getattr(settings, "KTXH_PERIOD_DUE_DAYS", None) or {}).get(kind, 10))

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


class UnitDeadline(models.Model):
    """A commune's own deadline: its officers send their figures this many days before the
    period's due date (hạn gửi báo cáo), so that the leader has time to approve them."""

    unit = models.OneToOneField("units.AdminUnit", verbose_name="đơn vị", on_delete=models.CASCADE,
                                related_name="deadline")
    days_before_due = models.PositiveSmallIntegerField("công chức gửi trước hạn (ngày)", default=3)

    class Meta:
        verbose_name = "hạn gửi của xã, phường"
        verbose_name_plural = "hạn gửi của xã, phường"

    def __str__(self) -> str:
        return f"{self.unit}: gửi trước hạn {self.days_before_due} ngày"

    @staticmethod
    def officers_due(unit, period: Period) -> dt.date:
        """The day the commune's officers must have sent the period's figures."""
        row = UnitDeadline.objects.filter(unit=unit).first()
        days = row.days_before_due if row else UnitDeadline._meta.get_field("days_before_due").default
        return max(period.due_on - dt.timedelta(days=days), period.starts_on)
