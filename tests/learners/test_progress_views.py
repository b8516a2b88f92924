import pytest
from django.urls import reverse

from learners.models import Enrolment, LessonCompletion
from tests.factories import UserFactory
from tests.progress_fixtures import add_module

pytestmark = pytest.mark.django_db


def test_enrol_from_the_path_page(client, site, learner):
    client.force_login(learner)
    page = client.get(site["path"].url).content.decode()
    assert "M&#x27;inscrire à ce parcours" in page or "M'inscrire à ce parcours" in page

    response = client.post(
        reverse("learners:enrol", args=[site["path"].pk]), {"next": site["path"].url}
    )

    assert response.url == site["path"].url
    assert Enrolment.objects.filter(user=learner, path=site["path"]).exists()
    page = client.get(site["path"].url).content.decode()
    assert "0 %" in page and "Commencer" in page


def test_enrol_needs_login_and_post(client, site, learner):
    url = reverse("learners:enrol", args=[site["path"].pk])
    assert client.post(url).status_code == 302
    assert not Enrolment.objects.exists()
    client.force_login(learner)
    assert client.get(url).status_code == 405


def test_enrol_refuses_an_open_redirect(client, site, learner):
    client.force_login(learner)

    response = client.post(
        reverse("learners:enrol", args=[site["path"].pk]),
        {"next": "https://evil.example/"},
    )

    assert response.url == site["path"].url


def test_mark_done_moves_to_the_next_lesson_and_the_bar(client, site, learner):
    add_module(site["path"], "module-2", lessons=1)
    client.force_login(learner)
    lesson = site["lesson"]

    response = client.post(reverse("learners:lesson_done", args=[lesson.pk]))

    assert response.status_code == 302
    assert response.url.endswith("/module-2/module-2-1/")
    assert LessonCompletion.objects.filter(user=learner, lesson=lesson).exists()
    assert "50 %" in client.get(site["path"].url).content.decode()
    again = client.get(lesson.url).content.decode()
    assert "Leçon terminée" in again


def test_lesson_page_shows_its_place_and_neighbours(client, site, learner):
    add_module(site["path"], "module-2", lessons=2)
    client.force_login(learner)

    from courses.models import LessonPage

    second = LessonPage.objects.get(slug="module-2-2")
    page = client.get(second.url).content.decode()

    assert "Leçon 2 sur 2" in page
    assert 'rel="prev"' in page and "Leçon module-2-1" in page
    assert 'rel="next"' not in page


def test_one_learner_cannot_complete_for_another(client, site, learner, municipalities):
    other = UserFactory(email="autre@exemple.qc.ca")
    client.force_login(other)

    client.post(reverse("learners:lesson_done", args=[site["lesson"].pk]))

    assert not LessonCompletion.objects.filter(user=learner).exists()
    assert LessonCompletion.objects.filter(user=other).count() == 1


def test_anonymous_gets_a_sign_in_prompt_on_the_path(client, site):
    page = client.get(site["path"].url).content.decode()

    assert "Connectez-vous pour vous inscrire" in page
    assert (
        client.post(
            reverse("learners:lesson_done", args=[site["lesson"].pk])
        ).status_code
        == 302
    )
    assert not LessonCompletion.objects.exists()
