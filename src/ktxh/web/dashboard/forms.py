"""The pages' forms. Numbers and targets stay text here: the core reads them, not the form."""

from __future__ import annotations

from django import forms

from ktxh.web.plans.models import Indicator, PlanKind, TargetSource


class EntryRowForm(forms.Form):
    """One indicator's figure in the period's entry form (prefix: the indicator)."""

    text = forms.CharField(label="Số liệu", required=False, max_length=200,
                           widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
    is_estimate = forms.BooleanField(label="Số ước", required=False)
    source_note = forms.CharField(label="Nguồn số liệu", required=False, max_length=500)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    confirm = forms.BooleanField(label="Tôi xác nhận số liệu này đúng", required=False)
    confirm_comment = forms.CharField(label="Lý do xác nhận", required=False, max_length=500)


class ReturnForm(forms.Form):
    comment = forms.CharField(label="Ý kiến (lý do trả lại)", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000,
                              error_messages={"required": "Trả lại số liệu cần ghi ý kiến (lý do trả lại)."})


class PlanForm(forms.Form):
    kind = forms.ChoiceField(label="Loại kế hoạch", choices=PlanKind.choices)
    start_year = forms.IntegerField(label="Từ năm", min_value=2000, max_value=2100,
                                    error_messages={"required": "Nhập năm bắt đầu.", "invalid": "Năm phải là số."})
    end_year = forms.IntegerField(label="Đến năm", min_value=2000, max_value=2100,
                                  error_messages={"required": "Nhập năm kết thúc.", "invalid": "Năm phải là số."})
    title = forms.CharField(label="Tên kế hoạch", max_length=300, error_messages={"required": "Nhập tên kế hoạch."})
    legal_basis = forms.CharField(label="Căn cứ pháp lý", required=False, max_length=1000,
                                  widget=forms.TextInput(attrs={"placeholder": "Nghị quyết số 08/NQ-HĐND ngày 26/12/2022"}))


class TargetForm(forms.Form):
    indicator = forms.ModelChoiceField(label="Chỉ tiêu", queryset=Indicator.objects.select_related("field"),
                                       error_messages={"required": "Chọn chỉ tiêu.", "invalid_choice": "Chỉ tiêu không có."})
    year = forms.IntegerField(label="Năm (để trống: cả nhiệm kỳ)", required=False,
                              error_messages={"invalid": "Năm phải là số."})
    source = forms.ChoiceField(label="Nguồn", choices=TargetSource.choices, initial=TargetSource.HDND)
    text = forms.CharField(label="Chỉ tiêu (ghi như văn bản)", max_length=500,
                           widget=forms.TextInput(attrs={"placeholder": "14 – 15%, > 99%, Giảm 01 hộ nghèo",
                                                         "autocomplete": "off"}),
                           error_messages={"required": "Nhập chỉ tiêu, ví dụ “> 99%”."})
    note = forms.CharField(label="Ghi chú", required=False, max_length=1000)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class UploadForm(forms.Form):
    file = forms.FileField(label="Tệp báo cáo hoặc kế hoạch (.docx, .txt)",
                           error_messages={"required": "Chọn một tệp .docx hoặc .txt.", "empty": "Tệp rỗng."})

    def clean_file(self):
        f = self.cleaned_data["file"]
        name = f.name.lower()
        if not name.endswith((".docx", ".txt", ".md")):
            raise forms.ValidationError(f"Tệp “{f.name}” không phải .docx hay .txt.")
        if f.size > 10 * 1024 * 1024:
            raise forms.ValidationError(f"Tệp “{f.name}” lớn quá 10 MB.")
        return f
