from django.contrib import admin

from .models import Actual, Period


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ("label", "kind", "starts_on", "ends_on", "cutoff_on", "due_on")
    list_filter = ("kind", "year")


@admin.register(Actual)
class ActualAdmin(admin.ModelAdmin):
    list_display = ("indicator", "unit", "period", "text", "is_estimate", "status", "version")
    list_filter = ("status", "is_estimate", "period")
    search_fields = ("indicator__name", "unit__name")
    raw_id_fields = ("unit", "indicator", "period")

    # Figures change only through the workflow (versions, permissions, audit): the admin shows them.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
