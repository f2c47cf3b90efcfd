"""A user's role and unit, and the API tokens that stand for a user."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class Role(models.TextChoices):
    PLANNER = "planner", "Cán bộ kế hoạch tỉnh"
    LEADER = "leader", "Lãnh đạo xã, phường"
    OFFICER = "officer", "Công chức xã, phường"
    VIEWER = "viewer", "Người xem"


class Membership(models.Model):
    """What one user may do, and where: a role in one unit (and, for an officer, some fields)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    role = models.CharField("vai trò", max_length=8, choices=Role.choices)
    unit = models.ForeignKey("units.AdminUnit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="members")
    fields = models.ManyToManyField("plans.Field", verbose_name="lĩnh vực được giao", blank=True)

    class Meta:
        verbose_name = "vai trò người dùng"
        verbose_name_plural = "vai trò người dùng"

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} {self.unit}"

    def clean(self) -> None:
        if not self.unit_id:
            return
        if self.role == Role.PLANNER and self.unit.level != "province":
            raise ValidationError({"unit": f"Cán bộ kế hoạch tỉnh phải thuộc một tỉnh, không phải “{self.unit}”."})
        if self.role in (Role.LEADER, Role.OFFICER) and self.unit.level != "commune":
            raise ValidationError({"unit": f"{self.get_role_display()} phải thuộc một xã, phường, không phải “{self.unit}”."})


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the API. Only its hash is stored; the token is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "khóa API"
        verbose_name_plural = "khóa API"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @classmethod
    def issue(cls, user) -> str:
        raw = secrets.token_urlsafe(32)
        cls.objects.create(user=user, key_hash=_hash(raw), prefix=raw[:8])
        return raw

    @classmethod
    def user_for(cls, raw: str):
        token = cls.objects.select_related("user").filter(key_hash=_hash(raw), user__is_active=True).first()
        if token is None:
            return None
        if token.last_used_at is None or (timezone.now() - token.last_used_at).total_seconds() > 60:  # a write at most once a minute
            token.last_used_at = timezone.now()
            token.save(update_fields=["last_used_at"])
        return token.user
