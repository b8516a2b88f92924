"""A path or module published empty offers enrolment in nothing; a lesson
under a draft module stays reachable. Both are refused."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text

from courses.models import LearningPathPage, LessonPage, ModulePage
from courses.selectors import page_publish_refusal
from tests.factories import publish

pytestmark = pytest.mark.django_db


def draft(parent, page):
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    return Page.objects.get(pk=page.pk).specific


def empty_path(site, **fields):
    return draft(
        site["catalogue"],
        LearningPathPage(
            title="Parcours vide",
            slug="parcours-vide",
            summary="Rien encore.",
            theme=site["path"].theme,
            estimated_hours=1,
            **fields,
        ),
    )


def empty_module(parent):
    return draft(
        parent,
        ModulePage(
            title="Module vide",
            slug="module-vide",
            objectives="<p>Rien.</p>",
            estimated_minutes=10,
        ),
    )


def edit_form(page):
    """The editor's form as Wagtail would post it, asking to publish."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "role_rules-TOTAL_FORMS": 0,
        "role_rules-INITIAL_FORMS": 0,
        "role_rules-MIN_NUM_FORMS": 0,
        "role_rules-MAX_NUM_FORMS": 10,
        "action-publish": "publish",
    }
    if isinstance(page, LearningPathPage):
        data |= {
            "summary": page.summary,
            "theme": page.theme_id,
            "estimated_hours": "1",
            "learning_format": "online",
        }
    else:
        data |= {
            "objectives": rich_text("<p>Rien.</p>"),
            "estimated_minutes": "10",
            "default_requirement": "required",
        }
    return nested_form_data(data)


# The rule


def test_a_path_without_a_live_module_may_not_be_published(site):
    path = empty_path(site)
    assert "module" in page_publish_refusal(page=path)

    empty_module(path)  # a draft module is not enough
    assert page_publish_refusal(page=path)


def test_a_module_without_a_live_lesson_may_not_be_published(site):
    module = empty_module(site["path"])

    assert "leçon" in page_publish_refusal(page=module)


def test_pages_with_live_content_may_be_published(site):
    assert page_publish_refusal(page=site["path"]) == ""
    assert page_publish_refusal(page=site["module"]) == ""
    assert page_publish_refusal(page=site["lesson"]) == ""


# In the editor


@pytest.mark.parametrize("kind", ["path", "module"])
def test_publishing_an_empty_page_in_the_editor_keeps_it_a_draft(
    client, site, admin_user, kind
):
    page = empty_path(site) if kind == "path" else empty_module(site["path"])
    client.force_login(admin_user)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])

    response = client.post(edit, edit_form(page), follow=True)

    page.refresh_from_db()
    assert not page.live
    assert response.redirect_chain[-1][0] == edit
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert errors and "brouillon" in errors[0]


def test_a_module_with_a_live_lesson_is_published_from_the_editor(
    client, site, admin_user
):
    module = empty_module(site["path"])
    publish(
        module,
        LessonPage(title="Première leçon", slug="premiere", body=[]),
    )
    client.force_login(admin_user)

    client.post(reverse("wagtailadmin_pages:edit", args=[module.pk]), edit_form(module))

    module.refresh_from_db()
    assert module.live


# What learners see


def test_a_path_without_a_live_module_offers_no_enrolment(client, site, learner):
    path = empty_path(site)
    path.save_revision().publish()  # as the demo loader or a script would
    client.force_login(learner)

    page = client.get(path.url).content.decode()

    assert "M'inscrire" not in page.replace("&#x27;", "'")


def test_the_path_with_modules_still_offers_enrolment(client, site, learner):
    client.force_login(learner)

    page = client.get(site["path"].url).content.decode()

    assert "M'inscrire" in page.replace("&#x27;", "'")


def test_a_lesson_under_an_unpublished_module_is_not_found(client, site, learner):
    client.force_login(learner)
    url = site["lesson"].url
    assert client.get(url).status_code == 200

    site["module"].unpublish()

    assert client.get(url).status_code == 404


def test_a_module_under_an_unpublished_path_is_not_found(client, site):
    url = site["module"].url
    site["path"].unpublish()

    assert client.get(url).status_code == 404


# Bulk publishing and workflow approval


def bulk_publish_url(*pages):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    ids = "&".join(f"id={page.pk}" for page in pages)
    return f"{url}?{ids}&next=/admin/pages/"


def test_bulk_publishing_with_an_empty_path_publishes_nothing(client, site, admin_user):
    path = empty_path(site)
    module = empty_module(site["path"])
    publish(module, LessonPage(title="Leçon", slug="lecon", body=[]))
    client.force_login(admin_user)

    response = client.post(bulk_publish_url(path, module), follow=True)

    path.refresh_from_db()
    module.refresh_from_db()
    assert not path.live and not module.live
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert errors == [
        f"Parcours vide : {page_publish_refusal(page=path)}",
    ]


def test_bulk_publishing_pages_with_content_still_works(client, site, admin_user):
    module = empty_module(site["path"])
    publish(module, LessonPage(title="Leçon", slug="lecon", body=[]))
    client.force_login(admin_user)

    client.post(bulk_publish_url(module))

    module.refresh_from_db()
    assert module.live


def in_moderation(page, user):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

    workflow = Workflow.objects.create(name="Relecture")
    task = GroupApprovalTask.objects.create(name="Approbation")
    task.groups.set(Group.objects.filter(name="Administrateurs"))
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    page.save_revision(user=user)
    workflow.start(page, user)
    return page


def approve_form(page):
    data = edit_form(page)
    del data["action-publish"]
    return data | {"action-workflow-action": "true", "workflow-action-name": "approve"}


@pytest.mark.parametrize("kind", ["path", "module"])
def test_approving_an_empty_page_in_the_editor_is_refused(
    client, site, admin_user, kind
):
    page = empty_path(site) if kind == "path" else empty_module(site["path"])
    in_moderation(page, admin_user)
    client.force_login(admin_user)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])

    response = client.post(edit, approve_form(page), follow=True)

    page.refresh_from_db()
    assert not page.live
    assert page.workflow_in_progress
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert errors == [page_publish_refusal(page=page)]


def test_approving_a_module_with_a_lesson_publishes_it(client, site, admin_user):
    module = empty_module(site["path"])
    publish(module, LessonPage(title="Leçon", slug="lecon", body=[]))
    in_moderation(module, admin_user)
    client.force_login(admin_user)

    client.post(
        reverse("wagtailadmin_pages:edit", args=[module.pk]), approve_form(module)
    )

    module.refresh_from_db()
    assert module.live
