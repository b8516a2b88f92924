"""ExportJob.started_at: when a worker claimed the job, a column instead of
``params["started_at"]`` (an ISO string). Existing values are copied over and
removed from ``params``; reversing puts them back."""

from datetime import datetime

from django.db import migrations, models


def params_to_column(apps, schema_editor):
    ExportJob = apps.get_model("reporting", "ExportJob")
    jobs = ExportJob.objects.filter(params__has_key="started_at")
    for job in jobs.iterator():
        params = dict(job.params)
        started = params.pop("started_at")
        try:
            job.started_at = datetime.fromisoformat(started) if started else None
        except (TypeError, ValueError):
            job.started_at = None  # unreadable: counted from its creation
        job.params = params
        job.save(update_fields=["started_at", "params"])


def column_to_params(apps, schema_editor):
    ExportJob = apps.get_model("reporting", "ExportJob")
    for job in ExportJob.objects.filter(started_at__isnull=False).iterator():
        job.params = {**job.params, "started_at": job.started_at.isoformat()}
        job.save(update_fields=["params"])


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0002_municipality_territory"),
    ]

    operations = [
        migrations.AddField(
            model_name="exportjob",
            name="started_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddIndex(
            model_name="exportjob",
            index=models.Index(
                condition=models.Q(("status", "running")),
                fields=["started_at"],
                name="reporting_export_running",
            ),
        ),
        migrations.RunPython(params_to_column, column_to_params),
    ]
