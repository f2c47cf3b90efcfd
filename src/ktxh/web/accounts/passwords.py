"""Django's four password rules, saying why in Vietnamese (Django has no Vietnamese text for them).

>>> from django.core.exceptions import ValidationError
>>> try:
...     NumericPasswordValidator().validate("20232025")
... except ValidationError as exc:
...     print(exc.messages[0])
Mật khẩu không được chỉ gồm chữ số.
>>> MinimumLengthValidator(min_length=10).get_help_text()
'Mật khẩu phải có ít nhất 10 ký tự.'
"""

from __future__ import annotations

from django.contrib.auth import password_validation as django


class MinimumLengthValidator(django.MinimumLengthValidator):
    def get_error_message(self):
        return f"Mật khẩu quá ngắn: cần ít nhất {self.min_length} ký tự."

    def get_help_text(self):
        return f"Mật khẩu phải có ít nhất {self.min_length} ký tự."


class UserAttributeSimilarityValidator(django.UserAttributeSimilarityValidator):
    def get_error_message(self):
        return "Mật khẩu quá giống %(verbose_name)s của tài khoản."

    def get_help_text(self):
        return "Mật khẩu không được giống tên đăng nhập, họ tên hay thư điện tử."


class CommonPasswordValidator(django.CommonPasswordValidator):
    def get_error_message(self):
        return "Mật khẩu này quá phổ biến, dễ bị đoán."

    def get_help_text(self):
        return "Mật khẩu không được là một mật khẩu phổ biến."


class NumericPasswordValidator(django.NumericPasswordValidator):
    def get_error_message(self):
        return "Mật khẩu không được chỉ gồm chữ số."

    def get_help_text(self):
        return "Mật khẩu không được chỉ gồm chữ số."
