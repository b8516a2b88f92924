"""The zip checks H5P and SCORM share (core.zipsafety), without a database:
each refusal is raised as the caller's error class, translated, with a code."""

import io
import stat
import zipfile

import pytest

from core.errors import ApplicationError
from core.zipsafety import ZipLimits, ZipRules, read_bounded, safe_entries

LIMITS = ZipLimits(max_file_bytes=4 * 1024 * 1024, max_total_bytes=5 * 1024 * 1024)


class PackageRefused(ApplicationError):
    def __init__(self, message, *, path=None, code="invalid"):
        super().__init__(message, code=code)
        self.path = path


RULES = ZipRules(error=PackageRefused)


def archive_of(*entries, compression=zipfile.ZIP_STORED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return zipfile.ZipFile(buffer)


def refusal(archive, rules=RULES, limits=LIMITS):
    with pytest.raises(PackageRefused) as caught:
        safe_entries(archive, limits, rules)
    return caught.value


@pytest.mark.parametrize(
    "name", ["/etc/passwd", "../x", "a/../../x", "a\\b", "C:x", "a//b", "a\x01b"]
)
def test_names_that_could_leave_the_package_are_refused(name):
    error = refusal(archive_of((name, "x")))
    assert error.code == "forbidden-path"
    assert error.path == name
    assert "chemin interdit" in error.message


def test_a_symlink_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo("lien")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    assert refusal(zipfile.ZipFile(buffer)).code == "forbidden-path"


def test_dot_segments_are_refused_only_when_the_reader_says_so():
    archive = archive_of(("./index.html", "x"))
    assert [i.filename for i in safe_entries(archive, LIMITS, RULES)] == [
        "./index.html"
    ]
    strict = ZipRules(error=PackageRefused, forbid_dot=True)
    assert refusal(archive, strict).code == "forbidden-path"


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_duplicates_are_refused_case_folded_when_asked():
    assert refusal(archive_of(("a.txt", "1"), ("a.txt", "2"))).code == (
        "duplicate-path"
    )
    archive = archive_of(("a.txt", "1"), ("A.TXT", "2"))
    assert len(safe_entries(archive, LIMITS, RULES)) == 2
    folded = ZipRules(error=PackageRefused, casefold=True)
    assert refusal(archive, folded).code == "duplicate-path"


def test_keep_skips_entries_and_may_refuse():
    archive = archive_of(("garde.txt", "1"), (".cache", "2"))
    rules = ZipRules(error=PackageRefused, keep=lambda name: not name.startswith("."))
    assert [i.filename for i in safe_entries(archive, LIMITS, rules)] == ["garde.txt"]


def test_too_many_files():
    archive = archive_of(*((f"f{n}", "x") for n in range(4)))
    limits = ZipLimits(max_file_bytes=10, max_total_bytes=100, max_entries=3)
    error = refusal(archive, limits=limits)
    assert error.code == "too-many-files" and "trop de fichiers" in error.message


def test_size_limits_per_file_and_in_all():
    big = b"x" * (5 * 1024 * 1024)
    assert refusal(archive_of(("gros.bin", big))).code == "file-too-large"
    three = b"y" * (3 * 1024 * 1024)
    error = refusal(archive_of(("a", three), ("b", three)))
    assert error.code == "package-too-large"


def test_a_compression_bomb_is_refused_above_the_floor():
    bomb = archive_of(("bombe", b"\0" * (2 * 1024 * 1024)), compression=8)
    error = refusal(bomb)
    assert error.code == "zip-bomb" and "anormalement compressé" in error.message
    small = archive_of(("petit.json", b" " * 100_000), compression=8)
    assert len(safe_entries(small, LIMITS, RULES)) == 1


def test_an_entry_read_is_bounded_by_its_announced_size():
    archive = archive_of(("a.txt", "bonjour"))
    info = archive.getinfo("a.txt")
    assert read_bounded(archive, info, PackageRefused) == b"bonjour"
    info.file_size = 20  # a central directory that lies
    with pytest.raises(PackageRefused) as caught:
        read_bounded(archive, info, PackageRefused)
    assert caught.value.code == "size-mismatch"
