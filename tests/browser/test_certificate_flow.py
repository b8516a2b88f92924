"""A learner finishes a path in the browser, finds the certificate under
"Mes attestations", downloads the PDF, and the QR code printed on it leads to
the public page that says the certificate is valid."""

import io

import pypdf
import pytest
import qrcode
from qrcode.constants import ERROR_CORRECT_M

from certification import pdf
from certification.models import Certificate
from certification.selectors import certificate_verification_url
from tests.certification.samples import module_colours
from tests.factories import PASSWORD, UserFactory, build_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def qr_matrix(url):
    code = qrcode.QRCode(
        error_correction=ERROR_CORRECT_M, border=0, mask_pattern=pdf.QR_MASK
    )
    code.add_data(url)
    code.make(fit=True)
    return code.get_matrix()


def test_finish_a_path_download_the_pdf_and_verify_it(
    live_server, browser_page, municipalities
):
    tree = build_site()
    learner = UserFactory(
        email="helene@saint-elzear.qc.ca", first_name="Hélène", last_name="Bélanger"
    )
    page = browser_page
    base = live_server.url
    page.goto(f"{base}/compte/connexion/")
    page.fill("#id_username", learner.email)
    page.fill("#id_password", PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/compte/mon-parcours/")

    page.goto(f"{base}{tree['path'].url}")
    page.click("text=M'inscrire à ce parcours")
    page.click(".path-panel >> text=Commencer")
    page.click("text=J'ai terminé cette leçon")

    page.goto(f"{base}/attestations/")
    row = page.locator("table.certificates tbody tr")
    assert row.count() == 1
    assert "Valide" in row.inner_text()
    with page.expect_download() as download_info:
        page.click("text=Télécharger le PDF")
    data = open(download_info.value.path(), "rb").read()

    certificate = Certificate.objects.get(user=learner)
    sheet = pypdf.PdfReader(io.BytesIO(data)).pages[0]
    text = sheet.extract_text()
    assert "Hélène Bélanger" in text
    assert tree["path"].title in text
    url = certificate_verification_url(code=certificate.code)
    matrix = qr_matrix(url)
    side = (len(matrix) + 2 * pdf.QR_BORDER_MODULES) * pdf.QR_BOX_PIXELS
    (qr,) = [i.image for i in sheet.images if i.image.size == (side, side)]
    assert (
        module_colours(qr, len(matrix), pdf.QR_BORDER_MODULES, pdf.QR_BOX_PIXELS)
        == matrix
    )

    path = url.split("://", 1)[1].split("/", 1)[1]  # the QR's path, on this server
    page.context.clear_cookies()  # anyone holding the paper, without an account
    page.goto(f"{base}/{path}")
    assert "Cette attestation est valide." in page.inner_text("main")
    assert "Hélène Bélanger" in page.inner_text("main")
