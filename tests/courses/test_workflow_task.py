"""Approving from the Wagtail dashboard's workflow pop-up publishes, so it is
refused for an empty path or module, as publishing, bulk publishing and the
editor's approval are (issue 11). The default workflow's task is
``PublishableApprovalTask``, installed by a data migration."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from courses.models import LessonPage, PublishableApprovalTask
from courses.selectors import page_publish_refusal
from tests.courses.test_publish_rules import empty_module, empty_path
from tests.factories import publish

pytestmark = pytest.mark.django_db

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def in_moderation(page, user):
    workflow = Workflow.objects.create(name="Relecture")
    task = PublishableApprovalTask.objects.create(name="Approbation")
    task.groups.set(Group.objects.filter(name="Administrateurs"))
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    page.save_revision(user=user)
    state = workflow.start(page, user)
    return state.current_task_state


def approve_url(page, task_state, action="approve"):
    return reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]
    )


@pytest.mark.parametrize("kind", ["path", "module"])
def test_approving_an_empty_page_from_the_pop_up_is_refused(
    client, site, admin_user, kind
):
    page = empty_path(site) if kind == "path" else empty_module(site["path"])
    task_state = in_moderation(page, admin_user)
    client.force_login(admin_user)

    response = client.post(approve_url(page, task_state), {"comment": ""}, **XHR)

    assert response.status_code == 200
    assert response.json()["step"] == "action"  # the pop-up stays open
    assert escape(page_publish_refusal(page=page)) in response.json()["html"]
    page.refresh_from_db()
    assert not page.live
    assert page.workflow_in_progress
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"


def test_a_plain_post_approving_an_empty_page_changes_nothing(client, site, admin_user):
    page = empty_module(site["path"])
    task_state = in_moderation(page, admin_user)
    client.force_login(admin_user)

    client.post(approve_url(page, task_state))

    page.refresh_from_db()
    assert not page.live and page.workflow_in_progress


def test_the_task_itself_refuses_to_approve_an_empty_page(site, admin_user):
    page = empty_module(site["path"])
    task_state = in_moderation(page, admin_user)

    task_state.task.specific.on_action(task_state, admin_user, "approve")

    page.refresh_from_db()
    assert not page.live and page.workflow_in_progress


def test_the_pop_up_opens_to_say_why_approval_is_refused(site, admin_user):
    page = empty_path(site)
    task = PublishableApprovalTask.objects.create(name="Approbation")

    actions = task.get_actions(page, admin_user)

    assert {(name, modal) for name, _label, modal in actions} == {
        ("reject", True),
        ("approve", True),
    }


def test_approving_a_module_with_a_lesson_from_the_pop_up_publishes_it(
    client, site, admin_user
):
    module = empty_module(site["path"])
    publish(module, LessonPage(title="Leçon", slug="lecon", body=[]))
    task_state = in_moderation(module, admin_user)
    client.force_login(admin_user)

    response = client.post(approve_url(module, task_state), {"comment": ""}, **XHR)

    assert response.json()["step"] == "success"
    module.refresh_from_db()
    assert module.live


def test_changes_may_still_be_requested_on_an_empty_page(client, site, admin_user):
    page = empty_path(site)
    task_state = in_moderation(page, admin_user)
    client.force_login(admin_user)

    client.post(
        approve_url(page, task_state, "reject"), {"comment": "À compléter"}, **XHR
    )

    task_state.refresh_from_db()
    assert task_state.status == "rejected"


def test_someone_outside_the_groups_may_not_approve(site, admin_user, learner):
    page = empty_module(site["path"])
    task_state = in_moderation(page, admin_user)

    assert task_state.task.specific.get_actions(page, learner) == []


def test_the_default_workflow_approves_through_the_publishable_task(db):
    """What the data migration does to a default workflow made of group
    approvals (Wagtail's "Moderators approval" on the root page)."""
    migration = importlib.import_module(
        "courses.migrations.0012_default_workflow_publishable_approval"
    )
    WorkflowTask.objects.filter(workflow__workflow_pages__page__depth=1).delete()
    moderators, _ = Group.objects.get_or_create(name="Modérateurs test")
    workflow = Workflow.objects.create(name="Moderators approval")
    old = GroupApprovalTask.objects.create(name="Moderators approval")
    old.groups.set([moderators])
    WorkflowTask.objects.create(workflow=workflow, task=old, sort_order=0)
    WorkflowPage.objects.update_or_create(
        page=Page.get_first_root_node(), defaults={"workflow": workflow}
    )

    migration.install(apps, None)

    task = WorkflowTask.objects.get(workflow=workflow).task.specific
    assert isinstance(task, PublishableApprovalTask)
    assert task.name == "Moderators approval"
    assert list(task.groups.all()) == [moderators]

    migration.uninstall(apps, None)

    task = WorkflowTask.objects.get(workflow=workflow).task.specific
    assert type(task) is GroupApprovalTask
