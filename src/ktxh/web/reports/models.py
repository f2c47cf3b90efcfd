"""What officers write for a document, kept apart from what is generated from the figures.

A narrative belongs to one commune, one reporting period and one section of the document
(``ktxh.documents.data.SECTION_*`` or ``linh-vuc/<field code>``): generating the document
again reads it back and never overwrites it. ``DocumentSettings`` holds per commune who
signs and where the document is sent; without it the adapter uses defaults.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Narrative(models.Model):
    unit = models.ForeignKey("units.AdminUnit", verbose_name="đơn vị", on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey("tracking.Period", verbose_name="kỳ", on_delete=models.CASCADE, related_name="+")
    section = models.CharField("phần", max_length=120)
    text = models.TextField("nội dung", blank=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        verbose_name = "lời văn của cán bộ"
        verbose_name_plural = "lời văn của cán bộ"
        constraints = [models.UniqueConstraint(fields=["unit", "period", "section"], name="narrative_once")]

    def __str__(self) -> str:
        return f"{self.unit} · {self.period} · {self.section}"


class DocumentSettings(models.Model):
    unit = models.OneToOneField("units.AdminUnit", verbose_name="đơn vị", on_delete=models.CASCADE,
                                related_name="document_settings")
    signer_name = models.CharField("người ký", max_length=200, blank=True)
    signer_authority = models.CharField("thẩm quyền ký", max_length=100, default="TM. ỦY BAN NHÂN DÂN")
    signer_title = models.CharField("chức vụ người ký", max_length=100, default="CHỦ TỊCH")
    recipients = models.TextField("nơi nhận", blank=True, help_text="Mỗi dòng một nơi nhận")

    class Meta:
        verbose_name = "thiết lập văn bản"
        verbose_name_plural = "thiết lập văn bản"

    def __str__(self) -> str:
        return f"Thiết lập văn bản {self.unit}"
