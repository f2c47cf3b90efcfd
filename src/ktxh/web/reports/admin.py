from django.contrib import admin

from .models import DocumentSettings, IssuedDocument, Narrative

admin.site.register(DocumentSettings)
admin.site.register(Narrative)


@admin.register(IssuedDocument)
class IssuedDocumentAdmin(admin.ModelAdmin):
    list_display = ("unit", "year", "number", "kind", "period", "issued_on", "issued_by")
    list_filter = ("year", "kind")
