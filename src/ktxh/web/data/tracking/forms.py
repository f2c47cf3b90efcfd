"""Forms of data entry, approval and import. Numbers stay text here: the core reads them, not the form."""

from __future__ import annotations

from django import forms

from ktxh.core.errors import KtxhError
from ktxh.web.ui.forms import TextField, version_field

from .uploads import IMPORTABLE, check_kind, check_size


class EntryRowForm(forms.Form):
    """One indicator's figure in the period's entry form (prefix: the indicator)."""

    text = TextField(label="Số liệu", required=False, max_length=200,
                           widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
    is_estimate = forms.BooleanField(label="Số ước", required=False)
    source_note = TextField(label="Nguồn số liệu", required=False, max_length=500)
    version = version_field()
    confirm = forms.BooleanField(label="Tôi xác nhận số liệu này đúng", required=False)
    confirm_comment = TextField(label="Lý do xác nhận", required=False, max_length=500)


class ReturnForm(forms.Form):
    comment = TextField(label="Ý kiến (lý do trả lại)", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000,
                              error_messages={"required": "Trả lại số liệu cần ghi ý kiến (lý do trả lại)."})


class UploadForm(forms.Form):
    file = forms.FileField(label="Tệp báo cáo hoặc kế hoạch (.docx, .pdf, .xlsx, .txt)",
                           error_messages={"required": "Chọn một tệp .docx, .pdf, .xlsx hoặc .txt.", "empty": "Tệp rỗng."},
                           widget=forms.ClearableFileInput(attrs={"accept": ",".join(IMPORTABLE)}))

    def clean_file(self):
        f = self.cleaned_data["file"]
        try:
            check_kind(f.name)
            check_size(f.name, f.size)  # the reader's limit for the file's kind, named in the message
        except KtxhError as exc:
            raise forms.ValidationError(exc.message) from exc
        return f
