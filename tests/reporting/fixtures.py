"""Eight people in four municipalities, three paths (1 and 3 in the
cybersecurity theme, 2 in open data), five sessions. Dates are in 2026
(Q1 = January–March, Q2 = April–June); "now" is real time, for the 30-day
activity window. Frampton has no learner at all.

alice  Saint-Elzéar  mayor       p1: enrolled 01-10, started 01-12, completed
                                     02-01, certified 02-02; p3: enrolled 03-05,
                                     started 03-06; xAPI now (active)
bruno  Saint-Elzéar  councillor  p1: enrolled 01-20, started 04-05
chloe  Saint-Elzéar  employee    p2: enrolled 04-10
denis  Sainte-Marie  manager, councillor until a role change
                                 p1: enrolled 02-15, started 02-16, completed
                                     03-01, certificate 03-02 REVOKED;
                                 p2: enrolled 05-01, started 05-02, completed
                                     05-20, certified 05-21
emilie Gaspé         director    p2: enrolled 03-20, started now-3d (active)
felix  Gaspé         employee    no enrolment; xAPI now (active, not counted)
gisele Cloridorme    mayor       no enrolment (an account to reach)

Sessions (in person unless said): S1 path 1, 02-10, ended: alice attended,
bruno absent, denis cancelled, chloe waitlisted. S2 path 2, 05-05, ended:
denis attended, emilie not marked. S3 virtual, ended: alice (not counted).
S4 in a week: bruno (not counted). S5 cancelled session: chloe (not counted).
"""

import uuid
from datetime import datetime, timedelta

from django.utils import timezone

from certification.models import Certificate
from courses.models import LearningPathPage, SessionFormat, Theme
from courses.roles import LearnerRole
from learners.models import (
    Enrolment,
    LessonCompletion,
    PathCompletion,
    RegistrationStatus,
    RoleChange,
    XapiStatement,
)
from territory.models import Municipality
from tests.factories import UserFactory, publish
from tests.progress_fixtures import add_module, lessons_of
from tests.sessions_factories import TrainingSessionFactory, registered

SAINT_ELZEAR, SAINTE_MARIE, GASPE, FRAMPTON, CLORIDORME = (
    "26022",
    "26030",
    "03005",
    "26005",
    "03010",
)


def on(month, day, hour=12):
    return timezone.make_aware(datetime(2026, month, day, hour))


def _path(site, title, slug, theme, lessons):
    path = publish(
        site["catalogue"],
        LearningPathPage(
            title=title,
            slug=slug,
            summary="Un parcours.",
            theme=Theme.objects.get(slug=theme),
            estimated_hours=3,
        ),
    )
    add_module(path, f"{slug}-1", lessons=lessons)
    return path


def _people():
    town = {
        code: Municipality.objects.get(code=code)
        for code in (SAINT_ELZEAR, SAINTE_MARIE, GASPE, CLORIDORME)
    }
    people = {
        "alice": (SAINT_ELZEAR, LearnerRole.MAYOR),
        "bruno": (SAINT_ELZEAR, LearnerRole.COUNCILLOR),
        "chloe": (SAINT_ELZEAR, LearnerRole.EMPLOYEE),
        "denis": (SAINTE_MARIE, LearnerRole.MANAGER),
        "emilie": (GASPE, LearnerRole.DIRECTOR_GENERAL),
        "felix": (GASPE, LearnerRole.EMPLOYEE),
        "gisele": (CLORIDORME, LearnerRole.MAYOR),
    }
    return {
        name: UserFactory(
            email=f"{name}@exemple.qc.ca",
            first_name=name.capitalize(),
            municipality=town[code],
            role=role,
        )
        for name, (code, role) in people.items()
    }


def _enrol(user, path, when):
    enrolment = Enrolment.objects.create(user=user, path=path)
    Enrolment.objects.filter(pk=enrolment.pk).update(created_at=when)


def _lesson(user, lesson, when):
    completion = LessonCompletion.objects.create(
        user=user, lesson=lesson, source="manual"
    )
    LessonCompletion.objects.filter(pk=completion.pk).update(completed_at=when)


def _certificate(user, path, issued, revoked=None):
    return Certificate.objects.create(
        user=user,
        path=path,
        code=uuid.uuid4().hex[:16],
        content={"holder": {"name": str(user)}},
        issued_at=issued,
        completed_at=issued,
        revoked_at=revoked,
    )


