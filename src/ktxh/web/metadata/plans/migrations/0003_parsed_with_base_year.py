# Every stored parse read again by the core: it now carries base_year and what it was read from,
# so the evaluator and the SQL roll-up use the stored parse and never read the text a second way.

from django.db import migrations


def reparse(apps, schema_editor):
    from ktxh.web.metadata.plans.models import stored_parse  # the rule itself, over plain values

    Target = apps.get_model("plans", "Target")
    stale = list(Target.objects.select_related("indicator"))
    for t in stale:
        t.parsed = stored_parse(t.text, t.label, t.indicator.unit, t.indicator.direction)
    Target.objects.bulk_update(stale, ["parsed"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [("plans", "0002_target_label")]

    operations = [migrations.RunPython(reparse, migrations.RunPython.noop)]
