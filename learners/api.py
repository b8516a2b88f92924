"""The xAPI Statements resource (``/xapi/statements``) and H5P's user-data
endpoint, for the H5P player in lessons. JSON in, JSON out; every refusal is
a 4xx with a translated message, so the player's queue never retries it."""

import uuid

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.errors import ApplicationError
from courses.models import LessonPage
from learners import services
from learners.selectors.xapi import xapi_statement_raw, xapi_statements_list
from learners.xapi import UNSTORABLE, load_json, parse_statement, parse_timestamp

XAPI_VERSION = "1.0.3"


def _error(message, status):
    response = JsonResponse({"error": message}, status=status)
    response["X-Experience-API-Version"] = XAPI_VERSION
    return response


def _body(request):
    length = request.META.get("CONTENT_LENGTH") or "0"
    too_big = _("Requête trop volumineuse.")
    if not length.isdigit() or int(length) > settings.XAPI_MAX_BODY_BYTES:
        raise ApplicationError(too_big, status=413)
    if len(request.body) > settings.XAPI_MAX_BODY_BYTES:
        raise ApplicationError(too_big, status=413)
    return load_json(request.body)


def _check_request(request):
    if not request.user.is_authenticated:
        raise ApplicationError(
            _("Connectez-vous pour enregistrer vos résultats."), status=401
        )
    version = request.headers.get("X-Experience-API-Version", "")
    if not version.startswith(("1.0", "2.0")):
        raise ApplicationError(
            _("En-tête X-Experience-API-Version manquant ou non pris en charge.")
        )


def _post(request):
    body = _body(request)
    batch = body if isinstance(body, list) else [body]
    if not batch or len(batch) > settings.XAPI_MAX_BATCH:
        raise ApplicationError(
            _("Envoyez entre 1 et %(n)s déclarations.") % {"n": settings.XAPI_MAX_BATCH}
        )
    parsed = [parse_statement(item, user=request.user) for item in batch]
    ids = services.xapi_statements_record(user=request.user, statements=parsed)
    return JsonResponse(ids, safe=False)


def _put(request):
    statement_id = request.GET.get("statementId")
    if not statement_id:
        raise ApplicationError(_("Paramètre statementId manquant."))
    try:
        uuid.UUID(statement_id)
    except ValueError as error:
        raise ApplicationError(_("Identifiant de déclaration invalide.")) from error
    parsed = parse_statement(
        _body(request), user=request.user, expected_id=statement_id
    )
    services.xapi_statements_record(user=request.user, statements=[parsed])
    return HttpResponse(status=204)


def _get(request):
    values = [value for _key, items in request.GET.lists() for value in items]
    if any(UNSTORABLE.search(value) for value in values):
        raise ApplicationError(_("Caractère non autorisé dans les paramètres."))
    statement_id = request.GET.get("statementId")
    if statement_id:
        try:
            raw = xapi_statement_raw(
                user=request.user, statement_id=uuid.UUID(statement_id)
            )
        except ValueError:
            raw = None
        if raw is None:
            return _error(_("Déclaration introuvable."), 404)
        return JsonResponse(raw)
    since = request.GET.get("since")
    since = parse_timestamp(since) if since else None
    try:
        limit = int(request.GET.get("limit", 100))
    except ValueError as error:
        raise ApplicationError(_("Le paramètre limit doit être un entier.")) from error
    rows = xapi_statements_list(
        user=request.user,
        verb=request.GET.get("verb"),
        activity=request.GET.get("activity"),
        since=since,
        limit=limit,
    )
    return JsonResponse({"statements": rows, "more": ""})


@require_http_methods(["GET", "POST", "PUT"])
def statements(request):
    try:
        _check_request(request)
        handler = {"GET": _get, "POST": _post, "PUT": _put}[request.method]
        response = handler(request)
    except ApplicationError as error:
        return _error(error.message, error.status)
    response["X-Experience-API-Version"] = XAPI_VERSION
    return response


@require_http_methods(["GET", "POST"])
def h5p_user_data(request, content_id, lesson_id, block_id, data_type, sub_content_id):
    """H5P core's ``contentUserData`` endpoint: it expects
    ``{"success": true, "data": "<json string>"}``. The lesson page posts
    the form fields with the learner's CSRF token (the player, on its own
    origin, has neither the session nor the token)."""
    if not request.user.is_authenticated:
        return JsonResponse(
            {"success": False, "message": _("Non connecté.")}, status=401
        )
    key = {
        "user": request.user,
        "content_id": content_id,
        "lesson_id": lesson_id,
        "block_id": block_id,
        "data_type": data_type,
        "sub_content_id": sub_content_id,
    }
    try:
        if request.method == "POST":
            services.h5p_state_save(**key, data=request.POST.get("data"))
            return JsonResponse({"success": True})
        data = services.h5p_state_get(**key)
    except ApplicationError as error:
        return JsonResponse(
            {"success": False, "message": error.message}, status=error.status
        )
    return JsonResponse({"success": True, "data": data if data is not None else False})


@require_http_methods(["GET"])
def activity(request, content_id, lesson_id, block_id):
    """An activity IRI resolves to the lesson that holds the exercise, once
    published (a draft's address is as unknown as a missing lesson)."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    return redirect(lesson.url)
