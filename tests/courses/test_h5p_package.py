import io
import stat
import struct
import zipfile
from pathlib import Path

import pytest

from courses.h5p import (
    H5PLibrary,
    H5PPackage,
    H5PPackageError,
    LibraryRef,
    Limits,
    read_package,
)
from tests.courses.h5p_builders import (
    CHILD,
    MAIN,
    PNG,
    SUB_CONTENT_ID,
    build,
    library_json,
    package_files,
    ref,
    with_content,
)
from tests.h5p_fixtures import SAMPLES

NOT_ZIP = "Ce fichier n'est pas un paquet H5P lisible (archive ZIP invalide)."


def read(files=None, **kwargs) -> H5PPackage:
    return read_package(build(package_files() if files is None else files), **kwargs)


def refusal(files, **kwargs) -> H5PPackageError:
    with pytest.raises(H5PPackageError) as caught:
        read(files, **kwargs)
    return caught.value


def changed(**entries) -> dict:
    """The sample package with entries replaced (a None value removes one)."""
    files = package_files()
    for path, value in entries.items():
        if value is None:
            files.pop(path, None)
        else:
            files[path] = value
    return files


def h5p_json(**fields) -> dict:
    return {**package_files()["h5p.json"], **fields}


def main_library_json(**fields) -> dict:
    return {**package_files()[f"{MAIN}/library.json"], **fields}


# The valid package


def test_reads_a_minimal_package():
    package = read()

    assert package.title == "Exemple"
    assert package.language == "fr"
    assert package.main_library == LibraryRef("H5P.Sample", 1, 0)
    assert package.embed_types == ("div",)
    assert package.metadata == {
        "title": "Exemple",
        "license": "CC BY",
        "authors": [{"name": "Équipe Virage", "role": "Author"}],
    }
    assert package.content_files == {"images/photo.png": PNG}
    assert [library.folder for library in package.libraries] == [CHILD, MAIN]


def test_library_fields_come_from_library_json():
    sample = read().libraries[1]

    assert isinstance(sample, H5PLibrary)
    assert sample.ref == LibraryRef("H5P.Sample", 1, 0)
    assert (sample.patch, sample.title, sample.runnable) == (3, "Sample", True)
    assert sample.preloaded_js == ("scripts/sample.js",)
    assert sample.preloaded_css == ("styles/sample.css",)
    assert sample.preloaded_dependencies == (LibraryRef("H5P.Child", 1, 0),)
    assert sample.editor_dependencies == (LibraryRef("H5PEditor.Absent", 1, 0),)
    assert sample.semantics[0]["name"] == "question"
    assert sample.language_files == {"fr": {"semantics": []}}
    assert set(sample.files) == {
        "library.json",
        "semantics.json",
        "scripts/sample.js",
        "styles/sample.css",
        "language/fr.json",
    }


def test_reads_from_a_path(tmp_path):
    path = tmp_path / "exemple.h5p"
    path.write_bytes(build(package_files()).getvalue())

    assert read_package(path).title == "Exemple"
    assert read_package(str(path)).title == "Exemple"


def test_library_ref_text_forms():
    library = LibraryRef.parse("H5P.TrueFalse 1.6")

    assert library == LibraryRef("H5P.TrueFalse", 1, 6)
    assert library.folder == "H5P.TrueFalse-1.6"
    assert str(library) == "H5P.TrueFalse 1.6"


@pytest.mark.parametrize("text", ["H5P.TrueFalse", "H5P.TrueFalse 1", "a b 1.2", ""])
def test_library_ref_refuses_malformed_text(text):
    with pytest.raises(H5PPackageError):
        LibraryRef.parse(text)


def test_error_string_is_its_message():
    error = H5PPackageError("Message précis.", path="h5p.json", code="x")

    assert str(error) == error.message == "Message précis."
    assert (error.path, error.code) == ("h5p.json", "x")


# 1. The archive itself


@pytest.mark.parametrize(
    "data",
    [b"", b"Ceci n'est pas un zip.", build(package_files()).getvalue()[:-40]],
    ids=["empty", "text", "truncated"],
)
def test_refuses_what_is_not_a_zip(data):
    with pytest.raises(H5PPackageError) as caught:
        read_package(io.BytesIO(data))

    assert caught.value.message == NOT_ZIP
    assert caught.value.code == "not-zip"


