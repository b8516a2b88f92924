from pathlib import Path
from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError

from courses import h5p
from courses.models import H5PContent, H5PLibrary
from courses.services import H5PLibraryUpdatePending, h5p_content_import
from tests.courses.h5p_builders import build, library_json, package_files
from tests.h5p_fixtures import MULTI_CHOICE, TRUE_FALSE

pytestmark = pytest.mark.django_db


def stored_files(prefix="h5p"):
    found = []
    if not default_storage.exists(prefix):
        return found
    directories, files = default_storage.listdir(prefix)
    found += [f"{prefix}/{name}" for name in files]
    for directory in directories:
        found += stored_files(f"{prefix}/{directory}")
    return found


def test_true_false_sample_imports_with_its_libraries():
    content = h5p_content_import(source=TRUE_FALSE, filename=TRUE_FALSE.name)

    assert content.main_library.machine_name == "H5P.TrueFalse"
    assert content.title
    assert H5PLibrary.objects.count() == 10  # every library folder shipped
    required = {lib.machine_name for lib in content.libraries.all()}
    assert {"H5P.TrueFalse", "H5P.Question", "H5P.JoubelUI"} <= required
    library = content.main_library
    assert default_storage.exists(library.storage_path("library.json")) or (
        "library.json" not in library.files
    )
    for path in library.files:
        assert default_storage.exists(library.storage_path(path))


def test_multichoice_sample_keeps_its_images():
    content = h5p_content_import(source=MULTI_CHOICE, title="Choix multiple")

    assert content.title == "Choix multiple"
    images = [path for path in content.files if path.startswith("images/")]
    assert images
    for path in images:
        assert default_storage.exists(content.storage_path(f"content/{path}"))


def test_libraries_are_shared_between_contents():
    first = h5p_content_import(source=TRUE_FALSE)
    count = H5PLibrary.objects.count()

    second = h5p_content_import(source=TRUE_FALSE)

    assert H5PLibrary.objects.count() == count
    assert set(first.libraries.all()) == set(second.libraries.all())
    assert first.storage_path() != second.storage_path()


def test_a_newer_patch_replaces_the_library_files():
    h5p_content_import(source=build(package_files()))
    old = H5PLibrary.objects.get(machine_name="H5P.Sample")
    old_js = old.storage_path("scripts/sample.js")
    files = package_files()
    files["H5P.Sample-1.0/library.json"] = library_json(
        "H5P.Sample",
        runnable=1,
        patchVersion=9,
        preloadedJs=[{"path": "scripts/sample.js"}],
        preloadedCss=[{"path": "styles/sample.css"}],
        preloadedDependencies=[
            {"machineName": "H5P.Child", "majorVersion": 1, "minorVersion": 0}
        ],
    )

    with pytest.raises(H5PLibraryUpdatePending) as pending:
        h5p_content_import(source=build(files))
    h5p_content_import(source=build(files), confirmed_updates=pending.value.fingerprint)

    new = H5PLibrary.objects.get(machine_name="H5P.Sample")
    assert (new.pk, new.patch_version) == (old.pk, 9)
    assert default_storage.exists(new.storage_path("scripts/sample.js"))
    assert not default_storage.exists(old_js)


def test_an_older_patch_keeps_the_installed_one():
    files = package_files()
    files["H5P.Sample-1.0/library.json"]["patchVersion"] = 9
    h5p_content_import(source=build(files))

    h5p_content_import(source=build(package_files()))  # patch 3

    assert H5PLibrary.objects.get(machine_name="H5P.Sample").patch_version == 9


def test_a_refused_package_leaves_no_row_and_no_file():
    files = package_files()
    files["content/evil.php"] = "<?php system($_GET['c']);"

    with pytest.raises(h5p.H5PPackageError) as error:
        h5p_content_import(source=build(files))

    assert "content/evil.php" in error.value.message
    assert not H5PContent.objects.exists() and not H5PLibrary.objects.exists()
    assert stored_files() == []


def test_a_failure_while_storing_removes_what_was_written():
    real_save = default_storage.save
    calls = {"n": 0}

    def failing_save(name, content, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError("disque plein")
        return real_save(name, content, *args, **kwargs)

    with mock.patch.object(default_storage, "save", side_effect=failing_save):
        with pytest.raises(OSError):
            h5p_content_import(source=build(package_files()))

    assert not H5PContent.objects.exists() and not H5PLibrary.objects.exists()
    assert stored_files() == []


def test_a_dependency_already_installed_need_not_be_shipped():
    h5p_content_import(source=build(package_files()))
    files = {k: v for k, v in package_files().items() if not k.startswith("H5P.Child")}

    content = h5p_content_import(source=build(files))

    assert {lib.machine_name for lib in content.libraries.all()} == {
        "H5P.Sample",
        "H5P.Child",
    }


def test_command_prints_the_new_id(capsys):
    call_command("import_h5p", str(TRUE_FALSE), "--title", "Vrai ou faux")

    content = H5PContent.objects.get()
    assert capsys.readouterr().out.strip() == str(content.pk)
    assert content.title == "Vrai ou faux"


def test_command_refuses_a_bad_package_and_stores_nothing(tmp_path):
    bad = tmp_path / "corrompu.h5p"
    bad.write_bytes(b"pas un zip")

    with pytest.raises(CommandError, match="archive ZIP invalide"):
        call_command("import_h5p", str(bad))

    assert not H5PContent.objects.exists()


def test_command_exit_code_and_stderr(tmp_path):
    import subprocess
    import sys

    bad = tmp_path / "corrompu.h5p"
    bad.write_bytes(b"pas un zip")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_h5p", str(bad)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
        check=False,
    )

    assert result.returncode != 0
    assert "archive ZIP invalide" in result.stderr
    assert result.stdout == ""
