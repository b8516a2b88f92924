"""The move of Region, Mrc and Municipality from ``learners`` to ``territory``,
on a database migrated before it with rows in it: the same rows, the same
primary keys, the foreign keys still resolve, and the content types keep
their ids."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from courses.models import TrainingSession
from learners.models import User
from reporting.models import TrainingContact
from territory.models import Mrc, Municipality, Region
from tests.factories import build_site

BEFORE_THE_MOVE = [
    ("learners", "0005_h5p_launch"),
    ("courses", "0006_h5p_library_trust"),
    ("reporting", "0001_initial"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_to_latest():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def rows_before_the_move(apps, *, module_id):
    """What a database held before the move, written with the models of then."""
    region = apps.get_model("learners", "Region").objects.create(
        code="99", name="Région d'essai"
    )
    mrc = apps.get_model("learners", "Mrc").objects.create(
        code="999", name="MRC d'essai", region=region
    )
    town = apps.get_model("learners", "Municipality").objects.create(
        code="99999",
        name="Ville-d'Essai",
        designation="Ville",
        population=1234,
        region=region,
        mrc=mrc,
        search_name="ville d essai",
    )
    user = apps.get_model("learners", "User").objects.create(
        email="migration@exemple.qc.ca", municipality=town, role="mayor"
    )
    start = timezone.now() + timedelta(days=7)
    session = apps.get_model("courses", "TrainingSession").objects.create(
        module_id=module_id,
        session_format="in_person",
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        registration_deadline=start - timedelta(days=1),
        capacity=10,
        trainer=user,
        municipality=town,
    )
    apps.get_model("reporting", "TrainingContact").objects.create(
        user=user, municipality=town
    )
    return region.pk, mrc.pk, town.pk, user.pk, session.pk


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rows_written_before_the_move_are_read_through_territory():
    module_id = build_site()["module"].pk
    type_ids = {
        ct.model: ct.pk
        for ct in ContentType.objects.filter(
            app_label="territory", model__in=["region", "mrc", "municipality"]
        )
    }
    try:
        old_apps = migrate(BEFORE_THE_MOVE)
        assert set(
            ContentType.objects.filter(pk__in=type_ids.values()).values_list(
                "app_label", flat=True
            )
        ) == {"learners"}
        region_pk, mrc_pk, town_pk, user_pk, session_pk = rows_before_the_move(
            old_apps, module_id=module_id
        )
    finally:
        # The ids of the content types are kept, so Django's cache of them
        # stays right; clearing it would make the next serialized test's
        # restore collide with content types recreated on a cache miss.
        migrate_to_latest()

    town = Municipality.objects.select_related("region", "mrc").get(code="99999")
    assert (town.pk, town.region.pk, town.mrc.pk) == (town_pk, region_pk, mrc_pk)
    assert Mrc.objects.get(pk=mrc_pk).region == Region.objects.get(pk=region_pk)
    assert town.label == "Ville-d'Essai (Ville, Région d'essai)"
    assert User.objects.get(pk=user_pk).municipality == town
    assert TrainingSession.objects.get(pk=session_pk).municipality == town
    assert TrainingContact.objects.get(user_id=user_pk).municipality == town
    assert list(town.learners.all()) == [User.objects.get(pk=user_pk)]
    moved = {"region": Region, "mrc": Mrc, "municipality": Municipality}
    assert {
        name: ContentType.objects.get_for_model(model).pk
        for name, model in moved.items()
    } == type_ids
    assert Permission.objects.filter(
        content_type_id=type_ids["municipality"], codename="change_municipality"
    ).exists()