def test_refuses_too_many_entries():
    error = refusal(package_files(), limits=Limits(max_entries=5))

    assert "trop de fichiers" in error.message
    assert "maximum 5" in error.message


# 2. Entry names


@pytest.mark.parametrize(
    "name",
    [
        "/etc/evil.js",
        "../evil.js",
        f"{MAIN}/../../evil.js",
        f"{MAIN}\\evil.js",
        "C:/evil.js",
        "content//photo.png",
    ],
)
def test_refuses_a_forbidden_path(name):
    error = refusal(changed(**{name: "x"}))

    assert error.message == f"Le paquet contient un chemin interdit : « {name} »."
    assert (error.path, error.code) == (name, "forbidden-path")


def test_refuses_a_symlink_entry():
    link = zipfile.ZipInfo(f"{MAIN}/scripts/link.js")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16

    error = refusal({**package_files(), link: "/etc/passwd"})

    assert error.path == f"{MAIN}/scripts/link.js"
    assert "chemin interdit" in error.message


def test_refuses_a_duplicated_entry():
    buffer = build(package_files())
    with (
        pytest.warns(UserWarning, match="Duplicate name"),
        zipfile.ZipFile(buffer, "a") as archive,
    ):
        archive.writestr("content/content.json", '{"question": "autre"}')
    buffer.seek(0)

    with pytest.raises(H5PPackageError) as caught:
        read_package(buffer)

    assert caught.value.path == "content/content.json"
    assert "deux fois" in caught.value.message


def test_skips_hidden_system_and_stray_entries():
    files = changed(
        **{
            "__MACOSX/content/._content.json": b"\x00\x05\x16\x07",
            ".DS_Store": b"\x00\x00\x00\x01Bud1",
            "content/.hidden": "secret",
            "content/_notes/evil.php": "<?php ?>",
            f"{MAIN}/.git/config": "[core]",
            "H5P_CONTENT_HERE.txt": "",
            "readme.php": "<?php ?>",
        }
    )
    files[zipfile.ZipInfo("content/images/")] = b""

    package = read(files)

    assert package.content_files == {"images/photo.png": PNG}
    assert ".git/config" not in package.libraries[1].files


# 3. Sizes


def test_refuses_an_oversized_file():
    files = changed(**{"content/big.txt": "x" * 5000})

    error = refusal(files, limits=Limits(max_file_bytes=4000))

    assert error.path == "content/big.txt"
    assert error.message.startswith("Le fichier « content/big.txt » est trop volumin")


def test_refuses_an_oversized_package():
    files = changed(**{"content/a.txt": "a" * 900, "content/b.txt": "b" * 900})

    error = refusal(files, limits=Limits(max_total_bytes=1500))

    assert "Le paquet décompressé est trop volumineux" in error.message
    assert error.code == "package-too-large"


def test_refuses_a_zip_bomb():
    files = changed(**{"content/bomb.txt": b"\x00" * (3 * 1024 * 1024)})

    error = refusal(files)

    assert error.path == "content/bomb.txt"
    assert "anormalement compressé" in error.message
    assert error.code == "zip-bomb"


def test_small_files_are_not_suspected_of_being_bombs():
    assert read(changed(**{"content/notes.txt": b" " * 100_000})).content_files


def _with_patched_size(name: str, size: int) -> io.BytesIO:
    """A package whose central directory lies about ``name``'s size."""
    data = bytearray(
        build(changed(**{name: "x" * 1000}), compression=zipfile.ZIP_STORED).getvalue()
    )
    encoded = name.encode()
    start = data.index(b"PK\x01\x02")
    while data[start + 46 : start + 46 + len(encoded)] != encoded:
        start = data.index(b"PK\x01\x02", start + 4)
    data[start + 24 : start + 28] = struct.pack("<I", size)
    return io.BytesIO(bytes(data))


@pytest.mark.parametrize("claimed", [10, 5000])
def test_refuses_a_header_lying_about_a_size(claimed):
    with pytest.raises(H5PPackageError) as caught:
        read_package(_with_patched_size("content/notes.txt", claimed))

    assert caught.value.path == "content/notes.txt"
    assert caught.value.code in {"corrupt", "size-mismatch"}
    assert "« content/notes.txt »" in caught.value.message


