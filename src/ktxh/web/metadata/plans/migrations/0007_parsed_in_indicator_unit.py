# A target typed in another scale of its indicator's unit ("64.000.000 đồng/người/năm" for an
# indicator in triệu đồng/người/năm) is now read in the indicator's unit: such stored parses read again.

from django.db import migrations


def reparse(apps, schema_editor):
    from ktxh.core.numbers import figures_in_unit
    from ktxh.web.metadata.plans.models import stored_parse  # the rule itself, over plain values

    Target = apps.get_model("plans", "Target")
    stale = [t for t in Target.objects.select_related("indicator")
             if t.indicator.unit and figures_in_unit(t.text, t.indicator.unit) != t.text]
    for t in stale:
        t.parsed = stored_parse(t.text, t.label, t.indicator.unit, t.indicator.direction)
    Target.objects.bulk_update(stale, ["parsed"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [("plans", "0006_load_catalogue")]

    operations = [migrations.RunPython(reparse, migrations.RunPython.noop)]
