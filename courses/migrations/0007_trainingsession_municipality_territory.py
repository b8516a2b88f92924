"""The session's municipality now lives in ``territory``: state only, the
column and its target table are unchanged. Runs before learners drops the
model from its state."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("courses", "0006_h5p_library_trust"),
        ("territory", "0001_initial"),
    ]

    run_before = [
        ("learners", "0006_geography_to_territory"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="trainingsession",
                    name="municipality",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="territory.municipality", verbose_name="municipalité"),
                ),
            ],
        ),
    ]
