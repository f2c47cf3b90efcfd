# The audit trail moved from the tracking app to its own: the table stays, only Django's state moves.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("tracking", "0001_initial"),
        ("units", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AuditEntry",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("model", models.CharField(max_length=40, verbose_name="đối tượng")),
                        ("object_id", models.PositiveBigIntegerField()),
                        ("action", models.CharField(max_length=20, verbose_name="thao tác")),
                        ("changes", models.JSONField(default=dict, verbose_name="thay đổi")),
                        ("comment", models.TextField(blank=True, verbose_name="ý kiến")),
                        ("at", models.DateTimeField(auto_now_add=True, verbose_name="lúc")),
                        ("unit", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                                   to="units.adminunit")),
                        ("user", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL,
                                                   related_name="+", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "verbose_name": "nhật ký thay đổi",
                        "verbose_name_plural": "nhật ký thay đổi",
                        "db_table": "tracking_auditentry",
                        "ordering": ["at", "pk"],
                        "indexes": [models.Index(fields=["model", "object_id"], name="tracking_au_model_558924_idx")],
                    },
                ),
            ],
        ),
    ]
