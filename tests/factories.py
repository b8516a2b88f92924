"""factory_boy factories for the models tests build, and a small page tree.

Pages are built with ``publish`` / ``build_site`` (Wagtail's tree needs a
parent); rows that belong to a page take it as an argument (``path=``,
``lesson=``, ``module=``). Sessions: ``tests/sessions_factories.py``.
"""

import uuid

import factory
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, Site

from certification.codes import code_generate
from certification.models import Certificate, CertificateTemplate
from cms.models import HomePage
from courses.models import (
    H5PContent,
    H5PLibrary,
    LearningPathIndexPage,
    LearningPathPage,
    LearningPathRoleRule,
    LessonPage,
    ModulePage,
    ModuleRoleRule,
    ScormPackage,
    ScormSco,
    Theme,
)
from courses.roles import LearnerRole, RoleRequirement
from learners.models import (
    CompletionSource,
    Enrolment,
    H5PUserState,
    LearnerConsent,
    LessonCompletion,
    PathCompletion,
    RoleChange,
    User,
    XapiStatement,
)
from privacy.models import Incident, PrivacyNotice
from reporting.models import TrainingContact
from territory.models import Municipality

DEFAULT_MUNICIPALITY = "26022"

PASSWORD = "un-mot-de-passe-solide-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@exemple.qc.ca")
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Tremblay{n}")
    role = LearnerRole.EMPLOYEE
    municipality = factory.LazyFunction(
        lambda: Municipality.objects.get(code=DEFAULT_MUNICIPALITY)
    )

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


# courses


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class ModuleRoleRuleFactory(factory.django.DjangoModelFactory):
    """A role rule of a module; pass ``module`` and ``role``."""

    class Meta:
        model = ModuleRoleRule

    requirement = RoleRequirement.REQUIRED
    attendance_required = False


class H5PLibraryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = H5PLibrary
        django_get_or_create = ("machine_name", "major_version", "minor_version")

    machine_name = "H5P.TrueFalse"
    major_version = 1
    minor_version = 6
    patch_version = 12
    title = "True/False Question"
    runnable = True


class H5PContentFactory(factory.django.DjangoModelFactory):
    """A content row with no files (tests that play a real package import one)."""

    class Meta:
        model = H5PContent
        skip_postgeneration_save = True

    title = "Vrai ou faux : l'hameçonnage"
    main_library = factory.SubFactory(H5PLibraryFactory)
    source_filename = "vf.h5p"

    @factory.post_generation
    def libraries(obj, create, extracted, **kwargs):
        if create:
            obj.libraries.add(obj.main_library, *(extracted or ()))


class ScormPackageFactory(factory.django.DjangoModelFactory):
    """A package row with one SCO and no files."""

    class Meta:
        model = ScormPackage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Cours SCORM {n}")
    version = "1.2"
    identifier = factory.Sequence(lambda n: f"cours-{n}")
    source_filename = "cours.zip"
    sco = factory.RelatedFactory(
        "tests.factories.ScormScoFactory", factory_related_name="package"
    )


class ScormScoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScormSco

    package = factory.SubFactory(ScormPackageFactory, sco=None)
    position = 0
    identifier = "sco-1"
    title = "Module 1"
    href = "index.html"
    is_sco = True


# learners (pass ``path`` or ``lesson``)


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    user = factory.SubFactory(UserFactory)


class LessonCompletionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LessonCompletion

    user = factory.SubFactory(UserFactory)
    source = CompletionSource.MANUAL


class PathCompletionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PathCompletion

    user = factory.SubFactory(UserFactory)
    role = factory.SelfAttribute("user.role")
    completed_at = factory.LazyFunction(timezone.now)


class RoleChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleChange

    user = factory.SubFactory(UserFactory)
    previous_role = LearnerRole.EMPLOYEE
    new_role = LearnerRole.MANAGER


class XapiStatementFactory(factory.django.DjangoModelFactory):
    """A stored "answered" statement; pass ``content`` and ``lesson``."""

    class Meta:
        model = XapiStatement

    statement_id = factory.LazyFunction(uuid.uuid4)
    user = factory.SubFactory(UserFactory)
    verb = "http://adlnet.gov/expapi/verbs/answered"
    object_id = factory.LazyAttribute(lambda o: f"urn:virage:h5p:{o.content.pk}")
    block_id = "bloc-1"
    timestamp = factory.LazyFunction(timezone.now)
    raw = factory.LazyAttribute(
        lambda o: {"id": str(o.statement_id), "verb": {"id": o.verb}}
    )
    content_hash = factory.LazyAttribute(lambda o: o.statement_id.hex * 2)


class H5PUserStateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = H5PUserState

    user = factory.SubFactory(UserFactory)
    content = factory.SubFactory(H5PContentFactory)
    block_id = "bloc-1"
    data = "{}"


# certification, reporting, privacy


class CertificateTemplateFactory(factory.django.DjangoModelFactory):
    """A template for ``path`` (none: the default template)."""

    class Meta:
        model = CertificateTemplate

    name = factory.Sequence(lambda n: f"Modèle {n}")
    path = None
    issuer_name = "UMQ"


class CertificateFactory(factory.django.DjangoModelFactory):
    """A certificate row with a minimal frozen content and no PDF; pass ``path``."""

    class Meta:
        model = Certificate

    user = factory.SubFactory(UserFactory)
    code = factory.LazyFunction(code_generate)
    issued_at = factory.LazyFunction(timezone.now)
    completed_at = factory.SelfAttribute("issued_at")
    content = factory.LazyAttribute(
        lambda o: {"version": 1, "code": o.code, "holder": {"name": str(o.user)}}
    )


class TrainingContactFactory(factory.django.DjangoModelFactory):
    """A municipality's training contact (the user's own municipality)."""

    class Meta:
        model = TrainingContact

    user = factory.SubFactory(UserFactory, role=LearnerRole.MANAGER)
    municipality = factory.SelfAttribute("user.municipality")


class PrivacyNoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PrivacyNotice
        django_get_or_create = ("version",)

    version = factory.Sequence(lambda n: n + 2)
    published_at = factory.LazyFunction(timezone.now)
    body_fr = "<p>Nous protégeons vos renseignements.</p>"
    body_en = "<p>We protect your information.</p>"


class IncidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Incident

    occurred_on = factory.LazyFunction(lambda: timezone.localdate())
    discovered_on = factory.SelfAttribute("occurred_on")
    nature = "Courriel envoyé au mauvais destinataire."
    people_concerned = "Une personne apprenante."
    information_concerned = "Nom et progression."
