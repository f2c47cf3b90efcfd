from django.contrib import admin

from .models import Field, Indicator, KeyTask, Plan, Target


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "order")


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("name", "unit", "field", "direction", "aggregation", "decimals")
    list_filter = ("field", "aggregation", "direction")
    search_fields = ("name", "code")


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    raw_id_fields = ("indicator",)


class KeyTaskInline(admin.StackedInline):
    model = KeyTask
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("title", "unit", "kind", "start_year", "end_year", "status")
    list_filter = ("kind", "status")
    search_fields = ("title", "unit__name")
    inlines = [TargetInline, KeyTaskInline]
