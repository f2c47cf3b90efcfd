# The stored parse now keeps the core review's kind of each target ("term_kind"): the roll-up's SQL
# reads it to judge a term target by its latest yearly figure, as the dashboard does.

from django.db import migrations


def reparse(apps, schema_editor):
    from ktxh.core.errors import KtxhError
    from ktxh.web.metadata.plans.models import stored_parse  # the rule itself, over plain values

    Target = apps.get_model("plans", "Target")
    stale = []
    for t in Target.objects.select_related("indicator"):
        if "term_kind" in (t.parsed or {}):
            continue
        try:
            t.parsed = stored_parse(t.text, t.label, t.indicator.unit, t.indicator.direction)
        except KtxhError:
            continue  # read again, with its error, when it is next shown
        stale.append(t)
    Target.objects.bulk_update(stale, ["parsed"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [("plans", "0007_parsed_in_indicator_unit")]

    operations = [migrations.RunPython(reparse, migrations.RunPython.noop)]
