from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from courses.models import SessionFormat, TrainingSession
from learners.models import RegistrationStatus, SessionRegistration
from territory.models import Municipality
from tests.factories import UserFactory
from tests.sessions_factories import (
    TrainingSessionFactory,
    registered,
    session_now,
    virtual_session,
)

pytestmark = pytest.mark.django_db

LIST_URL = "wagtailsnippets_courses_trainingsession:list"
ADD_URL = "wagtailsnippets_courses_trainingsession:add"
EDIT_URL = "wagtailsnippets_courses_trainingsession:edit"


@pytest.fixture
def session(site, trainer):
    return session_now(module=site["module"], trainer=trainer)


def sheet_url(session):
    return reverse("session_attendance:sheet", args=[session.pk])


def csv_url(session):
    return reverse("session_attendance:csv", args=[session.pk])


# The model's own rules


def test_trainers_and_administrators_get_the_session_permissions(db):
    def codenames(name):
        return set(
            Group.objects.get(name=name).permissions.values_list("codename", flat=True)
        )

    trainers, administrators = codenames("Formateurs"), codenames("Administrateurs")

    assert {"add_trainingsession", "change_trainingsession"} <= trainers
    assert "change_sessionregistration" not in trainers
    assert "change_sessionregistration" in administrators
    assert "change_sessionregistration" not in codenames("Coordonnateurs UMQ")


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"ends_at": timedelta(hours=-1)}, "ends_at"),
        ({"registration_deadline": timedelta(hours=1)}, "registration_deadline"),
        ({"address": ""}, "address"),
        ({"municipality": None}, "address"),
    ],
)
def test_session_clean_refuses(site, trainer, changes, field):
    session = TrainingSessionFactory.build(module=site["module"], trainer=trainer)
    for name, value in changes.items():
        if isinstance(value, timedelta):
            value = session.starts_at + value
        setattr(session, name, value)

    with pytest.raises(ValidationError) as refused:
        session.full_clean()

    assert field in refused.value.message_dict


def test_a_virtual_session_needs_a_link(site, trainer):
    session = virtual_session(module=site["module"], trainer=trainer)
    session.virtual_url = ""

    with pytest.raises(ValidationError) as refused:
        session.full_clean()

    assert refused.value.message_dict["virtual_url"] == [
        "Une classe virtuelle a un lien."
    ]


# Managing sessions in the admin


def local_times(session):
    """The session's dates as the admin form shows them (Montréal time)."""
    return {
        name: timezone.localtime(getattr(session, name)).strftime("%Y-%m-%d %H:%M")
        for name in ("starts_at", "ends_at", "registration_deadline")
    }


def form_data(site, trainer, **fields):
    data = {
        "module": site["module"].pk,
        "title": "",
        "session_format": SessionFormat.IN_PERSON,
        "starts_at": "2031-12-04 13:30",
        "ends_at": "2031-12-04 16:30",
        "registration_deadline": "2031-12-01 17:00",
        "capacity": "20",
        "trainer": trainer.pk,
        "address": "150, rue Principale",
        "municipality": Municipality.objects.get(code="26022").pk,
        "virtual_url": "",
        "details": "",
        "cancelled_at": "",
        "cancellation_reason": "",
    }
    return {**data, **fields}


def test_a_trainer_creates_a_session_in_montreal_time(client, site, trainer):
    client.force_login(trainer)

    response = client.post(reverse(ADD_URL), form_data(site, trainer))

    assert response.status_code == 302
    created = TrainingSession.objects.get()
    assert created.starts_at == datetime(2031, 12, 4, 18, 30, tzinfo=UTC)
    assert len(created.check_in_code) == 6


def test_the_admin_form_refuses_a_virtual_session_without_link(client, site, trainer):
    client.force_login(trainer)
    data = form_data(site, trainer, session_format=SessionFormat.VIRTUAL)

    response = client.post(reverse(ADD_URL), data)

    assert response.status_code == 200
    assert "Une classe virtuelle a un lien." in response.content.decode()
    assert not TrainingSession.objects.exists()


