from django.db import migrations


def load_catalogue(apps, schema_editor):
    """The package's indicator catalogue (``ktxh.catalogue``) into the Indicator table."""
    from ktxh.web.metadata.plans.catalogue import load

    load(apps.get_model("plans", "Field"), apps.get_model("plans", "Indicator"))


class Migration(migrations.Migration):
    """The catalogue in its own migration: on PostgreSQL the new columns' indexes are made first."""

    dependencies = [
        ('plans', '0005_indicator_catalogue_province'),
    ]

    operations = [
        migrations.RunPython(load_catalogue, migrations.RunPython.noop),
    ]
