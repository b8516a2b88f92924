"""Issue 10 §2: installing or updating an H5P library is an administrator's
act; anyone else may only use the libraries already installed."""

import hashlib

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError

from courses import h5p
from courses.models import H5PContent, H5PLibrary, H5PLibraryInstall
from courses.services import (
    H5PLibraryUpdatePending,
    h5p_content_import,
    h5p_library_install_allowed,
)
from tests.courses.h5p_builders import MAIN, build, package_files, ref
from tests.courses.library_packages import (
    INJECTED,
    MULTI_CHOICE_JS,
    attack,
    multichoice,
)
from tests.courses.library_packages import package_files as real_files
from tests.factories import UserFactory
from tests.h5p_fixtures import MULTI_CHOICE, TRUE_FALSE

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(municipalities):
    return UserFactory(email="admin@exemple.qc.ca", role="", group="Administrateurs")


@pytest.fixture
def installed():
    """The MultiChoice sample installed by the operator."""
    h5p_content_import(source=MULTI_CHOICE, filename=MULTI_CHOICE.name)
    return H5PLibrary.objects.get(machine_name="H5P.MultiChoice")


def stored(library, path=MULTI_CHOICE_JS) -> bytes:
    with default_storage.open(library.storage_path(path)) as file:
        return file.read()


def test_only_administrators_and_the_operator_may_install(
    administrator, trainer, coordinator
):
    assert h5p_library_install_allowed(user=None)
    assert h5p_library_install_allowed(user=administrator)
    assert not h5p_library_install_allowed(user=trainer)
    assert not h5p_library_install_allowed(user=coordinator)


def test_trainer_attack_is_refused_and_the_installed_library_is_unchanged(
    installed, trainer
):
    script, contents = stored(installed), H5PContent.objects.count()

    with pytest.raises(h5p.H5PPackageError) as error:
        h5p_content_import(source=attack(), filename="attaque.h5p", user=trainer)

    version = f"1.14.{installed.patch_version + 1}"
    assert f"« H5P.MultiChoice {version} »" in error.value.message
    assert "un administrateur" in error.value.message
    assert error.value.code == "library-newer-than-installed"
    library = H5PLibrary.objects.get(pk=installed.pk)
    assert library.patch_version == installed.patch_version
    assert stored(library) == script and INJECTED not in script
    assert H5PContent.objects.count() == contents
    assert H5PLibraryInstall.objects.filter(library=library).count() == 1


def test_coordinator_is_refused_like_a_trainer(installed, coordinator):
    with pytest.raises(h5p.H5PPackageError, match="un administrateur"):
        h5p_content_import(source=attack(), user=coordinator)


def test_trainer_uses_installed_libraries_and_ignores_the_packaged_ones(
    installed, trainer
):
    script, installs = stored(installed), H5PLibraryInstall.objects.count()
    tampered = multichoice(js_suffix=INJECTED)  # same patch, other code

    content = h5p_content_import(source=tampered, user=trainer)

    assert content.uploaded_by == trainer
    assert content.main_library == installed
    library = H5PLibrary.objects.get(pk=installed.pk)
    assert (library.installed_by, library.updated_at) == (None, installed.updated_at)
    assert stored(library) == script
    assert H5PLibraryInstall.objects.count() == installs


def test_trainer_package_with_an_older_patch_uses_the_installed_one(installed, trainer):
    content = h5p_content_import(source=multichoice(patch_offset=-1), user=trainer)

    assert content.main_library.patch_version == installed.patch_version


def test_trainer_package_needing_a_missing_library_is_refused(trainer):
    with pytest.raises(h5p.H5PPackageError) as error:
        h5p_content_import(source=TRUE_FALSE, user=trainer)

    assert "« H5P.TrueFalse 1.6." in error.value.message
    assert "n'est pas installée" in error.value.message
    assert "un administrateur" in error.value.message
    assert not H5PLibrary.objects.exists() and not H5PContent.objects.exists()
    assert not default_storage.exists("h5p")


def test_trainer_package_needing_a_newer_minor_is_refused(trainer):
    h5p_content_import(source=build(package_files()))
    files = package_files()
    newer = {k.replace(MAIN, "H5P.Sample-1.1"): v for k, v in files.items()}
    newer["H5P.Sample-1.1/library.json"]["minorVersion"] = 1
    newer["h5p.json"]["preloadedDependencies"] = [
        ref("H5P.Sample", 1, 1),
        ref("H5P.Child"),
    ]

    with pytest.raises(h5p.H5PPackageError, match="« H5P.Sample 1.1.3 »"):
        h5p_content_import(source=build(newer), user=trainer)


def test_trainer_content_is_sanitised_by_the_installed_semantics(trainer):
    h5p_content_import(source=build(package_files()))
    files = package_files()
    files[f"{MAIN}/semantics.json"][0]["tags"] += ["u"]  # shipped, ignored
    files["content/content.json"]["question"] = "<p><u>souligné</u></p>"

    content = h5p_content_import(source=build(files), user=trainer)

    assert "<u>" not in content.content_json["question"]


