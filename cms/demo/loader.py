"""Builds the demo site: page tree, three learning paths and one account per role.

Idempotent: pages are found by slug and accounts by e-mail; what exists is left
as it is (trainers may have edited it), only what is missing is created.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Locale, Page, Site

from certification.services import certificate_template_default_ensure
from cms import permissions
from cms.demo.content import PATHS
from cms.demo.english import demo_english_load
from cms.demo.exercises import demo_exercises_load
from cms.demo.learning import demo_learning_load
from cms.models import HomePage, StandardPage
from courses.models import (
    LearningPathIndexPage,
    LearningPathPage,
    LearningPathRoleRule,
    LessonPage,
    ModulePage,
    Theme,
)
from courses.roles import LearnerRole
from territory.models import Municipality
from territory.services import municipalities_load

DEMO_PASSWORD = "virage-demo-2026"
DEMO_ACCOUNTS = [
    # e-mail, first name, last name, municipality code, role, group, superuser
    (
        "mairesse@demo.virage.quebec",
        "Isabelle",
        "Tremblay",
        "26022",
        LearnerRole.MAYOR,
        None,
        False,
    ),
    (
        "conseiller@demo.virage.quebec",
        "Marc",
        "Gagnon",
        "03005",
        LearnerRole.COUNCILLOR,
        None,
        False,
    ),
    (
        "dg@demo.virage.quebec",
        "Nathalie",
        "Roy",
        "30030",
        LearnerRole.DIRECTOR_GENERAL,
        None,
        False,
    ),
    (
        "gestionnaire@demo.virage.quebec",
        "Karim",
        "Benali",
        "10043",
        LearnerRole.MANAGER,
        None,
        False,
    ),
    (
        "employe@demo.virage.quebec",
        "Sophie",
        "Côté",
        "16013",
        LearnerRole.EMPLOYEE,
        None,
        False,
    ),
    (
        "formatrice@demo.virage.quebec",
        "Julie",
        "Lavoie",
        None,
        "",
        permissions.TRAINERS,
        False,
    ),
    (
        "coordonnateur@demo.virage.quebec",
        "Pierre",
        "Bouchard",
        None,
        "",
        permissions.COORDINATORS,
        False,
    ),
    (
        "admin@demo.virage.quebec",
        "Anne",
        "Pelletier",
        None,
        "",
        permissions.ADMINISTRATORS,
        True,
    ),
]

HOME_INTRO = (
    "<p>Cybersécurité, sécurité de l'information, technologies numériques, ville "
    "intelligente et collaboration avec les citoyennes et citoyens : des parcours "
    "hybrides, en ligne et en présence, pensés pour les élu·e·s, les directions "
    "générales, les gestionnaires et les employé·e·s des municipalités du Québec, "
    "de la métropole au village de 500 habitants.</p>"
)


def _home_page() -> HomePage:
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Virage",
            slug="accueil",
            headline="La transformation numérique des municipalités, à votre rythme",
            intro=HOME_INTRO,
        )
    )
    site = Site.objects.filter(is_default_site=True).first()
    previous_root = site.root_page if site else None
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
    if previous_root is not None and previous_root.specific_class is Page:
        previous_root.delete()
    return home


def _child(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = parent.add_child(instance=model(slug=slug, **fields))
    page.save_revision().publish()
    return page, True


def _lesson_body(blocks):
    body = []
    for block_type, value in blocks:
        if block_type == "callout":
            value = {
                "kind": value["kind"],
                "title": value.get("title", ""),
                "text": value["text"],
            }
        body.append((block_type, value))
    return body


def _learning_path(catalogue, data):
    path, created = _child(
        catalogue,
        LearningPathPage,
        data["slug"],
        title=data["title"],
        summary=data["summary"],
        theme=Theme.objects.get(name=data["theme"]),
        estimated_hours=data["estimated_hours"],
        learning_format=data["format"],
        role_rules=[
            LearningPathRoleRule(role=role, requirement=requirement)
            for role, requirement in data["roles"].items()
        ],
    )
    for module_data in data["modules"]:
        objectives = "".join(f"<li>{item}</li>" for item in module_data["objectives"])
        module, _ = _child(
            path,
            ModulePage,
            module_data["slug"],
            title=module_data["title"],
            objectives=f"<ul>{objectives}</ul>",
            estimated_minutes=module_data["estimated_minutes"],
        )
        for lesson in module_data["lessons"]:
            _child(
                module,
                LessonPage,
                lesson["slug"],
                title=lesson["title"],
                summary=lesson["summary"],
                estimated_minutes=lesson["estimated_minutes"],
                body=_lesson_body(lesson["body"]),
            )
    return path, created


def _accounts():
    User = get_user_model()
    created = 0
    for email, first, last, code, role, group, superuser in DEMO_ACCOUNTS:
        if User.objects.filter(email=email).exists():
            continue
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            municipality=Municipality.objects.get(code=code) if code else None,
            role=role,
            is_staff=superuser,
            is_superuser=superuser,
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        created += 1
    return created


@transaction.atomic
def demo_data_load() -> dict:
    if not Municipality.objects.exists():
        municipalities_load(directory=settings.MUNICIPALITY_DATA_DIR)
    permissions.staff_groups_sync()
    home = _home_page()
    catalogue, _ = _child(
        home,
        LearningPathIndexPage,
        "catalogue",
        title="Catalogue des parcours",
        intro="<p>Choisissez un parcours selon votre rôle et le thème qui vous "
        "intéresse. Chaque parcours indique s'il est obligatoire, recommandé ou "
        "facultatif pour votre rôle.</p>",
    )
    paths_created = sum(_learning_path(catalogue, data)[1] for data in PATHS)
    exercises_added = demo_exercises_load()
    _child(
        home,
        StandardPage,
        "a-propos",
        title="À propos de Virage",
        body="<p>Virage est la plateforme de formation au numérique de l'académie "
        "universitaire et de l'Union des municipalités du Québec (UMQ). Les données "
        "sur les municipalités proviennent du Répertoire des municipalités du "
        "Québec.</p><p>Source : MAMH, Répertoire des municipalités du Québec, "
        "Données Québec, CC BY 4.0. Données modifiées.</p>",
    )
    permissions.staff_groups_sync()
    accounts_created = _accounts()
    certificate_template_default_ensure()
    demo_learning_load()
    english_created = demo_english_load(home=home)
    return {
        "paths_created": paths_created,
        "exercises_added": exercises_added,
        "english_created": english_created,
        "accounts_created": accounts_created,
    }