# 4. Extensions


@pytest.mark.parametrize(
    "name",
    [
        "content/x.php",
        "content/page.html",
        "content/images/logo.svg",
        "content/README",
        f"{MAIN}/setup.exe",
        f"{MAIN}/demo.html",
        f"{MAIN}/scripts/tool.PHP",
    ],
)
def test_refuses_a_forbidden_file_type(name):
    error = refusal(changed(**{name: "x"}))

    assert error.message == f"Type de fichier interdit : « {name} »."
    assert error.code == "forbidden-type"


def test_extensions_are_case_insensitive():
    files = changed(**{"content/images/PHOTO.JPG": PNG})

    assert "images/PHOTO.JPG" in read(files).content_files


# 5. h5p.json and content.json


def test_refuses_a_missing_h5p_json():
    error = refusal(changed(**{"h5p.json": None}))

    assert error.message == "Le fichier « h5p.json » est absent du paquet."


@pytest.mark.parametrize("path", ["h5p.json", "content/content.json"])
def test_refuses_invalid_json(path):
    error = refusal(changed(**{path: '{"title": "Exemple",'}))

    assert error.message == f"Le fichier « {path} » n'est pas un JSON valide."
    assert error.path == path


def test_refuses_json_that_is_not_an_object():
    error = refusal(changed(**{"h5p.json": ["Exemple"]}))

    assert error.message == "Le fichier « h5p.json » doit contenir un objet JSON."


def test_refuses_nan_in_json():
    error = refusal(changed(**{"content/content.json": '{"score": NaN}'}))

    assert error.path == "content/content.json"


@pytest.mark.parametrize(
    "field", ["title", "language", "mainLibrary", "embedTypes", "preloadedDependencies"]
)
def test_refuses_h5p_json_without_a_required_field(field):
    data = h5p_json()
    del data[field]

    error = refusal(changed(**{"h5p.json": data}))

    assert error.message == (
        f"Le champ obligatoire « {field} » est absent de « h5p.json »."
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ""),
        ("language", "français!"),
        ("mainLibrary", "H5P Sample"),
        ("embedTypes", []),
        ("embedTypes", ["span"]),
        ("embedTypes", "div"),
        ("preloadedDependencies", [{"machineName": "H5P.Sample"}]),
        ("preloadedDependencies", [ref("H5P.Sample", "un", 0)]),
        ("license", "WTFPL"),
        ("yearFrom", "vers 2020"),
        ("authors", [{"name": 42}]),
        ("source", ["https://exemple.ca"]),
    ],
)
def test_refuses_h5p_json_with_an_invalid_field(field, value):
    error = refusal(changed(**{"h5p.json": h5p_json(**{field: value})}))

    assert error.message.startswith(
        f"Le champ « {field} » de « h5p.json » est invalide"
    )
    assert error.code == "invalid-field"


def test_accepts_versions_written_as_strings():
    deps = [ref("H5P.Sample", "1", "0"), ref("H5P.Child", "1", "0")]

    package = read(changed(**{"h5p.json": h5p_json(preloadedDependencies=deps)}))

    assert package.preloaded_dependencies[0] == LibraryRef("H5P.Sample", 1, 0)


def test_refuses_a_main_library_missing_from_the_dependencies():
    data = h5p_json(preloadedDependencies=[ref("H5P.Child")])

    error = refusal(changed(**{"h5p.json": data}))

    assert "« H5P.Sample » ne figure pas dans les dépendances" in error.message


def test_refuses_a_missing_content_json():
    error = refusal(changed(**{"content/content.json": None}))

    assert error.message == "Le fichier « content/content.json » est absent du paquet."


def test_refuses_content_nested_beyond_reason():
    files = with_content()
    del files[f"{CHILD}/semantics.json"]
    deep = '{"x":' * 900 + "1" + "}" * 900
    files["content/content.json"] = (
        '{"media": {"library": "H5P.Child 1.0", "params": ' + deep + "}}"
    )

    error = refusal(files)

    assert error.path == "content/content.json"
    assert error.code in {"invalid-content", "invalid-json"}


def test_refuses_numbers_json_cannot_store():
    error = refusal(changed(**{"content/content.json": '{"score": 1e400}'}))

    assert error.message == (
        "Le fichier « content/content.json » n'est pas un JSON valide."
    )


