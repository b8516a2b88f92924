"""Certificate rendering: xhtml2pdf (the product) against WeasyPrint.

Run from the project root:  .venv/bin/python bench/certificates.py [--count 500]

Renders COUNT certificates with distinct holders and codes, each with its QR
code, a logo and two signatures (PNG files in a temporary media directory) and
the embedded DejaVu fonts, through ``certification.pdf.render_certificate_pdf``.
No database: the content is the frozen dict a certificate stores. Then the same
HTML through WeasyPrint, installed into the venv for this run only if missing
(it is not a dependency of the product). Prints the median time per
certificate, certificates per second, peak and resident memory, and ends with
one line of JSON.

Targets: median <= 40 ms, >= 10x WeasyPrint's rate, resident memory flat.
Also prints the time ReportLab alone takes to draw the same certificate with
no HTML at all: xhtml2pdf draws through ReportLab, so that is a floor no
xhtml2pdf rendering can go under.
"""

import argparse
import base64
import importlib
import io
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MEDIA = tempfile.mkdtemp(prefix="virage-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
os.environ["MEDIA_ROOT"] = MEDIA

import django  # noqa: E402

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.storage import default_storage  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from certification import pdf  # noqa: E402
from certification.codes import code_generate  # noqa: E402
from certification.selectors import certificate_verification_url  # noqa: E402

WARM_UP = 5
FIRST_NAMES = ["François", "Hélène", "Joël", "Maëlle", "Noémie", "Jérôme", "Zoé"]
LAST_NAMES = ["Lévesque", "Bélanger", "Côté", "Gagné", "Bérubé", "Pelletier"]
MUNICIPALITIES = ["Saint-Côme-Linière", "Lévis", "Sept-Îles", "Sainte-Émélie"]


def png(name, size, colour, text):
    image = Image.new("RGBA", size, (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle(
        (4, 4, size[0] - 4, size[1] - 4), 18, outline=colour, width=6
    )
    draw.text((24, size[1] // 2 - 8), text, fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return {
        "file": default_storage.save(name, ContentFile(buffer.getvalue())),
        "hash": name,
    }


def base_content():
    logo = png("bench/logo.png", (600, 180), "#1F3A5F", "Académie · UMQ")
    return {
        "version": 1,
        "role": {
            "code": "mayor",
            "fr": "Élu·e — maire ou mairesse",
            "en": "Elected official — mayor",
        },
        "path": {
            "id": 1,
            "slug": "cyber",
            "title_fr": "Cybersécurité : protéger l'œuvre municipale",
            "title_en": "Cybersecurity: protecting municipal work",
        },
        "hours": "6.5",
        "completed_on": "2026-11-20",
        "issued_on": "2026-11-21",
        "template": {
            "heading_fr": "Attestation de réussite",
            "heading_en": "Certificate of completion",
            "body_fr": "a réussi le parcours de formation",
            "body_en": "has successfully completed the learning path",
            "issuer": "Académie de la transformation numérique et Union des municipalités du Québec",
            "primary_colour": "#1F3A5F",
            "accent_colour": "#C8102E",
            "logo": logo,
        },
        "signatories": [
            {
                "name": "Direction de l'Académie",
                "title_fr": "Académie de la transformation numérique",
                "title_en": "Academy of Digital Transformation",
                "signature": png(
                    "bench/signature-1.png", (360, 120), "#222222", "signature 1"
                ),
            },
            {
                "name": "Présidence de l'UMQ",
                "title_fr": "Union des municipalités du Québec",
                "title_en": "Union of Québec Municipalities",
                "signature": png(
                    "bench/signature-2.png", (360, 120), "#222222", "signature 2"
                ),
            },
        ],
    }


def certificates(count):
    """(content, verification URL) for ``count`` distinct certificates."""
    base = base_content()
    for n in range(count):
        code = code_generate()
        name = (
            f"{FIRST_NAMES[n % 7]} {LAST_NAMES[n % 6]}-{LAST_NAMES[(n // 6) % 6]} {n}"
        )
        content = {
            **base,
            "code": code,
            "holder": {"name": name},
            "municipality": MUNICIPALITIES[n % 4],
        }
        yield content, certificate_verification_url(code=code)


def rss_mb():
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(render, items):
    """Wall time, CPU time (this process) and resident memory after each one."""
    times, cpu, rss = [], [], []
    for content, url in items:
        start, start_cpu = time.perf_counter(), time.process_time()
        render(content, url)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        rss.append(rss_mb())
    return times, cpu, rss


def xhtml2pdf_render(content, url):
    data = pdf.render_certificate_pdf(content, verification_url=url)
    assert data.startswith(b"%PDF")


def weasyprint_module():
    # Before the import, which already logs its progress at INFO.
    for name in ("weasyprint", "weasyprint.progress"):
        logging.getLogger(name).setLevel(logging.WARNING)
    try:
        return importlib.import_module("weasyprint")
    except ImportError:
        print("WeasyPrint is missing: installing it into this venv for the benchmark…")
        done = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "weasyprint"],
            check=False,
        )
        if done.returncode != 0:
            return None
        importlib.invalidate_caches()
        return importlib.import_module("weasyprint")


def reportlab_floor_render(content, url):
    """The same certificate drawn straight onto a ReportLab canvas: same
    context (QR code, images, fonts), no HTML, no CSS, no layout. xhtml2pdf
    draws through ReportLab, so no xhtml2pdf rendering can beat this time;
    it is printed to show where the ">= 10x WeasyPrint" target stands."""
    from reportlab.lib.fonts import tt2ps
    from reportlab.lib.pagesizes import landscape, letter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    family = pdf.register_fonts()
    bold = tt2ps(family, 1, 0)
    page = pdf.certificate_pdf_context(content, verification_url=url)
    wording = page["wording"]
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=landscape(letter))
    width, height = landscape(letter)

    def image(uri, x, y, w, h):
        if uri:
            data = base64.b64decode(uri.split(",", 1)[1])
            sheet.drawImage(ImageReader(io.BytesIO(data)), x, y, w, h)

    image(page["logo_uri"], 40, height - 100, 150, 46)
    lines = [
        (bold, 28, wording["heading_fr"]),
        (family, 15, wording["heading_en"]),
        (family, 9, "Décernée à · Awarded to"),
        (bold, 30, page["holder"]),
        (family, 10, f"{page['municipality']} · {page['role_fr']} / {page['role_en']}"),
        (family, 11, f"{wording['body_fr']} « {page['title_fr']} »"),
        (family, 10, f"{wording['body_en']} “{page['title_en']}”"),
        (bold, 10, f"{page['completed_fr']} · {page['completed_en']}"),
        (bold, 10, f"{page['issued_fr']} · {page['issued_en']}"),
        (bold, 12, page["code"]),
        (family, 8, page["verification_url"]),
    ]
    y = height - 150
    for font, size, text in lines:
        sheet.setFont(font, size)
        sheet.drawCentredString(width / 2, y, text)
        y -= size * 1.6
    for n, signatory in enumerate(page["signatories"]):
        x = 200 + n * 300
        image(signatory["signature_uri"], x - 55, 150, 110, 38)
        sheet.setFont(bold, 10)
        sheet.drawCentredString(x, 130, signatory["name"])
        sheet.setFont(family, 8)
        sheet.drawCentredString(x, 118, signatory["title_fr"])
    image(page["qr_uri"], 40, 30, 76, 76)
    sheet.showPage()
    sheet.save()
    assert buffer.getvalue().startswith(b"%PDF")


def weasyprint_fonts():
    """The same bundled faces for WeasyPrint, which reads @font-face (the
    product registers them with ReportLab once instead)."""
    faces = []
    for weight, file in pdf.FONT_FILES.items():
        url = (pdf.FONTS_DIR / file).as_uri()
        faces.append(
            f'@font-face {{ font-family: "{pdf.FONT_FAMILY}"; src: url("{url}"); '
            f"font-weight: {'bold' if weight == 'bold' else 'normal'}; }}"
        )
    return "<style>" + "\n".join(faces) + "</style>"


def weasyprint_renderer():
    try:
        weasyprint = weasyprint_module()
    except (ImportError, OSError) as error:  # OSError: a system library is missing
        print(f"WeasyPrint cannot be used here: {error}")
        return None
    if weasyprint is None:
        print("WeasyPrint could not be installed.")
        return None

    fonts = weasyprint_fonts()

    def render(content, url):
        html = pdf.render_certificate_html(content, verification_url=url)
        html = html.replace("<style>", fonts + "<style>", 1)
        data = weasyprint.HTML(string=html).write_pdf()
        assert data.startswith(b"%PDF")

    return render


def report(label, times, cpu):
    """Wall-clock figures; CPU time beside them, as other processes on the
    machine stretch the wall clock but not the CPU time."""
    median = statistics.median(times) * 1000
    per_s = len(times) / sum(times)
    p95 = sorted(times)[max(0, int(len(times) * 0.95) - 1)] * 1000
    print(
        f"{label}: {len(times)} certificates, median {median:.1f} ms "
        f"(CPU {statistics.median(cpu) * 1000:.1f} ms), p95 {p95:.1f} ms, "
        f"{per_s:.1f}/s (CPU-bound {len(cpu) / sum(cpu):.1f}/s)"
    )
    return median, per_s, statistics.median(cpu) * 1000, len(cpu) / sum(cpu)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--weasyprint-count", type=int, default=30)
    args = parser.parse_args()

    items = list(certificates(args.count + WARM_UP))
    timed(xhtml2pdf_render, items[:WARM_UP])
    times, cpu, rss = timed(xhtml2pdf_render, items[WARM_UP:])
    median_ms, per_s, median_cpu_ms, cpu_per_s = report("xhtml2pdf", times, cpu)
    first, last = statistics.mean(rss[:50]), statistics.mean(rss[-50:])
    peak = peak_mb()
    print(
        f"memory: resident {first:.1f} MB over the first 50, {last:.1f} MB over the last 50 "
        f"({last - first:+.1f} MB); peak {peak:.1f} MB"
    )

    timed(reportlab_floor_render, items[:WARM_UP])
    floor_times, floor_cpu, _ = timed(reportlab_floor_render, items[WARM_UP:][:100])
    floor_ms, _, _, _ = report(
        "ReportLab alone (no HTML: the floor)", floor_times, floor_cpu
    )

    weasyprint_per_s = weasyprint_cpu_per_s = None
    render = weasyprint_renderer() if args.weasyprint_count else None
    if render is not None:
        timed(render, items[:2])
        weasy_times, weasy_cpu, _ = timed(render, items[2 : 2 + args.weasyprint_count])
        _, weasyprint_per_s, _, weasyprint_cpu_per_s = report(
            "WeasyPrint", weasy_times, weasy_cpu
        )
    ratio = per_s / weasyprint_per_s if weasyprint_per_s else None
    cpu_ratio = cpu_per_s / weasyprint_cpu_per_s if weasyprint_cpu_per_s else None
    if ratio:
        print(
            f"xhtml2pdf renders {ratio:.1f}x as many certificates per second as WeasyPrint"
        )
    print(
        json.dumps(
            {
                "median_ms": round(median_ms, 1),
                "per_s": round(per_s, 1),
                "weasyprint_per_s": round(weasyprint_per_s, 2)
                if weasyprint_per_s
                else None,
                "ratio": round(ratio, 1) if ratio else None,
                "peak_mb": round(peak, 1),
                "median_cpu_ms": round(median_cpu_ms, 1),
                "cpu_ratio": round(cpu_ratio, 1) if cpu_ratio else None,
                "rss_first50_mb": round(first, 1),
                "rss_last50_mb": round(last, 1),
                "reportlab_floor_ms": round(floor_ms, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
