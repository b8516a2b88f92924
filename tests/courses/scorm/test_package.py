"""The SCORM package reader: pure, no database."""

import io
import stat
import zipfile

import pytest

from courses.scorm import (
    SCORM_12,
    SCORM_2004_2,
    SCORM_2004_3,
    SCORM_2004_4,
    Limits,
    ScormPackageError,
    read_package,
)
from tests.fixtures.scorm.builders import (
    LOM_METADATA,
    manifest_12,
    manifest_2004,
    multi_sco_2004,
    single_sco_12,
    zip_bytes,
)


def read(files, **kwargs):
    return read_package(io.BytesIO(zip_bytes(files)), **kwargs)


def refusal(files, **kwargs) -> ScormPackageError:
    with pytest.raises(ScormPackageError) as caught:
        read(files, **kwargs)
    return caught.value


def test_single_sco_12():
    package = read(single_sco_12())
    assert package.version == SCORM_12
    assert package.title == "Cours SCORM 1.2"
    (item,) = package.items
    assert (item.identifier, item.title, item.href) == (
        "sco-1",
        "Module 1",
        "index.html",
    )
    assert item.is_sco and item.mastery_score == 0.8
    assert set(package.files) == {"imsmanifest.xml", "index.html", "shared/sco.js"}


@pytest.mark.parametrize(
    ("edition", "version"), [(2, SCORM_2004_2), (3, SCORM_2004_3), (4, SCORM_2004_4)]
)
def test_multi_sco_2004_editions(edition, version):
    package = read(multi_sco_2004(edition=edition))
    assert package.version == version
    assert [item.identifier for item in package.items] == [
        "sco-1",
        "sco-2",
        "ressource",
    ]
    assert [item.is_sco for item in package.items] == [True, True, False]
    assert [item.depth for item in package.items] == [1, 1, 1]
    assert package.items[0].href == "chapitre1/index.html"
    assert package.items[0].mastery_score == 0.8
    assert package.items[2].mastery_score is None


def test_version_from_namespaces_when_schemaversion_missing():
    files = single_sco_12()
    files["imsmanifest.xml"] = files["imsmanifest.xml"].replace(
        "<schemaversion>1.2</schemaversion>", ""
    )
    assert read(files).version == SCORM_12
    files = multi_sco_2004()
    files["imsmanifest.xml"] = files["imsmanifest.xml"].replace(
        "<schemaversion>2004 3rd Edition</schemaversion>", ""
    )
    assert read(files).version == SCORM_2004_3


def test_unknown_version_refused():
    files = single_sco_12()
    files["imsmanifest.xml"] = (
        files["imsmanifest.xml"]
        .replace(
            "<schemaversion>1.2</schemaversion>", "<schemaversion>9</schemaversion>"
        )
        .replace("http://www.imsproject.org/xsd/imscp_rootv1p1p2", "urn:autre")
        .replace("http://www.adlnet.org/xsd/adlcp_rootv1p2", "urn:adl")
    )
    error = refusal(files)
    assert error.code == "unknown-version"
    assert "Version SCORM non reconnue" in error.message


def test_metadata_inline_lom():
    package = read(single_sco_12(metadata=LOM_METADATA))
    assert package.metadata["title"] == "Gestion des matières résiduelles"
    assert package.metadata["description"] == "Un cours pour les municipalités."


def test_metadata_in_a_separate_file():
    files = multi_sco_2004(
        metadata="<adlcp:location>metadata/cours.xml</adlcp:location>"
    )
    files["metadata/cours.xml"] = LOM_METADATA
    assert read(files).metadata["title"] == "Gestion des matières résiduelles"


def test_mastery_score_optional_and_bounded():
    assert read(single_sco_12(mastery=None)).items[0].mastery_score is None
    assert read(single_sco_12(mastery=100)).items[0].mastery_score == 1
    assert refusal(single_sco_12(mastery=150)).code == "bad-mastery"
    assert refusal(single_sco_12(mastery="beaucoup")).code == "bad-mastery"
    assert refusal(multi_sco_2004(mastery=2)).code == "bad-mastery"
    assert read(multi_sco_2004(mastery=0.65)).items[1].mastery_score == 0.65


