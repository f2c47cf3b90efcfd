from django.urls import path

from . import editor, indicators, merging

app_name = "plans"

urlpatterns = [
    path("ke-hoach/", editor.plans, name="plans"),
    path("ke-hoach/<int:plan_id>/", editor.plan, name="plan"),
    path("ke-hoach/xem-truoc/", editor.preview, name="preview"),
    path("chi-tieu/", indicators.indicators_page, name="indicators"),
    path("chi-tieu/gop/", merging.merge_page, name="merge"),
]
