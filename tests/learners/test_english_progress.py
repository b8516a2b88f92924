"""An English learner is the same learner as in French: enrolments, lessons
done, exercise results, sessions and certificates of an English page (a
wagtail-localize translation, same ``translation_key``) are kept on its
French original (issue 11)."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from wagtail.models import Locale

from certification.models import Certificate
from certification.services import certificate_issue
from courses.models import LearningPathPage
from courses.selectors import original, translations_in
from learners.models import (
    Enrolment,
    H5PLaunch,
    LessonCompletion,
    PathCompletion,
    XapiStatement,
)
from learners.selectors import enrolled, path_progress
from learners.services import (
    enrolment_create,
    h5p_launch_open,
    lesson_mark_done,
    xapi_statements_record,
)
from learners.services.launches import LaunchRefused
from learners.xapi import parse_statement
from tests.h5p_fixtures import h5p_content, lesson_with_h5p, statement
from tests.sessions_factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db


def english_copy(page):
    """``page``'s English translation, published, its ancestors' too."""
    english, _ = Locale.objects.get_or_create(language_code="en")
    for parent in page.get_ancestors().specific()[1:]:  # home down
        if parent.get_translation_or_none(english) is None:
            parent.copy_for_translation(english).save_revision().publish()
    found = page.get_translation_or_none(english)
    if found is not None:
        return found.specific
    copy = page.copy_for_translation(english).specific
    copy.title = f"EN {page.title}"
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


@pytest.fixture
def english(site):
    """The site's path, module and lesson, translated into English."""
    lesson = english_copy(site["lesson"])
    return {
        "path": english_copy(site["path"]),
        "module": english_copy(site["module"]),
        "lesson": lesson,
    }


def test_original_of_a_french_page_is_itself_without_a_query(
    site, english, django_assert_num_queries
):
    original(site["lesson"])  # fills the cached default locale
    with django_assert_num_queries(0):
        assert original(site["lesson"]) is site["lesson"]


def test_original_of_an_english_page_is_the_french_page(site, english):
    found = original(english["lesson"])

    assert found.pk == site["lesson"].pk
    assert type(found) is type(site["lesson"])


def test_enrolling_in_english_enrols_in_the_french_path(site, english, learner):
    enrolment, created = enrolment_create(user=learner, path=english["path"])

    assert created and enrolment.path_id == site["path"].pk
    assert enrolled(user=learner, path=site["path"])
    assert enrolled(user=learner, path=english["path"])
    assert enrolment_create(user=learner, path=site["path"])[1] is False


def test_enrol_view_on_the_english_path_shows_enrolled_on_the_french_one(
    client, site, english, learner
):
    client.force_login(learner)

    response = client.post(
        reverse("learners:enrol", args=[english["path"].pk]),
        {"next": english["path"].url},
    )

    assert response.status_code == 302
    assert response["Location"] == english["path"].url
    assert Enrolment.objects.get(user=learner).path_id == site["path"].pk
    french = client.get(site["path"].url).content.decode()
    assert "M'inscrire à ce parcours" not in french
    assert "0/1 leçons" in french


def test_a_lesson_done_in_english_is_done_in_french(client, site, english, learner):
    client.force_login(learner)

    client.post(reverse("learners:lesson_done", args=[english["lesson"].pk]))

    completion = LessonCompletion.objects.get(user=learner)
    assert completion.lesson_id == site["lesson"].pk
    french = path_progress(user=learner, path=site["path"])
    shown = path_progress(user=learner, path=english["path"])
    assert french.complete and shown.complete
    assert french.percent == shown.percent == 100
    assert PathCompletion.objects.get(user=learner).path_id == site["path"].pk


def test_the_english_path_page_shows_the_french_progress(
    client, site, english, learner
):
    lesson_mark_done(user=learner, lesson=site["lesson"])
    client.force_login(learner)

    page = client.get(english["path"].url).content.decode()

    assert "M'inscrire" not in page
    assert "1/1" in page
    assert f"{english['module'].title}</span>" in page  # the module, in English
    assert 'class="lesson-done"' in page


def test_the_english_lesson_says_done_after_french_completion(
    client, site, english, learner
):
    lesson_mark_done(user=learner, lesson=site["lesson"])
    client.force_login(learner)

    page = client.get(english["lesson"].url).content.decode()

    assert reverse("learners:lesson_done", args=[english["lesson"].pk]) not in page


@pytest.fixture
def exercise(site):
    content = h5p_content()
    lesson_with_h5p(site["lesson"], content)
    return content


def test_a_translation_keeps_the_exercise_block_ids(site, exercise, english):
    french = [block.id for block in site["lesson"].body if block.block_type == "h5p"]
    shown = [block.id for block in english["lesson"].body if block.block_type == "h5p"]

    assert french == shown == ["bloc-1"]


def test_an_h5p_launch_from_english_is_kept_on_the_french_lesson(
    site, exercise, english, learner
):
    enrolment_create(user=learner, path=english["path"])

    launch = h5p_launch_open(
        user=learner, lesson_id=english["lesson"].pk, block_id="bloc-1"
    )

    assert launch.lesson_id == site["lesson"].pk
    assert launch.content_id == exercise.pk


