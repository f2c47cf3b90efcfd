from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("thiet-lap/", views.unit_settings, name="settings"),
    path("xa/<int:unit_id>/van-ban/loi-van/", views.narratives, name="narratives"),
    path("xa/<int:unit_id>/van-ban/<slug:kind>/", views.download, name="download"),
]
