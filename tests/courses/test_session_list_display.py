"""The trainer's session list names each session and reads its time in
French ("13 h 30")."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.sessions_factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db

LIST_URL = "wagtailsnippets_courses_trainingsession:list"
EDIT_URL = "wagtailsnippets_courses_trainingsession:edit"
STARTS = datetime(2031, 12, 17, 13, 30, tzinfo=ZoneInfo("America/Montreal"))


def session_at(site, trainer, **fields):
    return TrainingSessionFactory(
        module=site["module"],
        trainer=trainer,
        starts_at=STARTS,
        ends_at=STARTS.replace(hour=16),
        registration_deadline=STARTS.replace(day=16),
        **fields,
    )


def test_the_list_shows_each_sessions_title_linked_to_its_form(client, site, trainer):
    session = session_at(site, trainer, title="Atelier Rimouski")
    client.force_login(trainer)

    page = client.get(reverse(LIST_URL)).content.decode()

    edit = reverse(EDIT_URL, args=[session.pk])
    assert f'href="{edit}"' in page
    link = page[page.index(f'href="{edit}"') :]
    assert link.index("Atelier Rimouski") < link.index("</a>")


def test_an_untitled_session_is_listed_under_its_modules_title(client, site, trainer):
    session = session_at(site, trainer)
    client.force_login(trainer)

    page = client.get(reverse(LIST_URL)).content.decode()

    edit = reverse(EDIT_URL, args=[session.pk])
    link = page[page.index(f'href="{edit}"') :]
    assert link.index(site["module"].title) < link.index("</a>")


def test_the_list_reads_times_as_hour_h_minutes(client, site, trainer):
    session_at(site, trainer)
    client.force_login(trainer)

    page = client.get(reverse(LIST_URL)).content.decode()

    assert "17 décembre 2031, 13\xa0h\xa030" in page
    assert "13 01 30" not in page.replace("\xa0", " ")


def test_the_check_in_code_leaves_room_for_the_sentence_below(client, site, trainer):
    """At 4rem, the admin's fixed paragraph line height made the code run
    into the validity sentence: the code's own rule sets a line height."""
    session = session_at(site, trainer)
    client.force_login(trainer)

    page = client.get(
        reverse("session_attendance:sheet", args=[session.pk])
    ).content.decode()

    assert f'<p class="attendance-code__code">{session.check_in_code}</p>' in page
    rule = page[page.index(".attendance-code__code {") :].split("}")[0]
    assert "4rem/1.2" in rule
