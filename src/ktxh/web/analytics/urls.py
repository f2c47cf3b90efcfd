from django.urls import path

from . import overview, term, views

app_name = "analytics"

urlpatterns = [
    path("xa/<int:unit_id>/", views.commune, name="commune"),
    path("xa/<int:unit_id>/chi-tieu/<int:indicator_id>/", views.indicator, name="indicator"),
    path("xa/<int:unit_id>/nhiem-ky/", term.review_page, name="term"),
    path("tinh/<int:unit_id>/", overview.province, name="province"),
    path("tinh/<int:unit_id>/nhac-gui/", overview.remind, name="remind"),
]
