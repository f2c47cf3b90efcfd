"""URLs: the admin and the JSON API (schema at /api/openapi.json)."""

from django.contrib import admin
from django.urls import path

from ktxh.web.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]
