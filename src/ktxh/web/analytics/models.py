"""The analytics app's tables.

``Stamp``: a generation number per period, bumped when a figure changes. Cached roll-ups are
keyed by it, so every app server sees an invalidation at once even when each keeps its own
in-memory cache.

``CommuneCount`` and ``CountsBuilt``: the analytics tables as DHIS2 keeps them. For each
commune, period and field (and the whole commune, ``field`` empty) the number of primary
targets by status, precomputed by the roll-up statement (``rollup.status_sql``: the
evaluator's rules). A province's rows for a period are built on first use (``CountsBuilt``
says so) and refreshed commune by commune when a figure is approved or returned or a
target changes (``analytics.tables``); the province overview pages and sorts over them.
"""

from django.conf import settings
from django.db import models

from ktxh.core.model import Status


class Stamp(models.Model):
    key = models.CharField("khóa", max_length=40, primary_key=True)  # "all" or "period:<id>"
    generation = models.PositiveBigIntegerField("thế hệ", default=1)

    class Meta:
        verbose_name = "mốc làm mới số liệu tổng hợp"
        verbose_name_plural = "mốc làm mới số liệu tổng hợp"

    def __str__(self) -> str:
        return f"{self.key}: {self.generation}"


# The count columns, in the order of Status (vượt, đạt, cơ bản đạt, không đạt, chưa có số liệu).
STATUS_COLUMNS = tuple(s.value for s in Status)


class CommuneCount(models.Model):
    period = models.ForeignKey("tracking.Period", verbose_name="kỳ", on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey("units.AdminUnit", verbose_name="xã, phường", on_delete=models.CASCADE,
                             related_name="analytics_counts")
    province = models.ForeignKey("units.AdminUnit", verbose_name="tỉnh", on_delete=models.CASCADE, related_name="+")
    field = models.ForeignKey("plans.Field", verbose_name="lĩnh vực", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="+")  # empty: the whole commune
    total = models.PositiveIntegerField("số chỉ tiêu", default=0)
    vuot = models.PositiveIntegerField("vượt", default=0)
    dat = models.PositiveIntegerField("đạt", default=0)
    co_ban_dat = models.PositiveIntegerField("cơ bản đạt", default=0)
    khong_dat = models.PositiveIntegerField("không đạt", default=0)
    chua_co_so_lieu = models.PositiveIntegerField("chưa có số liệu", default=0)

    class Meta:
        verbose_name = "số chỉ tiêu theo đánh giá của xã"
        verbose_name_plural = "số chỉ tiêu theo đánh giá của xã"
        constraints = [models.UniqueConstraint(fields=["period", "unit", "field"], name="analytics_count_once",
                                               nulls_distinct=False)]
        indexes = [models.Index(fields=["period", "province", "field"], name="analytics_count_page")]

    def __str__(self) -> str:
        return f"{self.unit_id} · {self.period_id} · {self.field_id or 'cả xã'}: {self.total}"

    def counts(self) -> dict[Status, int]:
        return {s: getattr(self, s.value) for s in Status}


class CountsBuilt(models.Model):
    """A province's ``CommuneCount`` rows of a period are there and kept fresh."""

    period = models.ForeignKey("tracking.Period", verbose_name="kỳ", on_delete=models.CASCADE, related_name="+")
    province = models.ForeignKey("units.AdminUnit", verbose_name="tỉnh", on_delete=models.CASCADE, related_name="+")
    built_at = models.DateTimeField("lúc tính", auto_now=True)

    class Meta:
        verbose_name = "bảng tổng hợp đã tính"
        verbose_name_plural = "bảng tổng hợp đã tính"
        constraints = [models.UniqueConstraint(fields=["period", "province"], name="analytics_built_once")]

    def __str__(self) -> str:
        return f"{self.province_id} · {self.period_id}"


class Reminder(models.Model):
    """A province officer reminded a commune to send a period's figures."""

    period = models.ForeignKey("tracking.Period", verbose_name="kỳ", on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey("units.AdminUnit", verbose_name="xã, phường", on_delete=models.CASCADE, related_name="+")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người nhắc", null=True, on_delete=models.SET_NULL,
                                related_name="+")
    sent_at = models.DateTimeField("lúc nhắc", auto_now_add=True)
    recipients = models.TextField("gửi tới", blank=True)

    class Meta:
        verbose_name = "nhắc gửi báo cáo"
        verbose_name_plural = "nhắc gửi báo cáo"
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.unit_id} · {self.period_id} · {self.sent_at:%d/%m/%Y %H:%M}"
