"""What a learner sees after finishing a lesson: a confirmation naming it,
ticks in the lists of lessons, and the pass mark an exercise asks for."""

import pytest
from django.urls import reverse

from learners.models import LessonCompletion
from tests.h5p_fixtures import h5p_content, lesson_with_h5p
from tests.progress_fixtures import add_module

pytestmark = pytest.mark.django_db


def _messages(response):
    return [str(m) for m in response.context["messages"]]


def test_the_confirmation_names_the_lesson_on_the_next_page(client, site, learner):
    add_module(site["path"], "module-2", lessons=1)
    client.force_login(learner)

    response = client.post(
        reverse("learners:lesson_done", args=[site["lesson"].pk]), follow=True
    )

    assert response.request["PATH_INFO"].endswith("/module-2/module-2-1/")
    assert _messages(response) == [
        "« L'hameçonnage » est terminée. Voici la leçon suivante."
    ]


def test_the_last_lesson_confirms_on_itself(client, site, learner):
    client.force_login(learner)

    response = client.post(
        reverse("learners:lesson_done", args=[site["lesson"].pk]), follow=True
    )

    assert response.request["PATH_INFO"] == site["lesson"].url
    assert _messages(response) == ["« L'hameçonnage » est terminée."]


TICK = '<span class="lesson-done" aria-hidden="true">✓</span>'


def test_finished_lessons_are_ticked_in_the_path_and_module(client, site, learner):
    module = add_module(site["path"], "module-2", lessons=2)
    client.force_login(learner)
    LessonCompletion.objects.create(user=learner, lesson=site["lesson"])

    for url in (site["path"].url, site["module"].url):
        page = client.get(url).content.decode()
        assert page.count(TICK) == 1
        assert "(terminée)" in page

    assert TICK not in client.get(module.url).content.decode()


def test_no_tick_for_a_visitor_or_another_learner(client, site, learner):
    from tests.factories import UserFactory

    LessonCompletion.objects.create(user=learner, lesson=site["lesson"])
    assert TICK not in client.get(site["path"].url).content.decode()

    client.force_login(UserFactory(email="autre@exemple.qc.ca"))
    assert TICK not in client.get(site["path"].url).content.decode()


def test_the_lesson_says_the_pass_mark_when_the_rule_uses_one(client, site, learner):
    content = h5p_content()
    lesson = lesson_with_h5p(
        site["lesson"], content, completion_rule="passed", pass_threshold=60
    )
    client.force_login(learner)

    assert "Réussite à partir de 60 %" in client.get(lesson.url).content.decode()


def test_no_pass_mark_when_finishing_is_enough(client, site, learner):
    lesson = lesson_with_h5p(site["lesson"], h5p_content())
    client.force_login(learner)

    assert "Réussite à partir de" not in client.get(lesson.url).content.decode()
