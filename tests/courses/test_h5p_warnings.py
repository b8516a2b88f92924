"""An accepted package can still play badly: media from another site, an
interface left in English, images without alt text. The upload says so, and
the content's page keeps saying so; licences read as names, not codes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.h5p import content_warnings
from courses.h5p.metadata import licence_label
from courses.models import H5PContent
from tests.courses.h5p_builders import CHILD, build, package_files, with_content
from tests.factories import UserFactory

UPLOAD = "/admin/snippets/courses/h5pcontent/add/"
VIDEO = "https://h5p.org/sites/default/files/h5p/content/617/videos/x.mp4"


def image(alt=None, path="images/photo.png"):
    params = {"file": {"path": path, "mime": "image/png"}}
    if alt is not None:
        params["alt"] = alt
    return {"library": "H5P.Image 1.1", "params": params}


# The pure rules


def test_a_clean_content_has_no_warning():
    content = {"media": image(alt="Un courriel frauduleux"), "video": []}

    assert (
        content_warnings(content=content, libraries=[("H5P.Sample 1.0", ["fr"])]) == []
    )


def test_media_from_another_site_is_named_once():
    content = {
        "sources": [{"path": VIDEO, "mime": "video/mp4"}, {"path": VIDEO}],
        "local": {"path": "videos/local.mp4"},
    }

    warnings = content_warnings(content=content, libraries=[])

    assert len(warnings) == 1
    assert VIDEO in warnings[0] and "autre site" in warnings[0]


@pytest.mark.parametrize(
    "languages, warned",
    [
        (["fr"], False),
        (["fr-ca", "de"], False),
        (["de", "nb", ""], True),  # "" is H5P's .en.json
        ([], False),  # nothing to translate
    ],
)
def test_a_library_without_french_strings_is_named(languages, warned):
    warnings = content_warnings(content={}, libraries=[("H5P.Video 1.6", languages)])

    assert bool(warnings) is warned
    if warned:
        assert "H5P.Video 1.6" in warnings[0] and "française" in warnings[0]


@pytest.mark.parametrize("alt", [None, "", "   "])
def test_an_image_without_alt_text_is_named(alt):
    content = {"questions": [{"media": image(alt=alt, path="images/x.png")}]}

    warnings = content_warnings(content=content, libraries=[])

    assert warnings == ["Image sans texte de remplacement : images/x.png."]


@pytest.mark.parametrize(
    "code, version, label",
    [
        ("U", "", "Non divulguée"),
        ("CC BY", "4.0", "CC BY 4.0"),
        ("CC BY-SA", "", "CC BY-SA"),
        ("GNU GPL", "v3", "GNU GPL v3"),
        ("C", "", "Tous droits réservés"),
        ("PD", "", "Domaine public"),
    ],
)
def test_licences_read_as_names(code, version, label):
    assert licence_label(code, version) == label


# In the admin


@pytest.fixture
def administrator(municipalities):
    return UserFactory(email="admin@exemple.qc.ca", role="", group="Administrateurs")


def upload(client, files):
    package = SimpleUploadedFile("paquet.h5p", build(files).getvalue())
    return client.post(UPLOAD, {"title": "", "package": package}, follow=True)


def outside_video_package():
    files = with_content(
        image={"path": VIDEO.replace("x.mp4", "x.png"), "mime": "image/png"}
    )
    files[f"{CHILD}/language/de.json"] = {"semantics": []}
    return files


@pytest.mark.django_db
def test_the_upload_warns_and_the_content_page_keeps_the_warnings(
    client, administrator
):
    client.force_login(administrator)

    response = upload(client, outside_video_package())

    content = H5PContent.objects.get()
    shown = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert any("h5p.org" in message for message in shown)
    assert any("H5P.Child" in message for message in shown)
    edit = reverse("wagtailsnippets_courses_h5pcontent:edit", args=[content.pk])
    page = client.get(edit).content.decode()
    assert "h5p.org" in page and "traduction française" in page


@pytest.mark.django_db
def test_a_clean_upload_gives_no_warning(client, administrator):
    client.force_login(administrator)

    response = upload(client, package_files())

    assert H5PContent.objects.count() == 1
    assert not [m for m in response.context["messages"] if m.level_tag == "warning"]


@pytest.mark.django_db
def test_the_listing_and_the_content_page_name_the_licence(client, administrator):
    files = package_files()
    files["h5p.json"] = {**files["h5p.json"], "license": "U"}
    client.force_login(administrator)
    upload(client, files)
    content = H5PContent.objects.get()

    listing = client.get(reverse("wagtailsnippets_courses_h5pcontent:list"))
    edit = client.get(
        reverse("wagtailsnippets_courses_h5pcontent:edit", args=[content.pk])
    )

    for response in (listing, edit):
        assert "Non divulguée" in response.content.decode()
