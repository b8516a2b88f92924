"""Demo sessions and learners at various stages of their paths.

Idempotent like the rest of the demo: sessions are found by module and title,
completions and registrations are facts recorded once.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from courses.models import (
    LessonPage,
    ModulePage,
    ModuleRoleRule,
    SessionFormat,
    TrainingSession,
)
from learners.models import RegistrationStatus, SessionRegistration
from learners.services import enrolment_create, lesson_complete
from territory.models import Municipality

TRAINER = "formatrice@demo.virage.quebec"
DETAILS = "Apportez le plan de réponse de votre municipalité s'il existe."


def _module(slug):
    return ModulePage.objects.get(slug=slug, locale=Locale.get_default())


def _rules():
    governance = _module("gouverner-le-risque")
    for role in ("mayor", "councillor"):
        ModuleRoleRule.objects.get_or_create(
            module=governance,
            role=role,
            defaults={"requirement": "required", "attendance_required": True},
        )
    workshop = _module("animer-inclure-evaluer")
    if not workshop.default_attendance_required:
        workshop.default_attendance_required = True
        workshop.save_revision().publish()


SESSIONS = [
    # module, title, format, days from now, start hour, hours, capacity, place code
    (
        "gouverner-le-risque",
        "Exercice de table : une cyberattaque à l'hôtel de ville",
        SessionFormat.IN_PERSON,
        16,
        13,
        3,
        24,
        "23027",
    ),
    (
        "gouverner-le-risque",
        "Classe virtuelle : plan de réponse aux incidents",
        SessionFormat.VIRTUAL,
        23,
        10,
        2,
        40,
        None,
    ),
    (
        "gouverner-le-risque",
        "Exercice de table (séance d'octobre)",
        SessionFormat.IN_PERSON,
        -30,
        13,
        3,
        20,
        "03005",
    ),
    (
        "animer-inclure-evaluer",
        "Atelier de cocréation en présence",
        SessionFormat.IN_PERSON,
        9,
        9,
        6,
        2,
        "10043",
    ),
]


def _sessions(trainer):
    now = timezone.localtime().replace(minute=30, second=0, microsecond=0)
    sessions = {}
    for slug, title, kind, days, hour, hours, capacity, code in SESSIONS:
        start = (now + timedelta(days=days)).replace(hour=hour)
        session, _created = TrainingSession.objects.get_or_create(
            module=_module(slug),
            title=title,
            defaults={
                "session_format": kind,
                "starts_at": start,
                "ends_at": start + timedelta(hours=hours),
                "registration_deadline": start - timedelta(days=2),
                "capacity": capacity,
                "trainer": trainer,
                "address": "" if code is None else "Salle du conseil, hôtel de ville",
                "municipality": Municipality.objects.filter(code=code).first(),
                "virtual_url": "https://visio.virage.quebec/cyber-elus"
                if code is None
                else "",
                "details": DETAILS,
            },
        )
        sessions[title] = session
    return sessions


def _register(user, session, status=RegistrationStatus.REGISTERED, attended=None):
    SessionRegistration.objects.get_or_create(
        user=user,
        session=session,
        defaults={
            "status": status,
            "confirmed_at": timezone.now()
            if status == RegistrationStatus.REGISTERED
            else None,
            "attended": attended,
        },
    )


def _complete(user, *module_slugs):
    for slug in module_slugs:
        for lesson in (
            LessonPage.objects.child_of(_module(slug)).live().order_by("path")
        ):
            lesson_complete(user=user, lesson=lesson.specific, source="manual")


def _journeys(sessions):
    users = {u.email.split("@")[0]: u for u in get_user_model().objects.all()}
    cyber = _module("comprendre-les-menaces").get_parent().specific
    city = _module("comprendre-ville-intelligente-et-donnees").get_parent().specific
    collab = _module("design-thinking-services-municipaux").get_parent().specific

    enrolment_create(user=users["mairesse"], path=cyber)
    _complete(users["mairesse"], "comprendre-les-menaces")
    _register(
        users["mairesse"],
        sessions["Exercice de table : une cyberattaque à l'hôtel de ville"],
    )

    councillor = users["conseiller"]
    _register(
        councillor, sessions["Exercice de table (séance d'octobre)"], attended=True
    )
    _complete(
        councillor,
        "comprendre-les-menaces",
        "bons-reflexes-au-quotidien",
        "gouverner-le-risque",
    )

    enrolment_create(user=users["dg"], path=city)
    _complete(users["dg"], "comprendre-ville-intelligente-et-donnees")

    enrolment_create(user=users["gestionnaire"], path=collab)
    _complete(users["gestionnaire"], "design-thinking-services-municipaux")
    _register(users["gestionnaire"], sessions["Atelier de cocréation en présence"])


def demo_learning_load():
    trainer = get_user_model().objects.get(email=TRAINER)
    _rules()
    sessions = _sessions(trainer)
    _journeys(sessions)
    return len(sessions)