def test_raising_the_capacity_in_the_admin_promotes_the_waitlist(
    client, site, trainer, learner, django_capture_on_commit_callbacks
):
    session = TrainingSessionFactory(module=site["module"], trainer=trainer, capacity=1)
    registered(UserFactory(), session)
    registered(learner, session, status=RegistrationStatus.WAITLISTED)
    client.force_login(trainer)
    edit = reverse(EDIT_URL, args=[session.pk])
    local = local_times(session)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit, form_data(site, trainer, capacity="2", **local))

    assert response.status_code == 302
    promoted = SessionRegistration.objects.get(user=learner)
    assert promoted.status == RegistrationStatus.REGISTERED
    assert mail.outbox[-1].to == [learner.email]


def test_cancelling_a_session_tells_each_registrant_once(
    client, site, trainer, learner, django_capture_on_commit_callbacks
):
    session = TrainingSessionFactory(module=site["module"], trainer=trainer, capacity=1)
    other = UserFactory(email="autre@exemple.qc.ca")
    gone = UserFactory(email="partie@exemple.qc.ca")
    registered(other, session)
    registered(learner, session, status=RegistrationStatus.WAITLISTED)
    registered(gone, session, status=RegistrationStatus.CANCELLED)
    client.force_login(trainer)
    edit = reverse(EDIT_URL, args=[session.pk])
    local = local_times(session)
    data = form_data(
        site,
        trainer,
        capacity="1",
        cancelled_at="2031-11-20 09:00",
        cancellation_reason="Tempête de neige annoncée.",
        **local,
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit, data).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit, data).status_code == 302  # saved again

    assert sorted(m.to[0] for m in mail.outbox) == sorted([other.email, learner.email])
    message = mail.outbox[0]
    assert message.subject.startswith("Séance annulée")
    assert "Tempête de neige annoncée." in message.body
    assert not SessionRegistration.objects.filter(
        session=session,
        status=RegistrationStatus.REGISTERED,
        cancellation_notice_sent_at__isnull=True,
    ).exists()
    page = client.get(reverse("learners:session_detail", args=[session.pk]))
    assert "Tempête de neige annoncée." in page.content.decode()


def test_undoing_a_cancellation_tells_them_and_a_new_one_tells_them_again(
    client, site, trainer, learner, django_capture_on_commit_callbacks
):
    session = TrainingSessionFactory(module=site["module"], trainer=trainer, capacity=1)
    registered(learner, session)
    client.force_login(trainer)
    edit = reverse(EDIT_URL, args=[session.pk])
    local = local_times(session)
    mail.outbox.clear()

    for cancelled_at in ("2031-11-20 09:00", "", "2031-11-21 09:00"):
        data = form_data(
            site, trainer, capacity="1", cancelled_at=cancelled_at, **local
        )
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(edit, data).status_code == 302

    subjects = [m.subject.split(" :")[0] for m in mail.outbox]
    assert subjects == ["Séance annulée", "Séance rétablie", "Séance annulée"]
    assert "Votre inscription tient toujours." in mail.outbox[1].body
    assert all(m.to == [learner.email] for m in mail.outbox)


def test_a_cancelled_session_promotes_nobody(
    client, site, trainer, learner, django_capture_on_commit_callbacks
):
    session = TrainingSessionFactory(module=site["module"], trainer=trainer, capacity=1)
    registered(UserFactory(), session)
    registered(learner, session, status=RegistrationStatus.WAITLISTED)
    client.force_login(trainer)
    local = local_times(session)
    data = form_data(
        site, trainer, capacity="5", cancelled_at="2031-11-20 09:00", **local
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse(EDIT_URL, args=[session.pk]), data)

    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.capacity, session.cancelled_at is not None) == (5, True)
    waiting = SessionRegistration.objects.get(user=learner)
    assert waiting.status == RegistrationStatus.WAITLISTED


def test_the_trainer_field_offers_staff_only(client, site, trainer, learner):
    client.force_login(trainer)

    form = client.get(reverse(ADD_URL)).context["form"]

    choices = set(form.fields["trainer"].queryset)
    assert trainer in choices and learner not in choices
    assert form.initial["trainer"] == trainer.pk


def test_the_listing_counts_registrations_and_links_own_sheets(
    client, site, session, learner
):
    theirs = TrainingSessionFactory(module=site["module"])
    registered(learner, session)
    registered(UserFactory(), session, status=RegistrationStatus.WAITLISTED)
    client.force_login(session.trainer)

    response = client.get(reverse(LIST_URL))

    assert response.status_code == 200
    rows = {row.pk: row for row in response.context["object_list"]}
    assert rows[session.pk].registered_count == 1
    page = response.content.decode()
    assert sheet_url(session) in page
    assert sheet_url(theirs) not in page
    assert reverse(EDIT_URL, args=[session.pk]) in page
    assert reverse(EDIT_URL, args=[theirs.pk]) not in page  # listed, not editable


