"""Password rules, with the messages in Vietnamese (Django's own are English for these)."""

from __future__ import annotations

from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError


class MinimumLength(MinimumLengthValidator):
    """At least ``min_length`` characters (8 by default)."""

    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(f"Mật khẩu quá ngắn: {len(password)} ký tự, cần ít nhất {self.min_length} ký tự.",
                                  code="password_too_short")

    def get_help_text(self):
        return f"Mật khẩu cần ít nhất {self.min_length} ký tự."
