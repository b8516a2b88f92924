import os

import pytest
from django.conf import settings

from territory.models import Municipality
from territory.services import municipalities_load
from tests.factories import UserFactory, build_site

# Transactional tests must use ``serialized_rollback=True``: a plain flush re-runs
# post_migrate (staff groups), which then clash with the serialized rows the
# next serialized test restores.

# A transactional test ends with a flush that empties the database: Django's
# runner, and pytest-django in a single process, run those tests last. Under
# pytest-xdist a worker receives files in batches, so a plain test may follow a
# flushed database; it gets back what the migrations wrote (root page, locales,
# groups), as the next serialized-rollback test would.
_flushed = {"yes": False}


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
    )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if _flushed["yes"] and not _transactional(item):
        from django.db import connections, transaction
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all(initialized_only=True):
                contents = getattr(connection, "_test_serialized_contents", None)
                if contents:
                    with transaction.atomic(using=connection.alias):
                        connection.creation.deserialize_db_from_string(contents)
        _flushed["yes"] = False


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    if _transactional(item):
        _flushed["yes"] = True


# Playwright's sync API runs an event loop in the test thread; the test only
# drives the browser while the live server thread touches the database.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def municipalities(db):
    if not Municipality.objects.exists():
        municipalities_load(directory=settings.MUNICIPALITY_DATA_DIR)


@pytest.fixture
def site(db):
    return build_site()


@pytest.fixture
def learner(municipalities):
    return UserFactory(email="apprenant@exemple.qc.ca")


@pytest.fixture
def trainer(municipalities):
    return UserFactory(email="formatrice@exemple.qc.ca", role="", group="Formateurs")


@pytest.fixture
def coordinator(municipalities):
    return UserFactory(
        email="coordo@exemple.qc.ca", role="", group="Coordonnateurs UMQ"
    )


@pytest.fixture(autouse=True)
def fresh_storage():
    """Each test starts with an empty in-memory file storage."""
    from django.core.files.storage import default_storage, storages

    storages._storages.pop("default", None)
    default_storage._setup()
    yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: what a previous test cached (a
    notice version, a page route) names rows its rollback removed."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def forget_structure():
    """Each test starts with no page tree remembered by this process
    (``courses.cache``): it names pages an earlier test's rollback removed.
    Apart from ``empty_cache``, which some modules override."""
    from core.local_cache import local_memos_clear
    from courses.cache import local_clear

    local_clear()
    local_memos_clear()
    yield


@pytest.fixture(autouse=True)
def french_by_default():
    """Each test starts in the site's language. A request through the test
    client leaves the language it asked for (English, say) active in this
    thread, which the next test's services would otherwise speak."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
