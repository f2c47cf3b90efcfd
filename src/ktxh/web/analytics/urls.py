from django.urls import path

from . import compare, next_year, overview, search, term, views

app_name = "analytics"

urlpatterns = [
    path("xa/<int:unit_id>/", views.commune, name="commune"),
    path("xa/<int:unit_id>/chi-tieu/<int:indicator_id>/", views.indicator, name="indicator"),
    path("xa/<int:unit_id>/nhiem-ky/", term.review_page, name="term"),
    path("tinh/<int:unit_id>/", overview.province, name="province"),
    path("tim-kiem/", search.search, name="search"),
    path("tinh/<int:unit_id>/so-sanh/", compare.compare_page, name="compare"),
    path("ke-hoach/<int:plan_id>/nam-sau/", next_year.roll_page, name="next_year"),
    path("tinh/<int:unit_id>/nhac-gui/", overview.remind, name="remind"),
]
