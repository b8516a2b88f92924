"""Region, Mrc and Municipality moved to ``territory`` (tables unchanged).

State only for the models: ``territory.0001`` adopted them, and courses 0007
and reporting 0002 (``run_before`` this one) repointed their foreign keys. The
content types are relabelled rather than recreated, so permissions, admin log
entries and revisions that name them keep their ids. On a database migrated
from zero there are no content types yet (they are made after ``migrate``),
and the update touches nothing.
"""

import django.db.models.deletion
from django.db import migrations, models

MODELS = ("region", "mrc", "municipality")


def relabel(source, target):
    def run(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        types = ContentType.objects.using(schema_editor.connection.alias)
        taken = types.filter(app_label=target, model__in=MODELS)
        free = set(MODELS) - set(taken.values_list("model", flat=True))
        types.filter(app_label=source, model__in=free).update(app_label=target)
        ContentType.objects.clear_cache()

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("learners", "0005_h5p_launch"),
        ("territory", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="user",
                    name="municipality",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="learners", to="territory.municipality", verbose_name="municipalité"),
                ),
                migrations.DeleteModel(name="Municipality"),
                migrations.DeleteModel(name="Mrc"),
                migrations.DeleteModel(name="Region"),
            ],
        ),
        migrations.RunPython(
            relabel("learners", "territory"), relabel("territory", "learners")
        ),
    ]
