"""The world the permission matrix is played in: nine actors and one of every
object a URL of the matrix names, each owned by someone.

Learners ``learner`` and ``other_learner`` (Saint-Elzéar) are both enrolled in
the one path; only ``learner`` has data: a certificate, an xAPI statement, a
saved H5P state and a confirmed session registration. ``contact`` is
Saint-Elzéar's training contact and ``other_contact`` Gaspé's; neither is
enrolled. ``trainer`` leads the session and uploaded an enrolment import;
``coordinator`` requested a finished export. The lesson holds one H5P block
and one SCORM 1.2 block, in which ``learner`` opened a launch;
a second lesson of the module was never published. Staff are members of the
groups of ``cms/permissions.py``; nobody is a superuser.
"""

from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone

from certification.services import certificate_issue
from courses.models import LessonPage
from courses.player import content_key
from courses.scorm.player import package_key
from courses.services import h5p_content_import
from learners.models import EnrolmentImport, ImportStatus
from learners.services import (
    enrolment_create,
    lesson_complete,
    xapi_statements_record,
)
from learners.services.scorm import scorm_launch_open
from learners.xapi import parse_statement
from reporting.models import ExportJob, ExportStatus
from territory.models import Municipality
from tests.courses.h5p_builders import build, package_files
from tests.factories import (
    H5PUserStateFactory,
    TrainingContactFactory,
    UserFactory,
    build_site,
)
from tests.fixtures.scorm.builders import single_sco_12
from tests.fixtures.scorm.lessons import imported
from tests.h5p_fixtures import statement
from tests.sessions_factories import TrainingSessionFactory, registered

ACTORS = (
    "anon",
    "learner",
    "other_learner",
    "trainer",
    "other_trainer",
    "coordinator",
    "contact",
    "other_contact",
    "admin",
)
SAINT_ELZEAR, GASPE = "26022", "03005"
BLOCK = "bloc-1"
SCORM_BLOCK = "scorm-1"
LESSON_TEXT = "Un rançongiciel chiffre les serveurs."
LEARNER = "Lachance"  # the learner's last name, shown only to their own contact
SAVED_MARKER = "etat-de-l-apprenant"
SAVED_STATE = f'{{"reponse": "{SAVED_MARKER}"}}'


@dataclass
class World:
    users: dict  # actor -> User (no "anon")
    ids: dict  # placeholder -> value, for the URLs of the matrix
    statement: dict  # the learner's one xAPI statement, as sent


def _users():
    gaspe = Municipality.objects.get(code=GASPE)
    staff = {"role": ""}
    users = {
        "learner": UserFactory(email="apprenant@exemple.qc.ca", last_name=LEARNER),
        "other_learner": UserFactory(email="autre.apprenant@exemple.qc.ca"),
        "trainer": UserFactory(
            email="formatrice@exemple.qc.ca", group="Formateurs", **staff
        ),
        "other_trainer": UserFactory(
            email="formateur@exemple.qc.ca", group="Formateurs", **staff
        ),
        "coordinator": UserFactory(
            email="coordo@exemple.qc.ca", group="Coordonnateurs UMQ", **staff
        ),
        "contact": UserFactory(email="repondante@exemple.qc.ca"),
        "other_contact": UserFactory(
            email="repondant.gaspe@exemple.qc.ca", municipality=gaspe
        ),
        "admin": UserFactory(
            email="admin@exemple.qc.ca", group="Administrateurs", **staff
        ),
    }
    for actor in ("contact", "other_contact"):
        user = users[actor]
        TrainingContactFactory(user=user)
    return users


def _exercise(lesson):
    """The lesson, published with a paragraph, one H5P and one SCORM block."""
    content = h5p_content_import(source=build(package_files()), title="Exemple")
    package = imported(single_sco_12(), title="Module SCORM")
    lesson.body = [
        {"type": "paragraph", "value": f"<p>{LESSON_TEXT}</p>"},
        {
            "type": "h5p",
            "id": BLOCK,
            "value": {
                "content": content.pk,
                "grading_method": "highest",
                "completion_rule": "completed",
                "pass_threshold": 70,
            },
        },
        {
            "type": "scorm",
            "id": SCORM_BLOCK,
            "value": {
                "package": package.pk,
                "completion_rule": "completed",
                "pass_threshold": 70,
            },
        },
    ]
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk), content, package


def _learner_data(user, site, lesson, content):
    """What belongs to ``learner`` alone."""
    lesson_complete(user=user, lesson=lesson, source="manual")
    certificate, _created = certificate_issue(user=user, path=site["path"])
    sent = statement(content, lesson, email=user.email)
    xapi_statements_record(user=user, statements=[parse_statement(sent, user=user)])
    H5PUserStateFactory(
        user=user, content=content, lesson=lesson, block_id=BLOCK, data=SAVED_STATE
    )
    return certificate, sent


def _export(user):
    job = ExportJob.objects.create(
        requested_by=user,
        table="municipalites",
        file_format="csv",
        status=ExportStatus.DONE,
        filename="municipalites.csv",
        finished_at=timezone.now(),
    )
    job.file.save("municipalites.csv", ContentFile(b"nom;inscrits\n"))
    return job


def build_world() -> World:
    site = build_site()
    users = _users()
    lesson, content, package = _exercise(site["lesson"])
    for actor in ("learner", "other_learner"):
        enrolment_create(user=users[actor], path=site["path"])
    certificate, sent = _learner_data(users["learner"], site, lesson, content)
    sco = package.scos.get()
    scorm_launch, _cmi = scorm_launch_open(
        user=users["learner"], lesson_id=lesson.pk, block_id=SCORM_BLOCK, sco_id=sco.pk
    )
    session = TrainingSessionFactory(module=site["module"], trainer=users["trainer"])
    registered(users["learner"], session)
    draft = site["module"].add_child(
        instance=LessonPage(title="Brouillon", slug="brouillon", live=False)
    )
    enrolment_import = EnrolmentImport.objects.create(
        uploaded_by=users["trainer"],
        filename="liste.csv",
        data=b"",
        status=ImportStatus.DONE,
    )
    ids = {
        "path": site["path"].pk,
        "home": site["home"].pk,
        "lesson": lesson.pk,
        "draft": draft.pk,
        "content": content.pk,
        "key": content_key(content.pk),
        "wrong_key": "0" * 32,
        "library": content.main_library.folder,
        "block": BLOCK,
        "certificate": certificate.pk,
        "code": certificate.code,
        "statement": sent["id"],
        "session": session.pk,
        "export": _export(users["coordinator"]).pk,
        "import": enrolment_import.pk,
        "library_pk": content.main_library.pk,
        "learner_pk": users["learner"].pk,
        "town": SAINT_ELZEAR,
        "scorm": package.pk,
        "scorm_key": package_key(package.pk),
        "sco": sco.pk,
        "scorm_block": SCORM_BLOCK,
        "scorm_launch": str(scorm_launch.pk),
    }
    return World(users=users, ids=ids, statement=sent)