def test_parameters_and_xml_base():
    files = single_sco_12()
    files["imsmanifest.xml"] = (
        files["imsmanifest.xml"]
        .replace(
            'identifierref="res-sco-1"',
            'identifierref="res-sco-1" parameters="?page=2"',
        )
        .replace("<resources>", '<resources xml:base="contenu/">')
        .replace('href="index.html"', 'href="index.html?mode=lms"')
    )
    files["contenu/index.html"] = files.pop("index.html")
    assert read(files).items[0].href == "contenu/index.html?mode=lms&page=2"


def test_launch_data():
    files = single_sco_12()
    files["imsmanifest.xml"] = files["imsmanifest.xml"].replace(
        "</title><adlcp:masteryscore>",
        "</title><adlcp:datafromlms>niveau=2</adlcp:datafromlms><adlcp:masteryscore>",
    )
    assert read(files).items[0].launch_data == "niveau=2"


# Hostile or broken packages: every refusal has its code and a French message.


def test_not_a_zip():
    with pytest.raises(ScormPackageError) as caught:
        read_package(io.BytesIO(b"pas un zip"))
    assert caught.value.code == "not-zip"
    assert "archive ZIP invalide" in caught.value.message


@pytest.mark.parametrize(
    "path",
    [
        "/etc/passwd",
        "../evil.html",
        "a/../../evil.html",
        "a\\b.html",
        "C:/x.html",
        "a//b.html",
        "./index2.html",
        "bad\x01.html",
    ],
)
def test_forbidden_paths(path):
    files = single_sco_12()
    files[path] = "x"
    error = refusal(files)
    assert error.code == "forbidden-path"
    assert "chemin interdit" in error.message


def test_symlink_refused():
    buffer = io.BytesIO(zip_bytes(single_sco_12()))
    with zipfile.ZipFile(buffer, "a") as archive:
        info = zipfile.ZipInfo("lien.html")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    with pytest.raises(ScormPackageError) as caught:
        read_package(io.BytesIO(buffer.getvalue()))
    assert caught.value.code == "forbidden-path"


@pytest.mark.parametrize(
    "path",
    [
        "api/commit.php",
        "x.PHP",
        "old.php5",
        "x.phtml",
        "page.asp",
        "page.aspx",
        "page.jsp",
        "tool.py",
        "bin/run.cgi",
        "script.pl",
        "a.shtml",
        ".htaccess",
        "web.config",
        "x.php.html",
    ],
)
def test_server_side_scripts_refused(path):
    files = single_sco_12()
    files[path] = "<?php system($_GET['c']); ?>"
    error = refusal(files)
    assert error.code == "server-script"
    assert path in error.message and "côté serveur" in error.message


def test_duplicate_path_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, data in single_sco_12().items():
            archive.writestr(path, data)
        archive.writestr("INDEX.html", "x")
    with pytest.raises(ScormPackageError) as caught:
        read_package(io.BytesIO(buffer.getvalue()))
    assert caught.value.code == "duplicate-path"


def test_limits():
    assert refusal(single_sco_12(), limits=Limits(max_entries=2)).code == (
        "too-many-files"
    )
    assert refusal(single_sco_12(), limits=Limits(max_file_bytes=100)).code == (
        "file-too-large"
    )
    assert refusal(single_sco_12(), limits=Limits(max_total_bytes=3000)).code == (
        "package-too-large"
    )


def test_zip_bomb_refused():
    files = single_sco_12()
    files["video.mp4"] = b"\x00" * (3 * 1024 * 1024)
    error = refusal(files)
    assert error.code == "zip-bomb"
    assert "anormalement compressé" in error.message


