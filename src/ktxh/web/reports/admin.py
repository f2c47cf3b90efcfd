from django.contrib import admin

from .models import DocumentSettings, Narrative

admin.site.register(DocumentSettings)
admin.site.register(Narrative)
