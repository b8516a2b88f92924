"""The default workflow (the one on the root page) approves through
``PublishableApprovalTask``: each of its group approvals is replaced by one
with the same name and groups, which refuses an empty path or module. Pages
already in moderation finish on the task they started."""

from django.db import migrations


def _default_workflow_tasks(apps):
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    return WorkflowTask.objects.filter(
        workflow__workflow_pages__page__depth=1, workflow__active=True
    )


def _swap(apps, *, source_app, source_model, target_app, target_model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Source = apps.get_model(source_app, source_model)
    Target = apps.get_model(target_app, target_model)
    content_type, _ = ContentType.objects.get_or_create(
        app_label=target_app, model=target_model.lower()
    )
    for step in _default_workflow_tasks(apps):
        source = Source.objects.filter(pk=step.task_id).first()
        if source is None:
            continue
        target = Target.objects.create(
            name=source.name, active=True, content_type=content_type
        )
        target.groups.set(source.groups.all())
        step.task_id = target.pk
        step.save(update_fields=["task"])


def install(apps, schema_editor):
    _swap(
        apps,
        source_app="wagtailcore",
        source_model="GroupApprovalTask",
        target_app="courses",
        target_model="PublishableApprovalTask",
    )


def uninstall(apps, schema_editor):
    _swap(
        apps,
        source_app="courses",
        source_model="PublishableApprovalTask",
        target_app="wagtailcore",
        target_model="GroupApprovalTask",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0011_publishable_approval_task"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
