from django.contrib import admin

from .models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("id", "name", "status", "done", "total", "created_by", "created_at", "finished_at", "run_by")
    list_filter = ("status",)
    readonly_fields = [f.name for f in Job._meta.fields]
