"""Forms of the plan editor. Targets stay text here: the core reads them, not the form."""

from __future__ import annotations

from django import forms

from ktxh.web.ui.forms import TextField, version_field

from .models import Aggregation, Field, Indicator, PlanKind, TargetSource


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


class ProvinceIndicatorForm(forms.Form):
    """A province's own indicator. Only the shape of the input is checked here; whether it may be
    added (its name, its duplicates, its decimals) is ``catalogue.add_province_indicator``'s rule."""

    name = TextField(label="Tên chỉ tiêu", max_length=300,
                     widget=forms.TextInput(attrs={"placeholder": "Số hợp tác xã nông nghiệp hoạt động hiệu quả"}),
                     error_messages={"required": "Nhập tên chỉ tiêu.",
                                     "max_length": "Tên chỉ tiêu dài %(show_value)d ký tự, quá %(limit_value)d ký tự."})
    unit = TextField(label="Đơn vị tính (ĐVT; để trống: đánh giá bằng lời)", required=False, max_length=40,
                     widget=forms.TextInput(attrs={"placeholder": "hợp tác xã, %, triệu đồng"}),
                     error_messages={"max_length": "Đơn vị tính dài %(show_value)d ký tự, quá %(limit_value)d ký tự."})
    field = forms.ModelChoiceField(label="Lĩnh vực", queryset=Field.objects.all(), empty_label="— Chọn lĩnh vực —",
                                   error_messages={"required": "Chọn lĩnh vực.",
                                                   "invalid_choice": "Không có lĩnh vực số “%(value)s”."})
    direction = forms.ChoiceField(label="Chiều đánh giá", choices=Indicator._meta.get_field("direction").choices,
                                  initial="up", widget=forms.RadioSelect,
                                  error_messages={"required": "Chọn chiều đánh giá.",
                                                  "invalid_choice": "Chiều đánh giá “%(value)s” không có."})
    decimals = forms.IntegerField(label="Số chữ số thập phân (0–6)", initial=0,
                                  widget=forms.NumberInput(attrs={"min": 0, "max": 6, "inputmode": "numeric"}),
                                  error_messages={"required": "Nhập số chữ số thập phân (0 đến 6).",
                                                  "invalid": "Số chữ số thập phân phải là một số nguyên từ 0 đến 6."})
    aggregation = forms.ChoiceField(
        label="Cách cộng dồn khi tổng hợp toàn tỉnh", required=False,
        # a rate needs its numerator and denominator indicators: the catalogue's rates only
        choices=[("", "Mặc định theo đơn vị tính")]
        + [(v, label) for v, label in Aggregation.choices if v != Aggregation.RATE],
        error_messages={"invalid_choice": "Cách cộng dồn “%(value)s” không có."})
