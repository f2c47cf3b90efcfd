import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('plans', '0004_key_task_field_version'),
        ('units', '0002_real_units'),
    ]

    operations = [
        migrations.AddField(
            model_name='indicator',
            name='catalogue',
            field=models.SlugField(blank=True, db_index=True, max_length=80, verbose_name='mã trong danh mục'),
        ),
        migrations.AddField(
            model_name='indicator',
            name='province',
            field=models.ForeignKey(blank=True, help_text='Để trống: chỉ tiêu của danh mục chung cả nước.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='own_indicators', to='units.adminunit', verbose_name='tỉnh sở hữu'),
        ),
    ]