def test_refuses_embed_types_that_are_not_strings():
    error = refusal(changed(**{"h5p.json": h5p_json(embedTypes=[["div"]])}))

    assert error.code == "invalid-field"


# 6. Library folders


def test_refuses_a_folder_without_library_json():
    error = refusal(changed(**{"H5P.Stray-1.0/stray.js": "x"}))

    assert error.path == "H5P.Stray-1.0/library.json"
    assert "« H5P.Stray-1.0 » n'a pas de fichier « library.json »" in error.message


@pytest.mark.parametrize(
    "field", ["title", "machineName", "majorVersion", "patchVersion", "runnable"]
)
def test_refuses_library_json_without_a_required_field(field):
    data = main_library_json()
    del data[field]

    error = refusal(changed(**{f"{MAIN}/library.json": data}))

    assert error.message == (
        f"Le champ obligatoire « {field} » est absent de « {MAIN}/library.json »."
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("majorVersion", -1),
        ("minorVersion", "0.1"),
        ("patchVersion", True),
        ("runnable", 2),
        ("preloadedJs", ["scripts/sample.js"]),
        ("preloadedDependencies", [{"machineName": "H5P.Child"}]),
    ],
)
def test_refuses_library_json_with_an_invalid_field(field, value):
    data = main_library_json(**{field: value})

    error = refusal(changed(**{f"{MAIN}/library.json": data}))

    assert error.message.startswith(
        f"Le champ « {field} » de « {MAIN}/library.json » est invalide"
    )


def test_refuses_a_folder_name_that_does_not_match_library_json():
    files = {
        (path.replace(MAIN, "H5P.Sample-1.1") if path.startswith(MAIN) else path): data
        for path, data in package_files().items()
    }

    error = refusal(files)

    assert error.message == (
        "Le dossier « H5P.Sample-1.1 » devrait s'appeler « H5P.Sample-1.0 » "
        "d'après son library.json."
    )


def test_refuses_a_preloaded_file_missing_from_the_folder():
    error = refusal(changed(**{f"{MAIN}/scripts/sample.js": None}))

    assert error.message == (
        f"Le fichier « {MAIN}/scripts/sample.js » déclaré dans "
        f"« {MAIN}/library.json » est absent du paquet."
    )


def test_refuses_a_preloaded_path_leaving_the_folder():
    data = main_library_json(preloadedJs=[{"path": "../H5P.Child-1.0/x.js"}])

    error = refusal(changed(**{f"{MAIN}/library.json": data}))

    assert "« ../H5P.Child-1.0/x.js »" in error.message


def test_refuses_semantics_that_are_not_a_list():
    error = refusal(changed(**{f"{MAIN}/semantics.json": {"name": "question"}}))

    assert error.message == (
        f"Le fichier « {MAIN}/semantics.json » doit contenir une liste JSON."
    )


def test_refuses_an_invalid_language_file():
    error = refusal(changed(**{f"{MAIN}/language/de.json": "{nicht json"}))

    assert error.message == (
        f"Le fichier « {MAIN}/language/de.json » n'est pas un JSON valide."
    )


def test_refuses_a_misnamed_language_file():
    error = refusal(changed(**{f"{MAIN}/language/fr_CA.json": {}}))

    assert error.path == f"{MAIN}/language/fr_CA.json"


# 7. Dependencies


def test_refuses_a_missing_direct_dependency():
    data = h5p_json(
        preloadedDependencies=[
            *h5p_json()["preloadedDependencies"],
            ref("H5P.Question", 1, 5),
        ]
    )

    error = refusal(changed(**{"h5p.json": data}))

    assert error.message == (
        "Bibliothèque manquante : « H5P.Question 1.5 » (requise par h5p.json)."
    )
    assert error.code == "missing-library"


def test_refuses_a_missing_transitive_dependency():
    child = library_json("H5P.Child", preloadedDependencies=[ref("H5P.Question", 1, 5)])

    error = refusal(changed(**{f"{CHILD}/library.json": child}))

    assert error.message == (
        "Bibliothèque manquante : « H5P.Question 1.5 » (requise par H5P.Child 1.0)."
    )
    assert error.path == f"{CHILD}/library.json"