def test_a_trainer_cannot_edit_or_cancel_another_trainers_session(
    client, site, session, learner, django_capture_on_commit_callbacks
):
    theirs = TrainingSessionFactory(module=site["module"], capacity=3)
    registered(learner, theirs)
    client.force_login(session.trainer)
    edit = reverse(EDIT_URL, args=[theirs.pk])
    local = local_times(theirs)
    data = form_data(
        site,
        theirs.trainer,
        capacity="9",
        cancelled_at="2031-11-20 09:00",
        **local,
    )
    mail.outbox.clear()

    refused = client.get(edit)  # Wagtail turns the refusal into a redirect
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(edit, data)
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))

    theirs.refresh_from_db()
    assert (theirs.capacity, theirs.cancelled_at) == (3, None)
    assert mail.outbox == []


def test_an_administrator_edits_any_session(client, site, session):
    from django.contrib.auth.models import Permission

    administrator = UserFactory(role="", group="Administrateurs")
    group = Group.objects.get(name="Administrateurs")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="learners", codename="change_sessionregistration"
        )
    )

    client.force_login(administrator)

    assert client.get(reverse(EDIT_URL, args=[session.pk])).status_code == 200


def test_the_listing_filters_upcoming_sessions(client, site, session):
    past = TrainingSessionFactory(
        module=site["module"],
        starts_at=timezone.now() - timedelta(days=3),
        registration_deadline=timezone.now() - timedelta(days=4),
    )
    client.force_login(session.trainer)

    response = client.get(reverse(LIST_URL), {"upcoming": "true"})

    shown = {row.pk for row in response.context["object_list"]}
    assert session.pk in shown and past.pk not in shown


# The attendance sheet


def test_the_trainer_sees_the_sheet_and_the_room_code(client, session, learner):
    registered(learner, session)
    client.force_login(session.trainer)

    response = client.get(sheet_url(session))

    page = response.content.decode()
    assert response.status_code == 200
    assert session.check_in_code in page
    assert learner.email in page


@pytest.mark.parametrize("who", ["other_trainer", "coordinator"])
def test_the_sheet_is_forbidden_to_other_staff(client, session, coordinator, who):
    other = UserFactory(role="", group="Formateurs") if who == "other_trainer" else None
    client.force_login(other or coordinator)

    assert client.get(sheet_url(session)).status_code == 403
    assert client.post(sheet_url(session)).status_code == 403
    assert client.get(csv_url(session)).status_code == 403


def test_the_sheet_is_out_of_reach_for_learners(client, session, learner):
    registered(learner, session)
    client.force_login(learner)

    response = client.post(sheet_url(session), {"presence-1": "present"})

    assert response.status_code == 302
    assert "login" in response.url
    assert SessionRegistration.objects.get().attended is None


def test_an_administrator_reaches_any_sheet(client, session):
    client.force_login(UserFactory(role="", group="Administrateurs"))

    assert client.get(sheet_url(session)).status_code == 200


def test_saving_the_sheet_marks_attendance(client, session, learner):
    absent = UserFactory()
    present_row = registered(learner, session)
    absent_row = registered(absent, session)
    client.force_login(session.trainer)

    response = client.post(
        sheet_url(session),
        {
            f"presence-{present_row.pk}": "present",
            f"presence-{absent_row.pk}": "absent",
        },
    )

    assert response.status_code == 302
    present_row.refresh_from_db()
    absent_row.refresh_from_db()
    assert (present_row.attended, absent_row.attended) == (True, False)
    assert present_row.attendance_marked_by == session.trainer


def test_the_csv_export_opens_in_excel(client, session, learner):
    registered(learner, session, attended=True, checked_in_at=session.starts_at)
    registered(UserFactory(last_name="=SOMME(A1)"), session)
    client.force_login(session.trainer)

    response = client.get(csv_url(session))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "nom;prénom;courriel;municipalité;statut;présence;présence déclarée le"
    )
    checked_in = timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M")
    assert (
        f"{learner.last_name};Camille;{learner.email};"
        "Saint-Elzéar (Municipalité, Chaudière-Appalaches);Inscrit·e;"
        f"présent·e;{checked_in}"
    ) in lines
    assert any(line.startswith("'=SOMME(A1);") for line in lines)
