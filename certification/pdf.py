"""Certificates as PDF: a Django template turned into a PDF by xhtml2pdf.

Pure apart from reading: the bundled fonts, and the images the content names
in Django's storage. Nothing here writes; the services store what it returns.
The choices below that look arbitrary (JPEG images, a fixed QR mask, a short
default style sheet) each take milliseconds off every certificate: see
bench/certificates.py.
"""

import base64
import functools
import io
import logging
import threading
from pathlib import Path

import qrcode
from django.core.files.storage import default_storage
from django.template.loader import get_template
from PIL import Image, UnidentifiedImageError
from qrcode.constants import ERROR_CORRECT_M
from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from xhtml2pdf import default as xhtml2pdf_default
from xhtml2pdf import pisa
from xhtml2pdf.config.resources import ResourceAccessPolicy

from certification.formatting import certificate_display

logger = logging.getLogger(__name__)

FONTS_DIR = (Path(__file__).parent / "static" / "certification" / "fonts").resolve()
# The family certification/pdf.html names, and the bundled file of each face.
FONT_FAMILY = "DejaVu Sans"
FONT_FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
# Logos and signatures are printed a few centimetres wide: anything larger
# only slows every rendering down. As JPEG, ReportLab copies them into the
# PDF as they are instead of decoding and compressing them again (9 ms).
MAX_IMAGE_SIDE = 600
JPEG_QUALITY = 92
# Only what the certificate's elements need from xhtml2pdf's default style
# sheet, which is parsed and matched against every element of every document
# (3 ms); certification/pdf.html carries the certificate's own style.
BASE_CSS = """
html { font-family: Helvetica; font-size: 10px; font-weight: normal;
  color: #000000; margin: 0; padding: 0; line-height: 150%; border: 1px none;
  display: inline; width: auto; height: auto; white-space: normal; }
b, strong { font-weight: bold; }
body, div, p, table, tr, td { display: block; }
p { margin: 1em 0; }
tr, td { vertical-align: middle; width: auto; }
"""
QR_BOX_PIXELS = 4
QR_BORDER_MODULES = 2
# Any mask gives a valid code; a fixed one saves trying all eight (4 ms).
QR_MASK = 4
# The document reads nothing: fonts are registered once (below), images
# arrive as data: URIs, and nothing is fetched over the network.
RESOURCE_POLICY = ResourceAccessPolicy(base_dir=FONTS_DIR, allow_remote=False)
# Binary PDF streams rather than ASCII85 text: without ReportLab's optional
# C accelerator, ASCII85 encoding costs milliseconds per certificate, and
# every PDF reader takes binary streams. (A process-wide ReportLab setting.)
rl_config.useA85 = 0


class CertificateRenderError(Exception):
    pass


_FONTS_LOCK = threading.Lock()


def register_fonts() -> str:
    """Register the bundled faces with ReportLab once per process and tell
    xhtml2pdf the family the template names; return ReportLab's name for it.

    Declared through @font-face instead, each certificate would read both
    files (1.4 MB) and hash them before drawing a word (2.5 ms). The lock
    keeps two first renderings in two threads from registering two font
    objects under one name (ReportLab keeps each PDF's subset on the object).
    """
    with _FONTS_LOCK:
        return _register_fonts()


@functools.cache
def _register_fonts() -> str:
    prefix = "Virage" + FONT_FAMILY.replace(" ", "")
    faces = {
        weight: TTFont(f"{prefix}-{weight}", str(FONTS_DIR / file))
        for weight, file in FONT_FILES.items()
    }
    family = faces["regular"].fontName
    for face in faces.values():
        pdfmetrics.registerFont(face)
    for bold in (0, 1):
        face = faces["bold" if bold else "regular"].fontName
        for italic in (0, 1):  # no italic face: the upright one stands in
            addMapping(family, bold, italic, face)
    xhtml2pdf_default.DEFAULT_FONT[FONT_FAMILY.lower()] = family
    return family


def _data_uri(data: bytes, mimetype="image/png") -> str:
    return f"data:{mimetype};base64," + base64.b64encode(data).decode("ascii")


def qr_png(payload: str) -> bytes:
    """A QR code of ``payload``, as a PNG with small modules."""
    code = qrcode.QRCode(
        error_correction=ERROR_CORRECT_M,
        box_size=QR_BOX_PIXELS,
        border=QR_BORDER_MODULES,
        mask_pattern=QR_MASK,
    )
    code.add_data(payload)
    code.make(fit=True)
    buffer = io.BytesIO()
    # Grey rather than 1-bit, which ReportLab would expand to RGB.
    code.make_image().get_image().convert("L").save(buffer, "PNG")
    return buffer.getvalue()


@functools.lru_cache(maxsize=64)
def _storage_image_uri(name: str, file_hash: str) -> str:
    """``file_hash`` is part of the key so that a replaced file is read again."""
    try:
        with default_storage.open(name) as handle:
            image = Image.open(handle)
            image.load()
    except (OSError, UnidentifiedImageError):
        logger.warning("Certificate image %r cannot be read; left out.", name)
        return ""
    image.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
    # JPEG has no transparency: flatten onto the page's white.
    image = image.convert("RGBA")
    flat = Image.new("RGB", image.size, "white")
    flat.paste(image, mask=image)
    buffer = io.BytesIO()
    flat.save(buffer, "JPEG", quality=JPEG_QUALITY)
    return _data_uri(buffer.getvalue(), "image/jpeg")


def storage_image_uri(image: dict | None) -> str:
    """A JPEG data: URI for an image frozen as ``{"file": name, "hash": …}``."""
    if not image or not image.get("file"):
        return ""
    return _storage_image_uri(image["file"], image.get("hash") or "")


def certificate_pdf_context(content: dict, *, verification_url: str) -> dict:
    display = certificate_display(content)
    display["signatories"] = [
        {**signatory, "signature_uri": storage_image_uri(signatory.get("signature"))}
        for signatory in display["signatories"]
    ]
    return {
        **display,
        "logo_uri": storage_image_uri(display["wording"].get("logo")),
        "qr_uri": _data_uri(qr_png(verification_url)),
        "verification_url": verification_url,
    }


def render_certificate_html(content: dict, *, verification_url: str) -> str:
    context = certificate_pdf_context(content, verification_url=verification_url)
    return get_template("certification/pdf.html").render(context)


def render_certificate_pdf(content: dict, *, verification_url: str) -> bytes:
    """One landscape Letter page, both languages, fonts embedded."""
    register_fonts()
    html = render_certificate_html(content, verification_url=verification_url)
    output = io.BytesIO()
    status = pisa.CreatePDF(
        html,
        dest=output,
        resource_policy=RESOURCE_POLICY,
        default_css=BASE_CSS,
        encoding="utf-8",
    )
    if status.err:
        raise CertificateRenderError(f"xhtml2pdf reported {status.err} error(s)")
    return output.getvalue()
