"""A user's role and unit, and the API tokens that stand for a user."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

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


def _expiry():
    return timezone.now() + timedelta(days=settings.TOKEN_TTL_DAYS)


class ApiToken(models.Model):
    """A bearer token for the API. Only its hash is stored; the token is shown once. It works until
    ``expires_at`` (``KTXH_TOKEN_TTL`` days after it is issued) or until it is revoked (deleted)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField("hết hạn lúc", default=_expiry)

    class Meta:
        verbose_name = "khóa API"
        verbose_name_plural = "khóa API"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @classmethod
    def issue(cls, user) -> str:
        return cls.create_for(user)[0]

    @classmethod
    def create_for(cls, user) -> tuple[str, ApiToken]:
        """A new token: the raw key (shown once) and the stored row."""
        raw = secrets.token_urlsafe(32)
        return raw, cls.objects.create(user=user, key_hash=_hash(raw), prefix=raw[:8])

    @classmethod
    def user_for(cls, raw: str):
        token = cls.valid(raw)
        return token.user if token is not None else None

    @classmethod
    def valid(cls, raw: str) -> ApiToken | None:
        """The token ``raw`` stands for, if it is unexpired and its user active (its use noted)."""
        now = timezone.now()
        token = (cls.objects.select_related("user")
                 .filter(key_hash=_hash(raw), user__is_active=True, expires_at__gt=now).first())
        if token is None:
            return None
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            token.last_used_at = now  # a write at most once a minute: token reads can go to a replica
            token.save(update_fields=["last_used_at"])
        return token


class Notification(models.Model):
    """A message to one user inside the application (the bell of the menu); also sent by e-mail."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", "Số liệu chờ duyệt"
        RETURNED = "returned", "Số liệu bị trả lại"
        APPROVED = "approved", "Số liệu đã duyệt"
        DUE = "due", "Sắp đến hạn"
        LATE = "late", "Trễ hạn"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField("loại", max_length=10, choices=Kind.choices)
    text = models.CharField("nội dung", max_length=500)
    url = models.CharField("đường dẫn", max_length=300, blank=True)
    key = models.CharField("khóa chống gửi trùng", max_length=120, blank=True)
    created_at = models.DateTimeField("lúc", auto_now_add=True)
    read_at = models.DateTimeField("đã xem lúc", null=True, blank=True)

    class Meta:
        verbose_name = "thông báo"
        verbose_name_plural = "thông báo"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return f"{self.user}: {self.text}"
