"""Metadata links (``source`` of sub-content metadata and of file copyright)
keep only http(s) URLs: the copyright dialog opens them."""

import pytest

from courses.h5p import read_package
from courses.h5p.metadata import is_web_url
from tests.courses.h5p_builders import (
    SUB_CONTENT_ID,
    build,
    package_files,
    with_content,
)

HOSTILE = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "ftp://exemple.ca/fichier",
    "",
]
KEPT = ["https://exemple.ca/photo", "http://exemple.ca", "HTTPS://EXEMPLE.CA/a?b=1"]


def content_of(**params):
    return read_package(build(with_content(**params))).content


def sub_content(source):
    return {
        "library": "H5P.Child 1.0",
        "params": {},
        "subContentId": SUB_CONTENT_ID,
        "metadata": {"title": "Photo", "license": "CC BY", "source": source},
    }


def image(source):
    return {
        "path": "https://exemple.ca/photo.png",
        "mime": "image/png",
        "copyright": {"license": "CC BY", "source": source},
    }


@pytest.mark.parametrize("source", HOSTILE)
def test_a_source_that_is_not_http_is_dropped(source):
    content = content_of(media=sub_content(source), image=image(source))

    assert "source" not in content["media"]["metadata"]
    assert "source" not in content["image"]["copyright"]


@pytest.mark.parametrize("source", KEPT)
def test_an_http_source_is_kept(source):
    content = content_of(media=sub_content(source), image=image(source))

    assert content["media"]["metadata"]["source"] == source
    assert content["image"]["copyright"]["source"] == source


@pytest.mark.parametrize(
    ("value", "web"),
    [*((u, False) for u in HOSTILE), *((u, True) for u in KEPT), (None, False)],
)
def test_is_web_url(value, web):
    assert is_web_url(value) is web


@pytest.mark.parametrize("source", HOSTILE)
def test_the_package_source_in_h5p_json_is_dropped_unless_a_web_url(source):
    files = package_files()
    files["h5p.json"] = {**files["h5p.json"], "source": source}

    package = read_package(build(files))

    assert "source" not in package.h5p_json
    assert "source" not in package.metadata


@pytest.mark.parametrize("source", KEPT)
def test_the_package_source_in_h5p_json_is_kept_when_a_web_url(source):
    files = package_files()
    files["h5p.json"] = {**files["h5p.json"], "source": source}

    assert read_package(build(files)).h5p_json["source"] == source
