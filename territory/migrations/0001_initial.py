"""Region, Mrc and Municipality come from ``learners`` with their tables.

State only: the tables ``learners_region``, ``learners_mrc`` and
``learners_municipality`` were created by ``learners.0001_initial`` and keep
their names (``db_table``), so no row moves. The dependency on that migration
guarantees the tables exist once this one is applied, on a database migrated
from zero as on one migrated before the move. ``learners.0006`` then removes
the models from learners' state, after every foreign key points here.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("learners", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Region",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("code", models.CharField(max_length=2, unique=True, verbose_name="code")),
                        ("name", models.CharField(max_length=100, verbose_name="nom")),
                    ],
                    options={
                        "verbose_name": "région administrative",
                        "verbose_name_plural": "régions administratives",
                        "db_table": "learners_region",
                        "ordering": ["code"],
                    },
                ),
                migrations.CreateModel(
                    name="Mrc",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("code", models.CharField(max_length=3, unique=True, verbose_name="code")),
                        ("name", models.CharField(max_length=100, verbose_name="nom")),
                        ("region", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="mrcs", to="territory.region")),
                    ],
                    options={
                        "verbose_name": "MRC",
                        "verbose_name_plural": "MRC",
                        "db_table": "learners_mrc",
                        "ordering": ["name"],
                    },
                ),
                migrations.CreateModel(
                    name="Municipality",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("code", models.CharField(max_length=5, unique=True, verbose_name="code géographique")),
                        ("name", models.CharField(max_length=100, verbose_name="nom")),
                        ("designation", models.CharField(max_length=40, verbose_name="désignation")),
                        ("population", models.PositiveIntegerField(verbose_name="population")),
                        ("search_name", models.CharField(db_index=True, editable=False, max_length=100)),
                        ("mrc", models.ForeignKey(blank=True, help_text="Vide pour les territoires équivalents à une MRC.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name="municipalities", to="territory.mrc")),
                        ("region", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="municipalities", to="territory.region")),
                    ],
                    options={
                        "verbose_name": "municipalité",
                        "verbose_name_plural": "municipalités",
                        "db_table": "learners_municipality",
                        "ordering": ["name"],
                    },
                ),
            ],
        ),
    ]
