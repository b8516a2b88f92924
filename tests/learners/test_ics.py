from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from learners.ics import CalendarEvent, calendar_build, escape_text, fold
from learners.models import RegistrationStatus
from learners.selectors.sessions import session_calendar
from tests.sessions_factories import TrainingSessionFactory, registered, virtual_session

MONTREAL = ZoneInfo("America/Montreal")


def event(**fields):
    values = {
        "uid": "seance-7@virage.example",
        "starts_at": datetime(2026, 12, 3, 13, 30, tzinfo=MONTREAL),
        "ends_at": datetime(2026, 12, 3, 16, 30, tzinfo=MONTREAL),
        "stamp": datetime(2026, 11, 26, 12, 0, tzinfo=UTC),
        "summary": "Comprendre les menaces",
        "organizer_email": "no-reply@virage.example",
        "organizer_name": "Virage",
    }
    return CalendarEvent(**{**values, **fields})


def unfold(text):
    return text.replace("\r\n ", "")


def test_times_are_written_in_utc():
    ics = calendar_build(event())

    assert "DTSTART:20261203T183000Z\r\n" in ics
    assert "DTEND:20261203T213000Z\r\n" in ics
    assert "DTSTAMP:20261126T120000Z\r\n" in ics


def test_summer_times_follow_daylight_saving():
    summer = event(
        starts_at=datetime(2026, 7, 2, 9, 0, tzinfo=MONTREAL),
        ends_at=datetime(2026, 7, 2, 12, 0, tzinfo=MONTREAL),
    )

    assert "DTSTART:20260702T130000Z" in calendar_build(summer)


def test_naive_times_are_refused():
    with pytest.raises(ValueError):
        calendar_build(event(starts_at=datetime(2026, 12, 3, 13, 30)))


def test_calendar_structure_and_method():
    lines = calendar_build(event()).split("\r\n")

    assert lines[0] == "BEGIN:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert "METHOD:REQUEST" in lines
    assert "UID:seance-7@virage.example" in lines
    assert 'ORGANIZER;CN="Virage":mailto:no-reply@virage.example' in lines
    assert lines[-2:] == ["END:VCALENDAR", ""]
    assert lines.index("BEGIN:VEVENT") < lines.index("END:VEVENT")


def test_a_request_names_its_attendee():
    ics = calendar_build(event(attendee_email="a@b.ca", attendee_name='Lé "Roy"'))

    assert (
        'ATTENDEE;CN="Lé Roy";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE'
        ":mailto:a@b.ca"
    ) in unfold(ics)


def test_publish_has_no_organizer():
    ics = calendar_build(event(), method="PUBLISH")

    assert "METHOD:PUBLISH" in ics
    assert "ORGANIZER" not in ics


def test_text_values_are_escaped():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"

    ics = calendar_build(event(location="150, rue Principale; salle B\nGranby"))

    assert "LOCATION:150\\, rue Principale\\; salle B\\nGranby\r\n" in ics


def test_every_line_ends_with_crlf():
    ics = calendar_build(event(description="Ligne un\nLigne deux"))

    assert ics.endswith("\r\n")
    assert "\n" not in ics.replace("\r\n", "")


def test_long_lines_are_folded_at_75_octets_without_splitting_characters():
    description = "Sécurité numérique des élu·e·s municipaux. " * 10
    ics = calendar_build(event(description=description))

    for line in ics.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    assert f"DESCRIPTION:{escape_text(description)}" in unfold(ics)


def test_fold_counts_octets_not_characters():
    folded = fold("X:" + "é" * 60)  # 122 octets

    first, second = folded.split("\r\n")
    assert len(first.encode("utf-8")) == 74  # 75 would cut an "é" in half
    assert second.startswith(" ")
    assert unfold(folded) == "X:" + "é" * 60


def test_short_lines_are_left_alone():
    assert fold("SUMMARY:Court") == "SUMMARY:Court"


# The session's calendar entry


@pytest.mark.django_db
def test_session_calendar_uid_is_stable_and_place_is_written(site, municipalities):
    session = TrainingSessionFactory(module=site["module"])

    first = session_calendar(session=session)
    second = session_calendar(session=session)

    uid = f"UID:seance-{session.pk}@"
    assert uid in first and uid in second
    assert [line for line in first.split("\r\n") if line.startswith("UID")] == [
        line for line in second.split("\r\n") if line.startswith("UID")
    ]
    location = unfold(first).split("LOCATION:")[1].split("\r\n")[0]
    assert location == "150\\, rue Principale\\, Saint-Elzéar"
    assert f"/seances/{session.pk}/" in unfold(first)


@pytest.mark.django_db
def test_virtual_link_is_in_the_calendar_of_registered_learners_only(site, learner):
    session = virtual_session(module=site["module"])
    waitlisted = registered(learner, session, status=RegistrationStatus.WAITLISTED)

    hidden = unfold(session_calendar(session=session, registration=waitlisted))
    waitlisted.status = RegistrationStatus.REGISTERED
    shown = unfold(session_calendar(session=session, registration=waitlisted))

    assert "LOCATION:Classe virtuelle" in hidden
    assert "salle-42" not in hidden
    assert "https://visio.exemple.qc.ca/salle-42" in shown
