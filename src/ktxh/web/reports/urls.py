from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("xa/<int:unit_id>/van-ban/loi-van/", views.narratives, name="narratives"),
    path("xa/<int:unit_id>/van-ban/thiet-lap/", views.document_settings, name="settings"),
    path("xa/<int:unit_id>/van-ban/<slug:kind>/cap-so/", views.issue, name="issue"),
    path("xa/<int:unit_id>/van-ban/<slug:kind>/", views.download, name="download"),
]
