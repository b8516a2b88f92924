"""Under /en/, text still in French is marked lang="fr-ca" (screen readers
read it in French; browsers hyphenate and spell-check it as French)."""

import pytest
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def english_copy(page, **changes):
    english, _ = Locale.objects.get_or_create(language_code="en")
    for parent in page.get_ancestors().specific()[1:]:  # home down
        if parent.get_translation_or_none(english) is None:
            parent.copy_for_translation(english).save_revision().publish()
    copy = page.copy_for_translation(english)
    for name, value in changes.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy


def test_an_untranslated_lesson_body_is_marked_french(client, site, learner):
    lesson = english_copy(site["lesson"], title="Phishing", summary="In English")
    client.force_login(learner)

    page = client.get(lesson.url).content.decode()

    assert '<article class="lesson-body" lang="fr-ca">' in page
    assert "<h1>Phishing</h1>" in page  # translated: no mark
    assert '<p class="lead">In English</p>' in page


def test_a_french_lesson_carries_no_mark(client, site, learner):
    client.force_login(learner)

    page = client.get(site["lesson"].url).content.decode()

    assert '<article class="lesson-body">' in page
    assert 'lang="fr-ca"' not in page.split("<main", 1)[-1].split("</main>")[0]
