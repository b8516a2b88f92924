"""The PDF: French characters, page size, embedded font, QR code."""

import io

import pypdf
import qrcode
from qrcode.constants import ERROR_CORRECT_M

from certification import pdf
from certification.formatting import date_en, date_fr, hours_number
from tests.certification.samples import (
    VERIFICATION_URL,
    module_colours,
    sample_content,
)

FRENCH_CHARACTERS = ["é", "è", "ê", "ç", "œ", "«", "»", "·"]


def render(content=None, url=VERIFICATION_URL):
    data = pdf.render_certificate_pdf(content or sample_content(), verification_url=url)
    return pypdf.PdfReader(io.BytesIO(data))


def test_every_french_character_survives_in_the_extracted_text():
    reader = render()

    text = reader.pages[0].extract_text()
    for character in FRENCH_CHARACTERS:
        assert character in text, character
    assert "François Lévesque-Bélanger" in text
    assert "Cœur numérique : la fête, l'été et ça évolue" in text
    assert "Élu·e — maire ou mairesse" in text
    assert "20 novembre 2026" in text and "November 20, 2026" in text


def test_one_landscape_letter_page():
    reader = render()

    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(box.width), round(box.height)) == (792, 612)


def test_the_bundled_font_is_embedded():
    page = render().pages[0]

    fonts = page["/Resources"]["/Font"].values()
    embedded = [
        font.get_object()
        for font in fonts
        if "/FontFile2" in font.get_object().get("/FontDescriptor", {})
    ]
    names = {font["/BaseFont"].split("+")[-1] for font in embedded}
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= names


def test_the_qr_code_in_the_pdf_encodes_the_verification_url():
    page = render().pages[0]
    expected = qrcode.QRCode(
        error_correction=ERROR_CORRECT_M, border=0, mask_pattern=pdf.QR_MASK
    )
    expected.add_data(VERIFICATION_URL)
    expected.make(fit=True)
    matrix = expected.get_matrix()

    side = (len(matrix) + 2 * pdf.QR_BORDER_MODULES) * pdf.QR_BOX_PIXELS
    codes = [image.image for image in page.images if image.image.size == (side, side)]
    assert len(codes) == 1
    found = module_colours(
        codes[0], len(matrix), pdf.QR_BORDER_MODULES, pdf.QR_BOX_PIXELS
    )
    assert found == matrix


def test_another_url_gives_another_code():
    other = pdf.qr_png(VERIFICATION_URL.replace("7K3M", "0000"))

    assert other != pdf.qr_png(VERIFICATION_URL)


def test_the_fonts_are_the_bundled_files_registered_once(monkeypatch):
    from reportlab.lib.fonts import tt2ps
    from reportlab.pdfbase import pdfmetrics

    family = pdf.register_fonts()
    regular = pdfmetrics.getFont(tt2ps(family, 0, 0))
    bold = pdfmetrics.getFont(tt2ps(family, 1, 0))
    assert regular.face.filename == str(pdf.FONTS_DIR / "DejaVuSans.ttf")
    assert bold.face.filename == str(pdf.FONTS_DIR / "DejaVuSans-Bold.ttf")
    registered = []
    monkeypatch.setattr(pdfmetrics, "registerFont", registered.append)

    render()
    render()

    assert registered == []  # no font read, parsed or registered per document
    html = pdf.render_certificate_html(
        sample_content(), verification_url=VERIFICATION_URL
    )
    assert "@font-face" not in html and "DejaVu Sans" in html
    assert pdfmetrics.getFont(tt2ps(family, 0, 0)) is regular


def test_a_missing_image_is_left_out_rather_than_failing():
    content = sample_content()
    content["template"]["logo"] = {"file": "original_images/gone.png", "hash": "x"}

    assert render(content).pages[0].extract_text()


def test_dates_and_hours_in_both_languages():
    from datetime import date

    assert date_fr(date(2026, 11, 20)) == "20 novembre 2026"
    assert date_fr(date(2027, 3, 1)) == "1er mars 2027"
    assert date_en(date(2026, 11, 20)) == "November 20, 2026"
    assert hours_number("1.5") == ("1,5", "1.5")
    assert hours_number("10.0") == ("10", "10")