def test_size_lie_refused():
    data = bytearray(zip_bytes(single_sco_12()))
    # Shrink index.html's announced size in the central directory.
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("index.html")
    central = -1
    offset = data.find(b"PK\x01\x02")
    while offset != -1:
        name_length = int.from_bytes(data[offset + 28 : offset + 30], "little")
        name = bytes(data[offset + 46 : offset + 46 + name_length])
        if name == b"index.html":
            central = offset
            break
        offset = data.find(b"PK\x01\x02", offset + 4)
    data[central + 24 : central + 28] = (info.file_size - 10).to_bytes(4, "little")
    with pytest.raises(ScormPackageError) as caught:
        read_package(io.BytesIO(bytes(data)))
    assert caught.value.code in ("size-mismatch", "corrupt")


def test_manifest_missing_or_in_a_folder():
    files = single_sco_12()
    files["cours/imsmanifest.xml"] = files.pop("imsmanifest.xml")
    error = refusal(files)
    assert error.code == "no-manifest"
    assert "imsmanifest.xml" in error.message


XXE = """<?xml version="1.0"?>
<!DOCTYPE manifest [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<manifest identifier="x" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2">
<organizations><organization identifier="o"><title>&xxe;</title></organization>
</organizations></manifest>"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<manifest identifier="x"><metadata><schemaversion>&lol4;</schemaversion></metadata>
</manifest>"""


@pytest.mark.parametrize("manifest", [XXE, BILLION_LAUGHS])
def test_entity_declarations_refused(manifest):
    files = single_sco_12()
    files["imsmanifest.xml"] = manifest
    error = refusal(files)
    assert error.code == "xml-declaration"
    assert "refusé par sécurité" in error.message


def test_xxe_in_utf16_refused_after_parsing():
    files = single_sco_12()
    files["imsmanifest.xml"] = XXE.replace(
        'version="1.0"?', 'version="1.0" encoding="UTF-16"?'
    ).encode("utf-16")
    assert refusal(files).code == "xml-declaration"


def test_entities_never_resolved_by_the_parser():
    from lxml import etree

    from courses.scorm.xml import _parser

    root = etree.fromstring(XXE.encode(), _parser())
    assert "root:" not in etree.tostring(root).decode()


def test_invalid_xml():
    files = single_sco_12()
    files["imsmanifest.xml"] = "<manifest><organizations>"
    error = refusal(files)
    assert error.code == "invalid-xml"
    assert "n'est pas un XML valide" in error.message


def test_no_organization():
    files = single_sco_12()
    files["imsmanifest.xml"] = manifest_12().replace(
        manifest_12()[
            manifest_12().index("<organizations") : manifest_12().index("<resources>")
        ],
        "",
    )
    assert refusal(files).code == "no-organization"


def test_no_launchable_item():
    files = single_sco_12()
    files["imsmanifest.xml"] = manifest_12(items=())
    assert refusal(files).code == "no-item"


def test_item_pointing_to_a_missing_resource():
    files = single_sco_12()
    files["imsmanifest.xml"] = files["imsmanifest.xml"].replace(
        'identifierref="res-sco-1"', 'identifierref="absente"'
    )
    error = refusal(files)
    assert error.code == "missing-resource"
    assert "absente" in error.message


def test_launch_file_missing_from_the_zip():
    files = single_sco_12()
    del files["index.html"]
    error = refusal(files)
    assert error.code == "missing-launch"
    assert "index.html" in error.message


def test_launch_outside_the_package_refused():
    files = single_sco_12()
    files["imsmanifest.xml"] = files["imsmanifest.xml"].replace(
        'href="index.html">', 'href="https://exemple.com/sco.html">'
    )
    assert refusal(files).code == "external-launch"
    files = single_sco_12()
    files["imsmanifest.xml"] = manifest_2004(
        items=(("a", "A", "../../etc/passwd", "sco"),)
    )
    assert refusal(files).code == "missing-launch"