def test_administrator_installs_and_the_install_is_logged(administrator):
    content = h5p_content_import(
        source=MULTI_CHOICE, filename="choix.h5p", user=administrator
    )

    library = content.main_library
    assert (library.installed_by, library.origin_filename) == (
        administrator,
        "choix.h5p",
    )
    shipped = real_files(MULTI_CHOICE)
    assert (
        library.file_hashes[MULTI_CHOICE_JS]
        == hashlib.sha256(
            shipped[f"H5P.MultiChoice-1.14/{MULTI_CHOICE_JS}"]
        ).hexdigest()
    )
    assert len(library.files_sha256) == 64
    log = H5PLibraryInstall.objects.get(library=library)
    assert (log.version_before, log.version_after) == ("", library.version)
    assert (log.installed_by, log.origin_filename) == (administrator, "choix.h5p")
    assert MULTI_CHOICE_JS in log.files_added and not log.files_modified


def test_an_update_needs_confirmation_and_lists_the_changed_files(
    installed, administrator
):
    script = stored(installed)

    with pytest.raises(H5PLibraryUpdatePending) as pending:
        h5p_content_import(source=attack(), user=administrator)

    (change,) = pending.value.changes
    assert change.machine_name == "H5P.MultiChoice"
    assert (change.version_before, change.version_after) == (
        installed.version,
        f"1.14.{installed.patch_version + 1}",
    )
    assert change.files.modified == ("js/multichoice.js", "library.json")
    assert change.files.added == change.files.removed == ()
    library = H5PLibrary.objects.get(pk=installed.pk)
    assert library.patch_version == installed.patch_version
    assert stored(library) == script
    assert H5PContent.objects.count() == 1


def test_a_wrong_confirmation_applies_nothing(installed, administrator):
    with pytest.raises(H5PLibraryUpdatePending):
        h5p_content_import(
            source=attack(), user=administrator, confirmed_updates="0" * 64
        )

    assert H5PLibrary.objects.get(pk=installed.pk).version == installed.version


def test_a_confirmed_update_replaces_the_files_and_is_logged(installed, administrator):
    old_script = installed.storage_path(MULTI_CHOICE_JS)
    with pytest.raises(H5PLibraryUpdatePending) as pending:
        h5p_content_import(source=attack(), user=administrator)

    h5p_content_import(
        source=attack(),
        filename="maj.h5p",
        user=administrator,
        confirmed_updates=pending.value.fingerprint,
    )

    library = H5PLibrary.objects.get(pk=installed.pk)
    assert library.patch_version == installed.patch_version + 1
    assert stored(library).endswith(INJECTED)
    assert not default_storage.exists(old_script)
    assert library.installed_by == administrator
    log = library.installs.first()
    assert (log.version_before, log.version_after) == (
        installed.version,
        library.version,
    )
    assert log.files_modified == ["js/multichoice.js", "library.json"]
    assert log.origin_filename == "maj.h5p"
    assert library.installs.count() == 2


def test_the_operator_installs_as_nobody(installed):
    log = installed.installs.get()

    assert installed.installed_by is None and log.installed_by is None
    assert installed.installer == log.installer == "opérateur"


# The import_h5p command


def attack_file(tmp_path):
    path = tmp_path / "attaque.h5p"
    path.write_bytes(attack().getvalue())
    return path


def test_command_as_a_trainer_refuses_a_library_update(tmp_path, installed, trainer):
    with pytest.raises(CommandError, match="un administrateur") as error:
        call_command("import_h5p", str(attack_file(tmp_path)), "--as", trainer.email)

    assert error.value.returncode == 1
    assert H5PLibrary.objects.get(pk=installed.pk).version == installed.version


def test_command_as_a_trainer_refuses_a_new_library(trainer):
    with pytest.raises(CommandError, match="H5P.TrueFalse"):
        call_command("import_h5p", str(TRUE_FALSE), "--as", trainer.email)

    assert not H5PContent.objects.exists()


def test_command_as_an_administrator_installs(administrator, capsys):
    call_command("import_h5p", str(TRUE_FALSE), "--as", administrator.email.upper())

    content = H5PContent.objects.get()
    assert capsys.readouterr().out.strip() == str(content.pk)
    assert content.main_library.installed_by == administrator


def test_command_with_an_unknown_email_is_refused():
    with pytest.raises(CommandError, match="personne@ailleurs.example") as error:
        call_command("import_h5p", str(TRUE_FALSE), "--as", "personne@ailleurs.example")

    assert error.value.returncode == 1
    assert not H5PContent.objects.exists()


def test_command_as_operator_applies_an_update_and_reports_it(
    tmp_path, installed, capsys
):
    call_command("import_h5p", str(attack_file(tmp_path)))

    assert H5PLibrary.objects.get(pk=installed.pk).version != installed.version
    assert "Mise à jour de H5P.MultiChoice" in capsys.readouterr().err


def test_the_hashes_are_those_of_the_stored_files(installed):
    hashes = {
        path: hashlib.sha256(stored(installed, path)).hexdigest()
        for path in installed.files
    }

    assert installed.file_hashes == hashes
    assert installed.files_sha256 == h5p.files_sha256(hashes)
