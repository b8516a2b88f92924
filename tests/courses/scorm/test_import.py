import io
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError

from courses.models import ScormPackage, ScormSco
from courses.scorm import ScormPackageError
from courses.scorm.services import scorm_package_import
from tests.fixtures.scorm.builders import (
    LOM_METADATA,
    multi_sco_2004,
    single_sco_12,
    zip_bytes,
)

pytestmark = pytest.mark.django_db


def stored_files(prefix="scorm"):
    if not default_storage.exists(prefix):
        return []
    directories, files = default_storage.listdir(prefix)
    found = [f"{prefix}/{name}" for name in files]
    for directory in directories:
        found += stored_files(f"{prefix}/{directory}")
    return found


def test_import_stores_rows_and_files():
    package = scorm_package_import(
        source=io.BytesIO(zip_bytes(multi_sco_2004(edition=4, metadata=LOM_METADATA))),
        licence="CC BY",
        author="MRC de Test",
        filename="cours.zip",
    )

    assert package.version == "2004-4"
    assert package.title == "Cours SCORM 2004"
    assert package.metadata["title"] == "Gestion des matières résiduelles"
    assert package.licence_label == "CC BY"
    assert package.author == "MRC de Test"
    scos = list(package.scos.all())
    assert [(s.position, s.identifier, s.is_sco) for s in scos] == [
        (0, "sco-1", True),
        (1, "sco-2", True),
        (2, "ressource", False),
    ]
    assert scos[0].mastery_score == 0.8
    assert sorted(stored_files()) == sorted(
        package.storage_path(path) for path in package.files
    )
    assert default_storage.open(package.storage_path("shared/sco.js")).read()


def test_title_given_wins():
    package = scorm_package_import(
        source=io.BytesIO(zip_bytes(single_sco_12())), title="Mon cours"
    )
    assert package.title == "Mon cours" and package.version == "1.2"


def test_a_refused_package_leaves_nothing():
    files = single_sco_12()
    files["imsmanifest.xml"] = (
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x/>'
    )
    with pytest.raises(ScormPackageError):
        scorm_package_import(source=io.BytesIO(zip_bytes(files)))
    assert not ScormPackage.objects.exists() and stored_files() == []


def test_a_failure_while_storing_removes_what_was_written():
    real_save = default_storage.save
    calls = {"n": 0}

    def failing_save(name, content, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disque plein")
        return real_save(name, content, *args, **kwargs)

    with mock.patch.object(default_storage, "save", side_effect=failing_save):
        with pytest.raises(OSError):
            scorm_package_import(source=io.BytesIO(zip_bytes(multi_sco_2004())))

    assert not ScormPackage.objects.exists() and not ScormSco.objects.exists()
    assert stored_files() == []


def test_command_prints_the_new_id(tmp_path, capsys):
    path = tmp_path / "cours.zip"
    path.write_bytes(zip_bytes(single_sco_12()))

    call_command("import_scorm", str(path), "--title", "Cours importé")

    package = ScormPackage.objects.get()
    assert capsys.readouterr().out.strip() == str(package.pk)
    assert package.title == "Cours importé" and package.source_filename == "cours.zip"


def test_command_refuses_a_bad_package(tmp_path):
    bad = tmp_path / "cours.zip"
    bad.write_bytes(b"pas un zip")
    with pytest.raises(CommandError, match="archive ZIP invalide"):
        call_command("import_scorm", str(bad))
    assert not ScormPackage.objects.exists()


def test_command_exit_code_and_stderr(tmp_path):
    bad = tmp_path / "cours.zip"
    files = single_sco_12()
    files["api/commit.php"] = "<?php ?>"
    bad.write_bytes(zip_bytes(files))
    result = subprocess.run(
        [sys.executable, "manage.py", "import_scorm", str(bad)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[3],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
        check=False,
    )
    assert result.returncode == 1
    assert "api/commit.php" in result.stderr and "côté serveur" in result.stderr
    assert result.stdout == ""