def _xapi(user, lesson):
    XapiStatement.objects.create(
        statement_id=uuid.uuid4(),
        user=user,
        verb="http://adlnet.gov/expapi/verbs/answered",
        object_id="http://exemple/activite",
        lesson=lesson,
        timestamp=timezone.now(),
        raw={},
        content_hash="x",
    )


def _progress(people, p1, p2, p3):
    l1, l2 = lessons_of_path(p1), lessons_of_path(p2)
    alice, bruno, chloe, denis, emilie = (
        people[n] for n in ("alice", "bruno", "chloe", "denis", "emilie")
    )
    _enrol(alice, p1, on(1, 10))
    for lesson, day in zip(l1, (12, 20, 30), strict=True):
        _lesson(alice, lesson, on(1, day))
    _enrol(alice, p3, on(3, 5))
    _lesson(alice, lessons_of_path(p3)[0], on(3, 6))
    PathCompletion.objects.create(
        user=alice, path=p1, role="mayor", completed_at=on(2, 1)
    )
    _certificate(alice, p1, on(2, 2))
    _xapi(alice, l1[0])
    _enrol(bruno, p1, on(1, 20))
    _lesson(bruno, l1[0], on(4, 5))
    _enrol(chloe, p2, on(4, 10))
    _enrol(denis, p1, on(2, 15))
    for lesson, day in zip(l1, (16, 20, 28), strict=True):
        _lesson(denis, lesson, on(2, day))
    PathCompletion.objects.create(
        user=denis, path=p1, role="councillor", completed_at=on(3, 1)
    )
    _certificate(denis, p1, on(3, 2), revoked=on(3, 9))
    RoleChange.objects.create(
        user=denis, previous_role="councillor", new_role="manager"
    )
    _enrol(denis, p2, on(5, 1))
    for lesson, day in zip(l2, (2, 15), strict=True):
        _lesson(denis, lesson, on(5, day))
    PathCompletion.objects.create(
        user=denis, path=p2, role="manager", completed_at=on(5, 20)
    )
    _certificate(denis, p2, on(5, 21))
    _enrol(emilie, p2, on(3, 20))
    _lesson(emilie, l2[0], timezone.now() - timedelta(days=3))
    _xapi(people["felix"], l2[0])


def lessons_of_path(path):
    return [
        lesson for module in path.specific.modules() for lesson in lessons_of(module)
    ]


def _session(module, start, **fields):
    return TrainingSessionFactory(
        module=module,
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        registration_deadline=start - timedelta(days=1),
        **fields,
    )


def _sessions(people, p1, p2):
    m1 = p1.specific.modules()[0]
    m2 = p2.specific.modules()[0]
    s1 = _session(m1, on(2, 10, 9))
    registered(people["alice"], s1, attended=True)
    registered(people["bruno"], s1, attended=False)
    registered(people["denis"], s1, status=RegistrationStatus.CANCELLED)
    registered(people["chloe"], s1, status=RegistrationStatus.WAITLISTED)
    s2 = _session(m2, on(5, 5, 9))
    registered(people["denis"], s2, attended=True)
    registered(people["emilie"], s2)
    s3 = _session(
        m1,
        on(3, 3, 9),
        session_format=SessionFormat.VIRTUAL,
        address="",
        municipality=None,
        virtual_url="https://visio.exemple.qc.ca/1",
    )
    registered(people["alice"], s3, attended=True)
    s4 = _session(m1, timezone.now() + timedelta(days=7))
    registered(people["bruno"], s4)
    s5 = _session(m2, on(4, 4, 9), cancelled_at=on(4, 1))
    registered(people["chloe"], s5)


def build_province(site):
    p1 = site["path"]
    add_module(p1, "module-2", lessons=2)
    p2 = _path(
        site, "Données ouvertes", "donnees", "ville-intelligente-donnees-ouvertes", 2
    )
    p3 = _path(site, "Cybersécurité avancée", "cyber-2", "cybersecurite", 1)
    people = _people()
    _progress(people, p1, p2, p3)
    _sessions(people, p1, p2)
    return {"people": people, "p1": p1, "p2": p2, "p3": p3}
