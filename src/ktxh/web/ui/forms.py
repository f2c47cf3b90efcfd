"""Form fields every page's forms share: text cleaned by the core before anything is checked or stored."""

from __future__ import annotations

from django import forms

from ktxh.core.text import clean_text

MAX_VERSION = 2**31 - 1  # ``version`` columns are 32-bit integers


class TextField(forms.CharField):
    """A ``CharField`` whose value goes through ``ktxh.core.text.clean_text`` (no control characters,
    NFC) before its length is checked, so that what is stored is what is shown and written."""

    def to_python(self, value):
        value = super().to_python(value)
        return clean_text(value).strip() if self.strip else clean_text(value)


def version_field() -> forms.IntegerField:
    """The hidden ``version`` a change is made from: a whole number a version column holds."""
    return forms.IntegerField(required=False, min_value=0, max_value=MAX_VERSION, widget=forms.HiddenInput,
                              error_messages={"invalid": "Phiên bản phải là số.",
                                              "min_value": "Phiên bản không hợp lệ.",
                                              "max_value": "Phiên bản không hợp lệ."})
