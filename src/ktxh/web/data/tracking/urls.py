from django.urls import path

from . import entry, importing

app_name = "tracking"

urlpatterns = [
    path("nhap-lieu/", entry.index, name="entry_index"),
    path("nhap-lieu/doc-so/", entry.reading, name="reading"),
    path("nhap-lieu/<int:period_id>/", entry.form, name="entry"),
    path("cho-duyet/", entry.queue, name="queue"),
    path("cho-duyet/<int:actual_id>/", entry.review, name="review"),
    path("nhap-tep/", importing.upload, name="import_upload"),
    path("nhap-tep/nhan/", importing.accept, name="import_accept"),
]
