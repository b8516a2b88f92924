"""Reporting's municipality foreign keys now point at ``territory``: state
only, the columns and their target table are unchanged. Runs before learners
drops the model from its state."""

import django.db.models.deletion
from django.db import migrations, models


def municipality(**options):
    return models.ForeignKey(
        on_delete=django.db.models.deletion.CASCADE,
        to="territory.municipality",
        **{"related_name": "+", **options},
    )


class Migration(migrations.Migration):

    dependencies = [
        ("reporting", "0001_initial"),
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
                    model_name="attendancefact",
                    name="municipality",
                    field=municipality(),
                ),
                migrations.AlterField(
                    model_name="exportjob",
                    name="municipality",
                    field=municipality(blank=True, null=True, verbose_name="municipalité"),
                ),
                migrations.AlterField(
                    model_name="learnerfact",
                    name="municipality",
                    field=municipality(),
                ),
                migrations.AlterField(
                    model_name="trainingcontact",
                    name="municipality",
                    field=municipality(related_name="training_contacts", verbose_name="municipalité"),
                ),
                migrations.AlterField(
                    model_name="learnerpathfact",
                    name="municipality",
                    field=municipality(),
                ),
            ],
        ),
    ]
