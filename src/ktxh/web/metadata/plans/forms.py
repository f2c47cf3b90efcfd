"""Forms of the plan editor. Targets stay text here: the core reads them, not the form."""

from __future__ import annotations

from django import forms

from ktxh.web.ui.forms import TextField, version_field

from .models import Indicator, PlanKind, TargetSource


class PlanForm(forms.Form):
    kind = forms.ChoiceField(label="Loại kế hoạch", choices=PlanKind.choices)
    start_year = forms.IntegerField(label="Từ năm", min_value=2000, max_value=2100,
                                    error_messages={"required": "Nhập năm bắt đầu.", "invalid": "Năm phải là số."})
    end_year = forms.IntegerField(label="Đến năm", min_value=2000, max_value=2100,
                                  error_messages={"required": "Nhập năm kết thúc.", "invalid": "Năm phải là số."})
    title = TextField(label="Tên kế hoạch", max_length=300, error_messages={"required": "Nhập tên kế hoạch."})
    legal_basis = TextField(label="Căn cứ pháp lý", required=False, max_length=1000,
                                  widget=forms.TextInput(attrs={"placeholder": "Nghị quyết số 08/NQ-HĐND ngày 26/12/2022"}))


class TargetForm(forms.Form):
    indicator = forms.ModelChoiceField(label="Chỉ tiêu", queryset=Indicator.objects.select_related("field"),
                                       error_messages={"required": "Chọn chỉ tiêu.", "invalid_choice": "Chỉ tiêu không có."})
    year = forms.IntegerField(label="Năm (để trống: cả nhiệm kỳ)", required=False, min_value=1900, max_value=2200,
                              error_messages={"invalid": "Năm phải là số.", "min_value": "Năm phải từ 1900 trở đi.",
                                              "max_value": "Năm phải đến 2200 là hết."})
    source = forms.ChoiceField(label="Nguồn", choices=TargetSource.choices, initial=TargetSource.HDND)
    text = TextField(label="Chỉ tiêu (ghi như văn bản)", max_length=500,
                           widget=forms.TextInput(attrs={"placeholder": "14 – 15%, > 99%, Giảm 01 hộ nghèo",
                                                         "autocomplete": "off"}),
                           error_messages={"required": "Nhập chỉ tiêu, ví dụ “> 99%”."})
    note = TextField(label="Ghi chú", required=False, max_length=1000)
    version = version_field()