def test_an_installed_library_satisfies_a_dependency():
    child = library_json("H5P.Child", preloadedDependencies=[ref("H5P.Question", 1, 5)])
    question = _installed_library("H5P.Question", 1, 5)
    asked = []

    def installed(wanted):
        asked.append(wanted)
        return question if wanted == question.ref else None

    package = read(changed(**{f"{CHILD}/library.json": child}), installed=installed)

    assert LibraryRef("H5P.Question", 1, 5) in asked
    assert [library.folder for library in package.libraries] == [CHILD, MAIN]


def test_editor_dependencies_are_not_required():
    assert read().libraries[1].editor_dependencies


def _installed_library(name, major, minor, semantics=None) -> H5PLibrary:
    return H5PLibrary(
        machine_name=name,
        major=major,
        minor=minor,
        patch=0,
        title=name,
        runnable=False,
        preloaded_js=(),
        preloaded_css=(),
        preloaded_dependencies=(),
        dynamic_dependencies=(),
        editor_dependencies=(),
        semantics=semantics,
        library_json={},
        language_files={},
        files={},
    )


# 8. Sanitising content.json


def test_html_text_keeps_allowed_tags_only():
    question = (
        '<p onclick="steal()">Qui <strong>gagne</strong> ?<script>alert(1)</script>'
        '<img src="x" onerror="alert(2)"><a href="javascript:alert(3)">piège</a> '
        '<a href="https://exemple.ca" onmouseover="x()">lien</a><h1>Titre</h1></p>'
    )

    content = read(with_content(question=question)).content

    assert content["question"] == (
        "<p>Qui <strong>gagne</strong> ?<a>piège</a> "
        '<a href="https://exemple.ca">lien</a></p>Titre'
    )


@pytest.mark.parametrize(
    "url",
    ["JavaScript:alert(1)", " java\tscript:alert(1)", "data:text/html,x", "vbscript:x"],
)
def test_html_text_drops_script_urls(url):
    content = read(with_content(question=f'<a href="{url}">x</a>')).content

    assert content["question"] == "<a>x</a>"


@pytest.mark.parametrize(
    "url", ["http://a.ca", "https://a.ca/?q=1", "mailto:a@b.ca", "ftp://a.ca", "page"]
)
def test_html_text_keeps_safe_urls(url):
    content = read(with_content(question=f'<a href="{url}">x</a>')).content

    assert content["question"] == f'<a href="{url}">x</a>'


def test_html_text_removes_embeds_with_their_content():
    question = (
        "<style>p{}</style><iframe src='https://x'>a</iframe><object>b</object>ok"
    )

    assert read(with_content(question=question)).content["question"] == "ok"


def test_html_styles_follow_the_field_semantics():
    question = '<p style="text-align: center; color: #ff0000; position: fixed">x</p>'

    content = read(with_content(question=question)).content

    assert content["question"] == '<p style="text-align: center;">x</p>'


def test_plain_text_is_escaped_without_double_encoding():
    media = {"library": "H5P.Child 1.0", "params": {"alt": "<b>Tom & J'ai</b> &amp;"}}

    content = read(with_content(media=media)).content

    assert content["media"]["params"]["alt"] == (
        "&lt;b&gt;Tom &amp; J&#039;ai&lt;/b&gt; &amp;"
    )


def test_plain_text_respects_max_length():
    assert read(with_content(plain="x" * 50)).content["plain"] == "x" * 20


def test_text_that_is_not_a_string_becomes_empty():
    assert read(with_content(plain=["liste"])).content["plain"] == ""


def test_unknown_fields_are_dropped():
    content = read(
        with_content(injected="<script>x</script>", ranges=[{"from": 1, "extra": 2}])
    ).content

    assert "injected" not in content
    assert content["ranges"] == [{"from": 1}]


def test_a_one_field_group_holds_the_bare_value():
    ranges = [{"from": 150, "feedback": "<b>Bravo</b>"}, "pas un groupe"]

    content = read(with_content(ranges=ranges)).content

    assert content["ranges"] == [{"from": 100, "feedback": "&lt;b&gt;Bravo&lt;/b&gt;"}]


@pytest.mark.parametrize(("value", "expected"), [("z", "a"), (["b"], "b"), (3, "a")])
def test_select_keeps_only_an_option(value, expected):
    assert read(with_content(choice=value)).content["choice"] == expected


