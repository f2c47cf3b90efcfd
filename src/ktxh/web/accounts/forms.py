"""The forms a commune leader fills for the commune's accounts."""

from __future__ import annotations

from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError


def _fields_queryset():
    return apps.get_model("plans", "Field").objects.order_by("order", "name")  # plans imports accounts


class FieldsForm(forms.Form):
    fields_ = forms.ModelMultipleChoiceField(label="Lĩnh vực được giao", queryset=None, required=False,
                                             widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fields_"].queryset = _fields_queryset()


class OfficerForm(FieldsForm):
    username = forms.CharField(label="Tên đăng nhập", max_length=150)
    full_name = forms.CharField(label="Họ và tên", max_length=150)
    email = forms.EmailField(label="Thư điện tử (để nhận thông báo)", required=False,
                             error_messages={"invalid": "Địa chỉ thư điện tử không đúng dạng (ví dụ: ten@xa.gov.vn)."})
    password = forms.CharField(label="Mật khẩu ban đầu", widget=forms.PasswordInput, strip=False)

    field_order = ["username", "full_name", "email", "password", "fields_"]

    def clean_username(self) -> str:
        name = self.cleaned_data["username"].strip()
        if not name.replace(".", "").replace("_", "").replace("-", "").isalnum():
            raise ValidationError(f"Tên đăng nhập “{name}” chỉ gồm chữ, số và dấu chấm, gạch nối.")
        if get_user_model().objects.filter(username__iexact=name).exists():
            raise ValidationError(f"Tên đăng nhập “{name}” đã có người dùng; hãy chọn tên khác.")
        return name

    def clean_password(self) -> str:
        pw = self.cleaned_data["password"]
        password_validation.validate_password(pw)
        return pw

    def clean_fields_(self):
        chosen = self.cleaned_data["fields_"]
        if not chosen:
            raise ValidationError("Công chức cần được giao ít nhất một lĩnh vực để nhập số liệu.")
        return chosen
