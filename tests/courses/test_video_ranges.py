"""A lesson's hosted video is sent with byte ranges (issue 16): seeking or
resuming on a slow line fetches only what is missing, not the whole file
again. The collection's view restrictions still apply first."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db

VIDEO = bytes(range(256)) * 40  # 10,240 bytes


@pytest.fixture
def disk(settings, tmp_path):
    """Files on disk, as in development and on a single server (S3 answers
    ranges itself: Wagtail redirects there)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    storages._storages.pop("default", None)
    default_storage._setup()
    yield
    storages._storages.pop("default", None)
    default_storage._setup()


def stored(name, data, collection=None):
    doc = Document(
        title=name, collection=collection or Collection.get_first_root_node()
    )
    doc.file.save(name, ContentFile(data), save=False)
    doc.save()
    return doc


def body(response):
    return b"".join(response.streaming_content)


def test_a_range_of_a_video_is_sent_alone(client, disk):
    video = stored("lecon.mp4", VIDEO)

    response = client.get(video.url, HTTP_RANGE="bytes=1000-1099")

    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 1000-1099/{len(VIDEO)}"
    assert response["Content-Type"] == "video/mp4"
    assert body(response) == VIDEO[1000:1100]


def test_a_whole_video_says_it_accepts_ranges(client, disk):
    video = stored("lecon.webm", VIDEO)

    response = client.get(video.url)

    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert body(response) == VIDEO


def test_captions_are_sent_as_webvtt(client, disk):
    captions = stored("lecon.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour.\n")

    response = client.get(captions.url, HTTP_RANGE="bytes=0-5")

    assert response.status_code == 206
    assert body(response) == b"WEBVTT"


def test_a_range_past_the_end_is_refused(client, disk):
    video = stored("lecon.mp4", VIDEO)

    response = client.get(video.url, HTTP_RANGE=f"bytes={len(VIDEO)}-")

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(VIDEO)}"


def test_another_document_is_served_by_wagtail_as_before(client, disk):
    guide = stored("guide.pdf", b"%PDF-1.4 guide")

    response = client.get(guide.url, HTTP_RANGE="bytes=0-3")

    assert response.status_code == 200
    assert "Content-Range" not in response


def test_a_private_collection_is_refused_before_any_byte(client, disk):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Vidéos réservées")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    video = stored("reservee.mp4", VIDEO, collection=private)

    response = client.get(video.url, HTTP_RANGE="bytes=0-99")

    assert response.status_code == 302
    assert "next=" in response["Location"]