@pytest.mark.parametrize(("value", "expected"), [(42, 10), (-3, 0), ("7", 7), ("x", 0)])
def test_number_is_clamped(value, expected):
    assert read(with_content(score=value)).content["score"] == expected


def test_boolean_falls_back_to_its_default():
    assert read(with_content(shuffle="yes")).content["shuffle"] is False


def test_sub_content_is_sanitised_with_its_own_semantics():
    media = {
        "library": "H5P.Child 1.0",
        "params": {
            "caption": "<em>ok</em><strong>gras</strong><script>x()</script>",
            "alt": "<i>photo</i>",
            "unknown": "x",
        },
        "subContentId": SUB_CONTENT_ID,
        "metadata": {"title": "<b>Photo</b>", "license": "Libre"},
        "extra": "x",
    }

    content = read(with_content(media=media)).content

    assert content["media"] == {
        "library": "H5P.Child 1.0",
        "params": {"caption": "<em>ok</em>gras", "alt": "&lt;i&gt;photo&lt;/i&gt;"},
        "subContentId": SUB_CONTENT_ID,
        "metadata": {"title": "&lt;b&gt;Photo&lt;/b&gt;", "license": "U"},
    }


def test_sub_content_of_a_library_not_offered_is_dropped():
    media = {"library": "H5P.Sample 1.0", "params": {}}

    assert "media" not in read(with_content(media=media)).content


def test_an_invalid_sub_content_id_is_dropped():
    media = {"library": "H5P.Child 1.0", "params": {}, "subContentId": "<x>"}

    assert read(with_content(media=media)).content["media"] == {
        "library": "H5P.Child 1.0",
        "params": {},
    }


def test_refuses_a_malformed_library_value():
    error = refusal(with_content(media={"library": "H5P.Child", "params": {}}))

    assert error.message == (
        "Valeur de bibliothèque invalide dans « content/content.json » : « H5P.Child »."
    )
    assert error.path == "content/content.json"


def test_params_of_a_library_without_semantics_are_only_scrubbed():
    files = with_content(
        media={
            "library": "H5P.Child 1.0",
            "params": {
                "free": '<img src="x" onerror="alert(1)"><script>x()</script>texte',
                "nested": [{"link": '<a href="javascript:x()">a</a>'}],
                "count": 3,
            },
        }
    )
    del files[f"{CHILD}/semantics.json"]

    params = read(files).content["media"]["params"]

    assert params == {
        "free": '<img src="x">texte',
        "nested": [{"link": "<a>a</a>"}],
        "count": 3,
    }


def test_installed_semantics_are_used_for_sub_content():
    files = with_content(media={"library": "H5P.Child 1.0", "params": {"alt": "<b>"}})
    files = {k: v for k, v in files.items() if not k.startswith(CHILD)}
    child = _installed_library(
        "H5P.Child", 1, 0, semantics=[{"name": "alt", "type": "text"}]
    )

    def installed(wanted):
        return child if wanted == child.ref else None

    params = read(files, installed=installed).content["media"]["params"]

    assert params == {"alt": "&lt;b&gt;"}


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        ("images/photo.png", True),
        ("https://exemple.ca/photo.png", True),
        ("images/absente.png", False),
        ("../images/photo.png", False),
        ("/etc/passwd", False),
        ("javascript:alert(1)", False),
        ('images/photo.png" onerror="x', False),
    ],
)
def test_image_path_must_be_a_content_file_or_a_web_url(path, kept):
    content = read(with_content(image={"path": path, "mime": "image/png"})).content

    assert ("image" in content) is kept


def test_image_keeps_known_keys_and_allowed_mime_types():
    image = {
        "path": "images/photo.png",
        "mime": "text/html",
        "width": "8px",
        "copyright": {"license": "CC BY", "author": "<b>A</b>", "evil": "x"},
        "onload": "x",
    }

    content = read(with_content(image=image)).content

    assert content["image"] == {
        "path": "images/photo.png",
        "width": 8,
        "copyright": {"license": "CC BY", "author": "&lt;b&gt;A&lt;/b&gt;"},
    }


