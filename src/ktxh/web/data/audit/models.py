"""The audit trail: one entry per change to a figure, a target, a plan or a key task."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    """One change: who, when, what, the old and the new values."""

    model = models.CharField("đối tượng", max_length=40)
    object_id = models.PositiveBigIntegerField()
    unit = models.ForeignKey("units.AdminUnit", on_delete=models.PROTECT, related_name="+")
    action = models.CharField("thao tác", max_length=20)
    changes = models.JSONField("thay đổi", default=dict)
    comment = models.TextField("ý kiến", blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField("lúc", auto_now_add=True)

    class Meta:
        db_table = "tracking_auditentry"  # the table kept from before the audit app stood alone
        verbose_name = "nhật ký thay đổi"
        verbose_name_plural = "nhật ký thay đổi"
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["model", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.user} {self.action} {self.model}#{self.object_id}"