def test_an_h5p_result_in_english_counts_for_the_french_path(
    client, site, exercise, english, learner
):
    enrolment_create(user=learner, path=english["path"])
    client.force_login(learner)
    page = client.get(english["lesson"].url).content.decode()
    # The English page plays the exercise as the French lesson's.
    assert f'"lesson": {site["lesson"].pk}' in page
    assert f"/xapi/activites/{exercise.pk}/{site['lesson'].pk}/bloc-1" in page
    launch = h5p_launch_open(
        user=learner, lesson_id=english["lesson"].pk, block_id="bloc-1"
    )
    data = statement(
        exercise,
        site["lesson"],
        verb="completed",
        scaled=1,
        raw=1,
        max_score=1,
        completion=True,
        registration=launch,
    )

    xapi_statements_record(
        user=learner, statements=[parse_statement(data, user=learner)]
    )

    assert XapiStatement.objects.get().trusted
    assert LessonCompletion.objects.filter(user=learner, lesson=site["lesson"]).exists()
    assert path_progress(user=learner, path=site["path"]).complete
    assert path_progress(user=learner, path=english["path"]).complete


def test_a_certificate_is_issued_once_on_the_french_path(site, english, learner):
    lesson_mark_done(user=learner, lesson=english["lesson"])

    first, created = certificate_issue(user=learner, path=english["path"])
    again, created_again = certificate_issue(user=learner, path=site["path"])

    assert created and not created_again
    assert first.pk == again.pk
    assert Certificate.objects.get().path_id == site["path"].pk


def test_an_english_module_shows_the_french_module_sessions(
    client, site, english, learner
):
    session = TrainingSessionFactory(
        module=site["module"], starts_at=timezone.now() + timedelta(days=10)
    )
    client.force_login(learner)

    page = client.get(english["module"].url).content.decode()

    assert reverse("learners:session_detail", args=[session.pk]) in page


def test_the_dashboard_under_en_links_to_english_pages(client, site, english, learner):
    enrolment_create(user=learner, path=site["path"])
    client.force_login(learner)

    with override("en"):
        english_url = reverse("learners:dashboard")
    with override("fr-ca"):
        french_url = reverse("learners:dashboard")

    page = client.get(english_url).content.decode()
    french = client.get(french_url).content.decode()

    assert f'href="{english["path"].url}"' in page
    assert f'href="{english["lesson"].url}"' in page
    assert f'href="{site["path"].url}"' not in page
    assert f'href="{site["path"].url}"' in french
    assert f'href="{english["path"].url}"' not in french


def test_required_paths_are_listed_once_in_the_visitor_language(
    site, english, municipalities
):
    from learners.selectors import required_paths_not_started
    from tests.factories import UserFactory

    mayor = UserFactory(role="mayor")

    required = required_paths_not_started(user=mayor)
    shown = translations_in(required, language="en")

    assert [path.pk for path in required] == [site["path"].pk]
    assert shown[site["path"].pk].pk == english["path"].pk


def test_an_enrolment_kept_on_a_translation_breaks_nothing(
    client, site, english, learner
):
    """Before progress was kept on originals, an English page could get an
    enrolment: it still counts, once, and enrolling again adds the French one."""
    Enrolment.objects.create(user=learner, path=english["path"])
    client.force_login(learner)

    assert enrolled(user=learner, path=site["path"])
    dashboard = client.get(reverse("learners:dashboard"))
    assert dashboard.status_code == 200
    assert dashboard.content.decode().count('class="card"') == 1
    assert client.get(english["lesson"].url).status_code == 200
    lesson_mark_done(user=learner, lesson=english["lesson"])
    assert path_progress(user=learner, path=site["path"]).complete
    assert Enrolment.objects.filter(user=learner, path=site["path"]).exists()


# Refusals stay as they are.


def test_an_exercise_of_an_english_lesson_is_refused_when_not_enrolled(
    site, exercise, english, learner
):
    with pytest.raises(LaunchRefused) as refusal:
        h5p_launch_open(user=learner, lesson_id=english["lesson"].pk, block_id="bloc-1")

    assert refusal.value.status == 403
    assert not H5PLaunch.objects.exists()


def test_an_english_lesson_whose_french_lesson_is_unpublished_plays_nothing(
    site, exercise, english, learner
):
    enrolment_create(user=learner, path=site["path"])
    site["lesson"].unpublish()

    with pytest.raises(LaunchRefused) as refusal:
        h5p_launch_open(user=learner, lesson_id=english["lesson"].pk, block_id="bloc-1")

    assert refusal.value.status == 404


def test_enrolling_in_english_is_refused_when_the_french_path_is_unpublished(
    client, site, english, learner
):
    LearningPathPage.objects.filter(pk=site["path"].pk).update(live=False)
    client.force_login(learner)

    response = client.post(reverse("learners:enrol", args=[english["path"].pk]))

    assert response.status_code == 302
    assert not Enrolment.objects.exists()
    assert [m.message for m in get_messages(response.wsgi_request)] == [
        "Ce parcours n'est pas publié."
    ]


def test_a_lesson_under_an_unpublished_english_module_is_not_found(
    client, english, learner
):
    english["module"].unpublish()
    client.force_login(learner)

    assert client.get(english["lesson"].url).status_code == 404


def test_a_session_seen_in_english_links_to_the_english_module(
    client, site, english, learner
):
    session = TrainingSessionFactory(module=site["module"])
    client.force_login(learner)
    with override("en"):
        url = reverse("learners:session_detail", args=[session.pk])

    page = client.get(url).content.decode()

    assert f'<a href="{english["module"].url}">{english["module"].title}</a>' in page
