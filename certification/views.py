from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from certification import selectors, services
from certification.formatting import certificate_display, certificate_filename
from certification.forms import VerifyForm
from learners.security import client_address, rate_limit_exceeded

VERIFY_LIMIT = 20
VERIFY_WINDOW_SECONDS = 5 * 60


@login_required
def mine(request):
    certificates = selectors.certificates_of(user=request.user)
    return render(request, "certification/mine.html", {"certificates": certificates})


def _own_certificate(request, pk):
    certificate = selectors.certificate_of_owner(user=request.user, pk=pk)
    if certificate is None:
        raise Http404
    return certificate


@login_required
def pdf_download(request, pk):
    certificate = _own_certificate(request, pk)
    if certificate.is_revoked:
        raise Http404
    response = HttpResponse(
        services.certificate_pdf(certificate), content_type="application/pdf"
    )
    filename = certificate_filename(certificate)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def detail(request, pk):
    """The certificate as an accessible web page, for its holder."""
    certificate = _own_certificate(request, pk)
    context = {
        "certificate": certificate,
        "display": certificate_display(certificate.content),
        "verification_url": selectors.qr_payload(certificate),
    }
    return render(request, "certification/detail.html", context)


def _over_limit(request) -> bool:
    """Count one lookup for the client's address (behind trusted proxies, see
    ``learners.security.client_address``); True past the limit in the window."""
    return rate_limit_exceeded(
        scope="certification:verify",
        key=client_address(request),
        limit=VERIFY_LIMIT,
        window=VERIFY_WINDOW_SECONDS,
    )


def _limited(request):
    response = render(request, "certification/verify_limited.html", status=429)
    response["Retry-After"] = str(VERIFY_WINDOW_SECONDS)
    return response


def _lookup(request, text, form=None):
    """The same answer for malformed, unknown and forged codes: not found.
    ``form``, the form the code was typed in, is shown again with it."""
    if _over_limit(request):
        return _limited(request)
    certificate = services.certificate_verify(code=text)
    if certificate is None:
        return render(
            request,
            "certification/verify_not_found.html",
            {"form": form or VerifyForm()},
            status=404,
        )
    context = {
        "certificate": certificate,
        "display": certificate_display(certificate.content),
    }
    return render(request, "certification/verify_result.html", context)


def _noindex(response):
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    """The public form; a typed code arrives as ``code`` (GET or POST). What
    cannot be a code gets a hint on its form, not a lookup, but counts
    towards the address's limit like one."""
    data = request.POST if request.method == "POST" else request.GET
    if "code" not in data:
        return render(request, "certification/verify.html", {"form": VerifyForm()})
    form = VerifyForm(data)
    if not form.is_valid():
        if form.has_error("code", "format") and _over_limit(request):
            return _noindex(_limited(request))
        return render(request, "certification/verify.html", {"form": form})
    return _noindex(_lookup(request, form.cleaned_data["code"], form=form))


@never_cache
@require_http_methods(["GET"])
def verify_code(request, code):
    """Where a certificate's QR code leads."""
    return _noindex(_lookup(request, code))
