"""The staff groups and what Wagtail lets each of them do.

- Formateurs: author the catalogue (pages under every catalogue index, images,
  documents, themes), nothing else: no users, no settings.
- Coordonnateurs UMQ: reach the admin to read reports; no page editing.
- Administrateurs: everything, including users and groups, and installing or
  updating H5P libraries (JavaScript every content shares: an administrator's
  act, like Moodle's ``moodle/h5p:updatelibraries``).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

from certification.permissions import ADMINISTRATOR_PERMISSIONS as CERTIFICATE_ADMIN

TRAINERS = "Formateurs"
COORDINATORS = "Coordonnateurs UMQ"
ADMINISTRATORS = "Administrateurs"

AUTHORING_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
ADMIN_PAGE_PERMISSIONS = AUTHORING_PAGE_PERMISSIONS + [
    "delete_page",
    "bulk_delete_page",
]
MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
TRAINER_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("courses", "add_theme"),
    ("courses", "change_theme"),
    ("courses", "view_theme"),
    ("courses", "add_h5pcontent"),
    ("courses", "change_h5pcontent"),
    ("courses", "view_h5pcontent"),
    ("courses", "add_scormpackage"),
    ("courses", "change_scormpackage"),
    ("courses", "view_scormpackage"),
    ("learners", "add_enrolmentimport"),
    ("courses", "add_trainingsession"),
    ("courses", "change_trainingsession"),
    ("courses", "view_trainingsession"),
]
TRAINING_CONTACT_PERMISSIONS = [
    ("reporting", codename)
    for codename in (
        "add_trainingcontact",
        "change_trainingcontact",
        "delete_trainingcontact",
        "view_trainingcontact",
    )
]
COORDINATOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("learners", "add_enrolmentimport"),
    *TRAINING_CONTACT_PERMISSIONS,
]
ADMINISTRATOR_MODEL_PERMISSIONS = TRAINER_MODEL_PERMISSIONS + [
    ("learners", "change_enrolmentimport"),
    ("courses", "delete_trainingsession"),
    ("learners", "change_sessionregistration"),
    *CERTIFICATE_ADMIN,
    *TRAINING_CONTACT_PERMISSIONS,
    ("learners", "add_user"),
    ("learners", "change_user"),
    ("learners", "delete_user"),
    ("learners", "view_user"),
    ("auth", "add_group"),
    ("auth", "change_group"),
    ("auth", "view_group"),
    ("courses", "delete_theme"),
    ("courses", "delete_h5pcontent"),
    ("courses", "delete_scormpackage"),
    ("courses", "install_h5plibrary"),
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
    ("wagtailcore", "add_locale"),
    ("wagtailcore", "change_locale"),
    ("wagtail_localize", "submit_translation"),
    # Law 25: the incident register, the notice's versions, erasing an account.
    *[
        ("privacy", f"{action}_{model}")
        for model in ("incident", "privacynotice")
        for action in ("add", "change", "view")
    ],
    ("privacy", "add_erasure"),
    # What left by e-mail, and what failed (read only).
    ("outbox", "view_outgoingmessage"),
]


def _permissions(pairs):
    found = []
    for app_label, codename in pairs:
        found += list(
            Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            )
        )
    return found


def _grant_pages(group, page, codenames):
    for permission in _permissions(("wagtailcore", c) for c in codenames):
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission
        )


def _grant_collection(group, pairs):
    root = Collection.get_first_root_node()
    if root is None:
        return
    for permission in _permissions(pairs):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


@transaction.atomic
def staff_groups_sync():
    """Create the staff groups and (re)grant their permissions; idempotent."""
    from courses.models import LearningPathIndexPage

    trainers, _ = Group.objects.get_or_create(name=TRAINERS)
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    administrators, _ = Group.objects.get_or_create(name=ADMINISTRATORS)

    trainers.permissions.add(
        *_permissions(TRAINER_MODEL_PERMISSIONS + MEDIA_PERMISSIONS)
    )
    for catalogue in LearningPathIndexPage.objects.all():
        _grant_pages(trainers, catalogue, AUTHORING_PAGE_PERMISSIONS)
    _grant_collection(trainers, MEDIA_PERMISSIONS)

    coordinators.permissions.add(*_permissions(COORDINATOR_MODEL_PERMISSIONS))

    administrators.permissions.add(
        *_permissions(ADMINISTRATOR_MODEL_PERMISSIONS + MEDIA_PERMISSIONS)
    )
    root = Page.get_first_root_node()
    if root is not None:
        _grant_pages(administrators, root, ADMIN_PAGE_PERMISSIONS)
    _grant_collection(administrators, MEDIA_PERMISSIONS)
    return trainers, coordinators, administrators


def staff_groups_sync_after_migrate(sender, **kwargs):
    """Run once per ``migrate``, after the last app's permissions exist."""
    from django.apps import apps

    with_models = [app for app in apps.get_app_configs() if app.models_module]
    if sender.label == with_models[-1].label:
        staff_groups_sync()


def catalogue_grant_trainers(sender, instance, created, **kwargs):
    """A new catalogue index is open to trainers as soon as it exists."""
    if created:
        trainers, _ = Group.objects.get_or_create(name=TRAINERS)
        _grant_pages(trainers, instance, AUTHORING_PAGE_PERMISSIONS)
