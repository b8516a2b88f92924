import factory
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from cms.models import HomePage
from courses.models import (
    LearningPathIndexPage,
    LearningPathPage,
    LearningPathRoleRule,
    LessonPage,
    ModulePage,
    Theme,
)
from courses.roles import LearnerRole, RoleRequirement
from learners.models import LearnerConsent, User
from territory.models import Municipality

PASSWORD = "un-mot-de-passe-solide-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@exemple.qc.ca")
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Tremblay{n}")
    role = LearnerRole.EMPLOYEE
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(code="26022"))

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or PASSWORD)
        if create:
            obj.save(update_fields=["password"])

    @factory.post_generation
    def group(obj, create, extracted, **kwargs):
        if extracted:
            obj.groups.add(Group.objects.get(name=extracted))

    @factory.post_generation
    def consent(obj, create, extracted, **kwargs):
        """A learner accepted notice version 1 with every choice, as if signed
        up then (``consent=False``: never answered, as an imported account)."""
        if create and obj.is_learner and extracted is not False:
            LearnerConsent.objects.create(
                user=obj,
                notice_version=1,
                accepted_at=obj.date_joined,
                share_with_municipality=True,
                email_reminders=True,
            )


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def build_site():
    """A small published tree: home → catalogue → path → module → lesson."""
    root = Page.get_first_root_node()
    home = publish(root, HomePage(title="Virage", slug="accueil-test"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "port": 80},
    )
    catalogue = publish(
        home, LearningPathIndexPage(title="Catalogue des parcours", slug="catalogue")
    )
    cyber = Theme.objects.get(slug="cybersecurite")
    path = publish(
        catalogue,
        LearningPathPage(
            title="Cybersécurité pour les élu·e·s",
            slug="cyber-elus",
            summary="Protéger la municipalité contre les cybermenaces.",
            theme=cyber,
            estimated_hours=6,
            learning_format="hybrid",
            role_rules=[
                LearningPathRoleRule(
                    role=LearnerRole.MAYOR, requirement=RoleRequirement.REQUIRED
                ),
                LearningPathRoleRule(
                    role=LearnerRole.MANAGER, requirement=RoleRequirement.RECOMMENDED
                ),
            ],
        ),
    )
    module = publish(
        path,
        ModulePage(
            title="Comprendre les menaces",
            slug="menaces",
            objectives="<ul><li>Reconnaître l'hameçonnage</li></ul>",
            estimated_minutes=45,
        ),
    )
    lesson = publish(
        module,
        LessonPage(
            title="L'hameçonnage",
            slug="hameconnage",
            summary="Reconnaître un courriel frauduleux.",
            body=[
                ("heading", "Les signes qui trompent"),
                ("paragraph", "<p>Un rançongiciel chiffre les serveurs.</p>"),
            ],
        ),
    )
    return {
        "home": home,
        "catalogue": catalogue,
        "path": path,
        "module": module,
        "lesson": lesson,
    }
