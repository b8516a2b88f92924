"""Video blocks (issue 16): a hosted file needs WebVTT captions, an embed
needs a transcript, and the page downloads nothing of the video before the
learner presses play."""

import pytest
from django.core.files.base import ContentFile
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from courses.blocks import VideoBlock

pytestmark = pytest.mark.django_db

VTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour.\n"
YOUTUBE = "https://www.youtube.com/watch?v=abc123"


def document(name, data=b"\x00\x00\x00\x18ftypmp42"):
    doc = Document(title=name)
    doc.file.save(name, ContentFile(data), save=False)
    doc.save()
    return doc


def value(**fields):
    block = VideoBlock()
    return block, block.to_python(
        {
            "file": fields.get("file"),
            "captions": fields.get("captions"),
            "video": fields.get("video", ""),
            "caption": fields.get("caption", ""),
            "transcript": fields.get("transcript", ""),
        }
    )


def errors(**fields):
    block, data = value(**fields)
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(data)
    return {
        name: str(error.messages[0])
        for name, error in raised.value.block_errors.items()
    }


@pytest.fixture
def embedded(db):
    """The embed as Wagtail caches it: no request leaves the test."""
    return Embed.objects.create(
        hash=get_embed_hash(YOUTUBE, None, None),
        url=YOUTUBE,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/abc123"></iframe>',
        provider_name="YouTube",
    )


def test_a_hosted_video_with_webvtt_captions_is_accepted():
    video, vtt = document("cours.mp4"), document("cours.vtt", VTT)
    block, data = value(file=video.pk, captions=vtt.pk)

    assert block.clean(data)["captions"] == vtt


def test_a_hosted_video_without_captions_is_refused():
    assert "obligatoires" in errors(file=document("cours.mp4").pk)["captions"]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("cours.srt", b"1\n00:00:00,000 --> 00:00:02,000\nBonjour\n"),
        ("faux.vtt", b"1\n"),
    ],
)
def test_captions_that_are_not_webvtt_are_refused(name, data):
    found = errors(file=document("cours.mp4").pk, captions=document(name, data).pk)
    assert "WebVTT" in found["captions"]


def test_webvtt_with_a_byte_order_mark_is_accepted():
    vtt = document("cours.vtt", b"\xef\xbb\xbf" + VTT)
    block, data = value(file=document("cours.webm").pk, captions=vtt.pk)
    assert block.clean(data)


def test_a_file_that_is_not_a_video_is_refused():
    vtt = document("cours.vtt", VTT)
    found = errors(file=document("cours.pdf", b"%PDF").pk, captions=vtt.pk)
    assert "MP4 ou WebM" in found["file"]


def test_a_block_without_a_video_or_with_two_is_refused(embedded):
    assert "Ajoutez" in errors()["file"]
    vtt = document("cours.vtt", VTT)
    both = errors(file=document("cours.mp4").pk, captions=vtt.pk, video=YOUTUBE)
    assert "pas les deux" in both["video"]


def test_an_embed_needs_a_transcript(embedded):
    assert "transcription" in errors(video=YOUTUBE)["transcript"]
    block, data = value(video=YOUTUBE, transcript="<p>Bonjour.</p>")
    assert block.clean(data)


def test_a_hosted_video_downloads_nothing_before_play():
    video, vtt = document("cours.mp4"), document("cours.vtt", VTT)
    block, data = value(file=video.pk, captions=vtt.pk, transcript="<p>Bonjour.</p>")

    html = block.render(data)

    assert 'preload="none"' in html
    assert f'src="{video.url}" type="video/mp4"' in html
    assert f'<track kind="captions" src="{vtt.url}"' in html
    assert "Transcription" in html and "Bonjour." in html


def test_an_embed_is_a_button_until_played(embedded):
    block, data = value(video=YOUTUBE, caption="Le rançongiciel", transcript="<p>T</p>")

    html = block.render(data)

    assert "data-video-play" in html and "Lire la vidéo" in html
    # The embed's frame exists only inside an inert <template>.
    before, _, after = html.partition("<template data-video-embed>")
    assert "<iframe" not in before
    assert "<iframe" in after.split("</template>")[0]
    assert 'data-video-title="Le rançongiciel"' in html


def test_lessons_saved_before_keep_their_embed(embedded):
    """A block stored with only the old fields still renders."""
    block = VideoBlock()
    data = block.to_python({"video": YOUTUBE, "caption": "", "transcript": ""})
    assert "data-video-play" in block.render(data)
