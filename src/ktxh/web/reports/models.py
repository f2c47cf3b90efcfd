"""What officers write for a document, kept apart from what is generated from the figures.

A narrative belongs to one commune, one reporting period and one section of the document
(``ktxh.documents.data.SECTION_*`` or ``linh-vuc/<field code>``): generating the document
again reads it back and never overwrites it. ``DocumentSettings`` holds per commune who
signs and where the document is sent; without it the adapter uses defaults.
``IssuedDocument`` is the commune's register of document numbers (sổ đăng ký văn bản đi):
a number is given when a document is issued, in one sequence per commune and year, and
the document then prints its number and date.
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


class SignerTitle(models.TextChoices):
    CHAIR = "CHỦ TỊCH", "Chủ tịch (TM. Ủy ban nhân dân)"
    DEPUTY = "PHÓ CHỦ TỊCH", "Phó Chủ tịch (TM. Ủy ban nhân dân, KT. Chủ tịch)"


class DocumentSettings(models.Model):
    unit = models.OneToOneField("units.AdminUnit", verbose_name="đơn vị", on_delete=models.CASCADE,
                                related_name="document_settings")
    signer_name = models.CharField("người ký", max_length=200, blank=True, help_text="Họ và tên người ký")
    signer_authority = models.CharField("thẩm quyền ký", max_length=100, default="TM. ỦY BAN NHÂN DÂN")
    signer_title = models.CharField("chức vụ người ký", max_length=100, choices=SignerTitle.choices,
                                    default=SignerTitle.CHAIR)
    recipients = models.TextField("nơi nhận", blank=True, help_text="Mỗi dòng một nơi nhận")
    general_objective = models.TextField("mục tiêu tổng quát", blank=True,
                                         help_text="In ở mục “Mục tiêu tổng quát” của kế hoạch năm sau")

    class Meta:
        verbose_name = "thiết lập văn bản"
        verbose_name_plural = "thiết lập văn bản"

    def __str__(self) -> str:
        return f"Thiết lập văn bản {self.unit}"

    @classmethod
    def fill_from(cls, unit, signer, recipients, objective: str = "") -> DocumentSettings:
        """Take the signer, Nơi nhận and mục tiêu tổng quát a commune's own document names (``ktxh.reader``'s
        Metadata) where its settings are still blank; what an officer set stays."""
        s, _ = cls.objects.get_or_create(unit=unit)
        if objective and not s.general_objective.strip():
            s.general_objective = objective
        if signer is not None and not s.signer_name:
            s.signer_name = signer.name
            if signer.title in SignerTitle.values:
                s.signer_title = signer.title
            if signer.authority and signer.authority.startswith("TM."):  # "KT. CHỦ TỊCH" comes from the title
                s.signer_authority = signer.authority
        if recipients and not s.recipients.strip():
            s.recipients = "\n".join(f"- {r};" for r in recipients[:-1]) + f"\n- {recipients[-1]}."
        s.save()
        return s


class DocumentKind(models.TextChoices):
    REPORT = "bao-cao", "Báo cáo"
    PLAN = "ke-hoach", "Kế hoạch"


class IssuedDocument(models.Model):
    """One entry of the commune's register: the number and date a document was issued with."""

    unit = models.ForeignKey("units.AdminUnit", verbose_name="đơn vị", on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey("tracking.Period", verbose_name="kỳ", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("loại văn bản", max_length=10, choices=DocumentKind.choices)
    year = models.PositiveSmallIntegerField("năm cấp số")
    number = models.PositiveIntegerField("số")
    issued_on = models.DateField("ngày ban hành")
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name="người cấp số")

    class Meta:
        verbose_name = "số văn bản đã cấp"
        verbose_name_plural = "sổ đăng ký văn bản"
        ordering = ["unit", "year", "number"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "number"], name="issued_number_once"),
            models.UniqueConstraint(fields=["unit", "period", "kind"], name="issued_document_once"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · số {self.number:02d}/{self.year} · {self.get_kind_display()} {self.period}"
