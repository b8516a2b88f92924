from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group

from certification.permissions import ADMINISTRATOR_PERMISSIONS
from learners.models import PathCompletion
from learners.services import lesson_complete
from tests.factories import UserFactory


def complete(user, site):
    """Finish the site's one-lesson path (no on-commit callbacks run)."""
    lesson_complete(user=user, lesson=site["lesson"], source="manual")
    return PathCompletion.objects.get(user=user, path=site["path"])


COMPLETED_AT = datetime(2026, 11, 20, 14, 0, tzinfo=ZoneInfo("America/Toronto"))


@pytest.fixture
def clock():
    """The clock set to ``COMPLETED_AT`` (and running): request it before
    ``completion`` when a test reads the dates printed on a certificate."""
    with time_machine.travel(COMPLETED_AT, tick=True) as traveller:
        yield traveller


@pytest.fixture
def path(site):
    return site["path"]


@pytest.fixture
def completion(site, learner):
    return complete(learner, site)


@pytest.fixture
def administrator(municipalities):
    """An Administrateurs member, with what cms.permissions is to grant."""
    from django.contrib.auth.models import Permission

    group = Group.objects.get(name="Administrateurs")
    for app_label, codename in ADMINISTRATOR_PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return UserFactory(email="admin@exemple.qc.ca", role="", group="Administrateurs")


@pytest.fixture(autouse=True)
def empty_cache():
    """The verification rate limit counts in the cache: start each test at 0."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
