from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Stamp",
            fields=[
                ("key", models.CharField(max_length=40, primary_key=True, serialize=False, verbose_name="khóa")),
                ("generation", models.PositiveBigIntegerField(default=1, verbose_name="thế hệ")),
            ],
            options={
                "verbose_name": "mốc làm mới số liệu tổng hợp",
                "verbose_name_plural": "mốc làm mới số liệu tổng hợp",
            },
        ),
    ]