def test_multiple_select_keeps_known_options():
    semantics = [
        {
            "name": "colours",
            "type": "select",
            "multiple": True,
            "options": [
                {"value": "red"},
                {"type": "optgroup", "options": [{"value": "blue"}]},
            ],
        }
    ]
    files = changed(**{f"{CHILD}/semantics.json": semantics})
    files["content/content.json"] = {
        "media": {
            "library": "H5P.Child 1.0",
            "params": {"colours": ["blue", "<b>", "red", {"x": 1}]},
        }
    }

    params = read(files).content["media"]["params"]

    assert params == {"colours": ["blue", "red"]}


def test_video_and_audio_keep_valid_sources_only():
    semantics = [
        {"name": "video", "type": "video"},
        {"name": "audio", "type": "audio"},
    ]
    files = changed(**{f"{CHILD}/semantics.json": semantics})
    files["content/content.json"] = {
        "media": {
            "library": "H5P.Child 1.0",
            "params": {
                "video": [
                    {
                        "path": "https://www.youtube.com/watch?v=abc",
                        "mime": "video/YouTube",
                        "quality": {"level": "1", "label": "<b>HD</b>"},
                    },
                    {"path": "videos/absente.mp4", "mime": "video/mp4"},
                ],
                "audio": [{"path": "data:audio/mp3;base64,AAAA"}],
            },
        }
    }

    params = read(files).content["media"]["params"]

    assert params == {
        "video": [
            {
                "path": "https://www.youtube.com/watch?v=abc",
                "mime": "video/YouTube",
                "quality": {"level": 1, "label": "&lt;b&gt;HD&lt;/b&gt;"},
            }
        ]
    }


# 9. SVG


def test_library_svgs_are_cleaned():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">'
        "<script>alert(2)</script><foreignObject><p>x</p></foreignObject>"
        '<a xlink:href="javascript:alert(3)"><rect onclick="x()" width="1"/></a>'
        '<image href="data:image/png;base64,AAAA"/>'
        '<image href="data:image/svg+xml;base64,AAAA"/>'
        '<set attributeName="href" to="javascript:alert(4)"/></svg>'
    )

    cleaned = read(changed(**{f"{MAIN}/icon.svg": svg})).libraries[1].files["icon.svg"]

    text = cleaned.decode()
    for dangerous in ("script", "onload", "onclick", "foreignObject", "javascript"):
        assert dangerous not in text
    assert "svg+xml" not in text
    assert 'href="data:image/png;base64,AAAA"' in text
    assert '<rect width="1"/>' in text


def test_svg_entities_are_not_expanded():
    svg = (
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">'
        '<!ENTITY lol "lollollollollollollollol">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;&lol;</text></svg>'
    )

    cleaned = read(changed(**{f"{MAIN}/icon.svg": svg})).libraries[1].files["icon.svg"]

    assert b"script" not in cleaned
    assert b"lol" not in cleaned
    assert b"DOCTYPE" not in cleaned


@pytest.mark.parametrize(
    "svg", ["<svg><g></svg>", "<html><script>x</script></html>", "pas du xml"]
)
def test_refuses_a_malformed_svg(svg):
    error = refusal(changed(**{f"{MAIN}/icon.svg": svg}))

    assert error.message == (
        f"Le fichier SVG « {MAIN}/icon.svg » est invalide ; "
        "il ne peut pas être nettoyé."
    )


# The real samples


def _sample(name: str) -> Path:
    return SAMPLES / name


def test_reads_the_true_false_sample():
    package = read_package(_sample("truefalse-hello-world.h5p"))

    assert package.title == "Hello World"
    assert package.main_library == LibraryRef("H5P.TrueFalse", 1, 6)
    assert len(package.libraries) == 10
    assert package.content["question"] == "<p>Is this false?</p>\n"
    assert package.content["correct"] == "false"


def test_reads_the_multiple_choice_sample():
    package = read_package(_sample("H5P.MultiChoice.h5p"))

    assert package.title == "Multiple Choice"
    assert package.main_library == LibraryRef("H5P.MultiChoice", 1, 14)
    assert len(package.libraries) == 13
    assert "images/file-5885c23902f31.jpg" in package.content_files
    assert "blackcurrant berry" in package.content["question"]
    image = package.content["media"]["type"]["params"]["file"]
    assert image["path"] == "images/file-5885c23902f31.jpg"
    assert [r["to"] for r in package.content["overallFeedback"]] == [0, 99, 100]
