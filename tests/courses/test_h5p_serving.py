"""The player's files, the lesson block, the admin upload and French strings."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from courses.files import RangeNotSatisfiable, byte_range
from courses.models import H5PContent, LessonPage
from courses.player import content_key
from courses.services import h5p_content_import
from tests.courses.h5p_builders import build, package_files
from tests.h5p_fixtures import TRUE_FALSE
from tests.refusals import staff_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(db):
    return h5p_content_import(source=build(package_files()), title="Exemple")


PLAYER = "h5p.testserver"


def player_base(content):
    return f"/h5p/lecteur/{content.pk}/{content_key(content.pk)}"


def on_player(client, url, **headers):
    return client.get(url, HTTP_HOST=PLAYER, **headers)


def test_content_files_are_served_on_the_player_host_by_key(client, content):
    base = player_base(content)

    assert on_player(client, f"{base}/h5p.json").json()["mainLibrary"] == "H5P.Sample"
    assert "question" in on_player(client, f"{base}/fr-ca/content/content.json").json()
    image = on_player(client, f"{base}/fr-ca/content/images/photo.png")
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert image["X-Content-Type-Options"] == "nosniff"
    assert image["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "immutable" in image["Cache-Control"]
    assert not image.cookies


def test_a_wrong_key_or_the_site_host_finds_nothing(client, content, learner):
    wrong = f"/h5p/lecteur/{content.pk}/{'0' * 32}"
    other = f"/h5p/lecteur/{content.pk + 1}/{content_key(content.pk)}"
    client.force_login(learner)

    assert on_player(client, f"{wrong}/h5p.json").status_code == 404
    assert on_player(client, f"{other}/h5p.json").status_code == 404
    # The site's own host serves no H5P file, even to a signed-in learner…
    assert client.get(f"{player_base(content)}/h5p.json").status_code == 404
    assert (
        client.get(
            f"/h5p/bibliotheques/{content.main_library.folder}/library.json"
        ).status_code
        == 404
    )
    # … and the player's host answers none of the site's URLs.
    assert on_player(client, "/compte/mon-parcours/").status_code == 404
    assert on_player(client, "/admin/").status_code == 404
    assert on_player(client, "/xapi/statements").status_code == 404


def test_the_player_page_is_framed_only_by_the_site(client, content):
    url = f"{player_base(content)}/?langue=fr-ca&parent=http://testserver"
    page = on_player(client, url)

    assert page.status_code == 200
    policy = page["Content-Security-Policy"]
    assert "frame-ancestors http://testserver" in policy
    assert "connect-src 'self'" in policy and "form-action 'none'" in policy
    assert "X-Frame-Options" not in page
    assert "main.bundle.js" in page.content.decode()
    assert not page.cookies
    for parent in ("http://evil.example", "http://h5p.testserver", "javascript:x", ""):
        refused = on_player(client, f"{player_base(content)}/?parent={parent}")
        assert refused.status_code == 404, parent


def test_content_files_are_served_by_byte_ranges(client, content):
    url = f"{player_base(content)}/fr-ca/content/images/photo.png"
    whole = b"".join(on_player(client, url).streaming_content)
    size = len(whole)

    def read(header):
        response = on_player(client, url, HTTP_RANGE=header)
        return response, b"".join(response.streaming_content)

    part, data = read("bytes=4-9")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 4-9/{size}"
    assert part["Content-Length"] == "6"
    assert part["Accept-Ranges"] == "bytes"
    assert data == whole[4:10]
    assert read("bytes=-3")[1] == whole[-3:]
    assert read(f"bytes={size - 2}-")[1] == whole[-2:]
    past = on_player(client, url, HTTP_RANGE=f"bytes={size}-")
    assert past.status_code == 416 and past["Content-Range"] == f"bytes */{size}"


@pytest.mark.parametrize(
    "header, expected",
    [
        (None, None),
        ("bytes=0-99", (0, 99)),
        ("bytes=900-2000", (900, 999)),
        ("bytes=-100", (900, 999)),
        ("bytes=-5000", (0, 999)),
        ("bytes=10-", (10, 999)),
        ("bytes=0-1,5-9", None),  # several ranges: the whole file
        ("items=0-9", None),
        ("bytes=abc", None),
        ("bytes=9-3", None),
        ("bytes=--5", None),  # malformed: ignored, as RFC 9110 says
        ("bytes=+3-", None),
        ("bytes=1_0-", None),
        ("bytes=-", None),
    ],
)
def test_byte_range_reading(header, expected):
    assert byte_range(header, 1000) == expected


@pytest.mark.parametrize(
    "header, size",
    [("bytes=1000-", 1000), ("bytes=-0", 1000), ("bytes=-5", 0), ("bytes=0-", 0)],
)
def test_byte_ranges_past_the_end_are_not_satisfiable(header, size):
    with pytest.raises(RangeNotSatisfiable):
        byte_range(header, size)


def test_a_partial_response_closes_its_file_even_unread():
    import io

    from django.http import StreamingHttpResponse

    from courses.files import FilePart

    read, unread = io.BytesIO(b"0123456789"), io.BytesIO(b"0123456789")
    read.seek(2)
    response = StreamingHttpResponse(FilePart(read, 5))
    assert b"".join(response.streaming_content) == b"23456"
    response.close()
    StreamingHttpResponse(FilePart(unread, 5)).close()

    assert read.closed and unread.closed


@pytest.mark.parametrize(
    "path", ["../h5p.json", "images/../../x", "images/absent.png", "content.json.bak"]
)
def test_content_paths_outside_the_package_are_not_found(client, content, path):
    url = f"{player_base(content)}/fr-ca/content/{path}"

    assert on_player(client, url).status_code == 404


def test_library_files_are_served_by_folder(client, content):
    library = content.main_library
    base = f"/h5p/bibliotheques/{library.folder}"

    assert (
        on_player(client, f"{base}/library.json").json()["machineName"] == "H5P.Sample"
    )
    script = on_player(client, f"{base}/scripts/sample.js")
    assert script.status_code == 200
    assert b"H5P.Sample" in b"".join(script.streaming_content)
    assert "max-age=3600" in script["Cache-Control"]
    assert script["Content-Security-Policy"] == "default-src 'none'; sandbox"
    past = on_player(client, f"{base}/scripts/sample.js", HTTP_RANGE="bytes=99999-")
    assert past.status_code == 416 and not past.has_header("Cache-Control")
    assert on_player(client, f"{base}/../secret").status_code == 404
    absent = "/h5p/bibliotheques/H5P.Absent-9.9/library.json"
    assert on_player(client, absent).status_code == 404


def test_content_json_uses_the_library_french_strings(client):
    content = h5p_content_import(source=TRUE_FALSE)
    base = player_base(content)

    french = on_player(client, f"{base}/fr-ca/content/content.json").json()
    english = on_player(client, f"{base}/en/content/content.json").json()
    stored = content.content_json["l10n"]

    assert stored["trueText"] == "True"
    assert french["l10n"]["trueText"] == "Vrai"
    assert french["l10n"]["checkAnswer"] != stored["checkAnswer"]
    assert english["l10n"]["trueText"] == "True"


def add_h5p_block(lesson, content, **options):
    lesson.body.append(
        (
            "h5p",
            {
                "content": content,
                "grading_method": "highest",
                "completion_rule": "completed",
                "pass_threshold": 70,
                **options,
            },
        )
    )
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk)


def test_lesson_block_is_a_light_launcher_with_player_options(
    client, site, content, learner
):
    lesson = add_h5p_block(site["lesson"], content)
    block_id = [b.id for b in lesson.body if b.block_type == "h5p"][0]
    client.force_login(learner)

    page = client.get(lesson.url).content.decode()

    assert "Commencer l&#x27;exercice" in page or "Commencer l'exercice" in page
    assert "courses/h5p-player.js" in page
    assert "main.bundle.js" not in page  # loaded only when opened
    options_id = f"h5p-{block_id}-options"
    start = page.index(f'id="{options_id}"')
    options = json.loads(
        page[page.index(">", start) + 1 : page.index("</script>", start)]
    )
    assert options["iri"].endswith(
        f"/xapi/activites/{content.pk}/{lesson.pk}/{block_id}"
    )
    assert options["user"]["mail"] == learner.email
    assert options["lesson"] == lesson.pk and options["block"] == block_id
    assert options["launchUrl"] == "/h5p/lancements"
    assert options["preview"] is False
    assert content_key(content.pk) not in page  # handed out by the launch only


def test_anonymous_visitors_get_no_player(client, site, content):
    lesson = add_h5p_block(site["lesson"], content)

    page = client.get(lesson.url).content.decode()

    assert "h5p-player.js" not in page and "data-h5p-player" not in page


def test_trainer_uploads_a_package_in_the_admin(client, site, trainer):
    h5p_content_import(source=build(package_files()))  # its libraries, installed
    client.force_login(trainer)
    upload = SimpleUploadedFile("exemple.h5p", build(package_files()).getvalue())

    response = client.post(
        "/admin/snippets/courses/h5pcontent/add/", {"title": "", "package": upload}
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    content = H5PContent.objects.get(uploaded_by=trainer)
    assert (content.title, content.uploaded_by) == ("Exemple", trainer)
    assert content.source_filename == "exemple.h5p"


def test_admin_upload_of_a_bad_package_shows_why_and_stores_nothing(
    client, site, trainer
):
    client.force_login(trainer)
    files = package_files()
    files["../evil.js"] = "alert(1)"
    upload = SimpleUploadedFile("piege.h5p", build(files).getvalue())

    response = client.post(
        "/admin/snippets/courses/h5pcontent/add/", {"title": "", "package": upload}
    )

    assert response.status_code == 200
    assert "Le paquet contient un chemin interdit" in response.content.decode()
    assert not H5PContent.objects.exists()


def test_learners_and_coordinators_cannot_upload(client, site, learner, coordinator):
    for user in (learner, coordinator):
        client.force_login(user)
        upload = SimpleUploadedFile("exemple.h5p", build(package_files()).getvalue())
        response = client.post(
            "/admin/snippets/courses/h5pcontent/add/", {"package": upload}
        )
        staff_refused(response, user)
    assert not H5PContent.objects.exists()


def versioned_base(content, library):
    from courses.player import libraries_path

    return f"{libraries_path(content.libraries.all())}/{library.folder}"


def test_the_player_reads_libraries_under_a_versioned_path(client, content):
    url = f"{player_base(content)}/?langue=fr-ca&parent=http://testserver"
    options = on_player(client, url).context["bridge"]["options"]

    assert options["librariesPath"].startswith("/h5p/bibliotheques/v/")
    # Another content with the same libraries reads them from the same URLs.
    other = h5p_content_import(source=build(package_files()), title="Autre")
    other_url = f"{player_base(other)}/?langue=fr-ca&parent=http://testserver"
    other_options = on_player(client, other_url).context["bridge"]["options"]
    assert other_options["librariesPath"] == options["librariesPath"]


def test_a_new_patch_changes_the_versioned_path(content):
    from courses.player import libraries_token

    before = libraries_token(content.libraries.all())
    library = content.main_library
    library.patch_version += 1
    library.save()

    assert libraries_token(content.libraries.all()) != before


def test_versioned_library_files_are_immutable_and_bundled(client, content):
    base = versioned_base(content, content.main_library)

    described = on_player(client, f"{base}/library.json")
    assert described.json()["preloadedJs"] == [{"path": "virage-bundle.js"}]
    assert described.json()["preloadedCss"] == [{"path": "virage-bundle.css"}]
    assert "immutable" in described["Cache-Control"]
    script = on_player(client, f"{base}/virage-bundle.js")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("text/javascript")
    assert "max-age=31536000" in script["Cache-Control"]
    assert script["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert not script.cookies
    assert b"H5P.Sample = function () {};" in script.content
    # Built once, then read from the storage.
    again = on_player(client, f"{base}/virage-bundle.js")
    assert b"H5P.Sample" in b"".join(again.streaming_content)
    style = on_player(client, f"{base}/virage-bundle.css")
    assert b".h5p-sample" in style.content
    original = on_player(client, f"{base}/scripts/sample.js")
    assert "immutable" in original["Cache-Control"]


def test_versioned_paths_refuse_what_the_plain_ones_refuse(client, content):
    base = versioned_base(content, content.main_library)

    assert on_player(client, f"{base}/../secret").status_code == 404
    assert on_player(client, f"{base}/.virage/x.js").status_code == 404
    token = base.split("/")[4]
    absent = f"/h5p/bibliotheques/v/{token}/H5P.Absent-9.9/library.json"
    assert on_player(client, absent).status_code == 404
    bad_token = base.replace(token, "not-a-token")
    assert on_player(client, f"{bad_token}/library.json").status_code == 404
    # The site's own host serves none of them.
    assert client.get(f"{base}/library.json").status_code == 404


@pytest.mark.parametrize(
    ("css", "path", "expected"),
    [
        ("a{background:url(../img/x.png)}", "styles/a.css", 'url("img/x.png")'),
        ("a{background:url('i.svg')}", "styles/a.css", 'url("styles/i.svg")'),
        ('@font-face{src:url("../fonts/f.woff")}', "css/b.css", 'url("fonts/f.woff")'),
        ("a{background:url(data:image/png;base64,AAA)}", "s/a.css", "url(data:"),
        ("a{background:url(/abs.png)}", "s/a.css", "url(/abs.png)"),
        ("a{background:url(https://x.example/a.png)}", "s/a.css", "url(https://"),
        ("a{background:url(x.png)}", "a.css", "url(x.png)"),
    ],
)
def test_style_sheets_moved_to_the_bundle_keep_their_urls(css, path, expected):
    from courses.player import css_rebased

    assert expected in css_rebased(css, path)
