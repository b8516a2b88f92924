"""Reading xAPI statements (a subset of xAPI 1.0.3 / 2.0) sent by H5P.

Pure functions: request bytes in, JSON out (``load_json``); a statement
dict in, a ``ParsedStatement`` out; or an ``ApplicationError`` carrying the HTTP
status and a translated reason. Anything a hostile client can send ends in
one of those, never in an exception the view does not expect.
"""

import hashlib
import json
import math
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import accumulate
from urllib.parse import parse_qs, urlsplit

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from core.errors import ApplicationError

ACTIVITY_PATH = re.compile(
    r"/xapi/activites/([0-9]{1,18})/([0-9]{1,18})/([\w-]{1,64})/?$"
)
NUMBER = r"[0-9]{1,12}(?:\.[0-9]{1,9})?"
DURATION = re.compile(
    rf"^P(?:(?P<d>{NUMBER})D)?"
    rf"(?:T(?:(?P<h>{NUMBER})H)?(?:(?P<m>{NUMBER})M)?(?:(?P<s>{NUMBER})S)?)?$"
)
SUB_CONTENT_EXTENSION = "http://h5p.org/x-api/h5p-subContentId"
ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
# The verbs H5P sends with a result that counts (H5P.XAPIEvent, ADL IRIs);
# matched whole, so ``http://evil.example/x/passed`` is just another verb.
ATTEMPT_VERBS = frozenset(
    ADL_VERBS + name for name in ("answered", "completed", "passed", "failed", "scored")
)
MAX_DEPTH = 32
MAX_NUMBER = 1e9
MAX_DURATION_SECONDS = 366 * 86400
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
# NUL and lone surrogates: PostgreSQL stores neither in text nor in jsonb.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _refuse_constant(name):
    raise ApplicationError(_("Nombre non fini refusé : %(value)s.") % {"value": name})


def _finite_float(text):
    value = float(text)
    if not math.isfinite(value):
        raise ApplicationError(
            _("Nombre non fini refusé : %(value)s.") % {"value": text[:40]}
        )
    return value


def _check_tree(value, *, strings: bool):
    """Refuse JSON nested deeper than ``MAX_DEPTH`` or, if ``strings``,
    holding a string the database cannot store; iterative, so no depth
    reaches Python's stack."""
    stack = [([value], 0)]  # wrapped, so that a bare string is checked too
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ApplicationError(
                _("JSON imbriqué sur plus de %(n)s niveaux.") % {"n": MAX_DEPTH}
            )
        children = item.values() if isinstance(item, dict) else item
        if strings and isinstance(item, dict):
            children = [*item, *children]
        for child in children:
            if isinstance(child, dict | list):
                stack.append((child, depth + 1))
            elif strings and isinstance(child, str) and UNSTORABLE.search(child):
                raise ApplicationError(_("Caractère non autorisé dans le JSON."))


# Only an escape can put NUL or a lone surrogate in a decoded string: a raw
# NUL is refused by the parser, and UTF-8 cannot carry surrogates.
UNSTORABLE_ESCAPE = re.compile(rb"\\u(?:0000|[dD][89a-fA-F])")


# A JSON string in UTF-8 bytes, where no byte of a multi-byte character is
# a quote, a backslash or a bracket.
JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
NOT_BRACKETS = bytes(sorted(set(range(256)) - set(b"[]{}")))


def _utf8_depth(body: bytes) -> int:
    """How deep the brackets of valid JSON in UTF-8 nest, strings aside."""
    brackets = JSON_STRING.sub(b"", body).translate(None, NOT_BRACKETS)
    opening = (ord("["), ord("{"))
    return max(accumulate(1 if byte in opening else -1 for byte in brackets), default=0)


def load_json(body: bytes):
    """The request body as JSON with only finite numbers, at most
    ``MAX_DEPTH`` levels deep and storable strings. The walk over the
    result is skipped where the raw bytes show it cannot find anything (a
    single statement has fewer than ``MAX_DEPTH`` brackets; a batch in UTF-8
    is measured on its bytes)."""
    try:
        value = json.loads(
            body, parse_float=_finite_float, parse_constant=_refuse_constant
        )
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise ApplicationError(
            _("Le corps de la requête n'est pas du JSON valide.")
        ) from error
    strings = UNSTORABLE_ESCAPE.search(body) is not None
    if strings:
        _check_tree(value, strings=True)
    elif body.count(b"[") + body.count(b"{") > MAX_DEPTH and (
        json.detect_encoding(body) != "utf-8" or _utf8_depth(body) > MAX_DEPTH
    ):
        _check_tree(value, strings=False)
    return value


@dataclass(frozen=True)
class ParsedStatement:
    statement_id: uuid.UUID
    verb: str
    object_id: str
    content_id: int | None
    lesson_id: int | None
    block_id: str
    sub_content_id: str
    score_raw: float | None
    score_min: float | None
    score_max: float | None
    score_scaled: float | None
    success: bool | None
    completion: bool | None
    duration_seconds: float | None
    timestamp: datetime
    raw: dict
    content_hash: str
    registration: uuid.UUID | None = None

    @property
    def verb_name(self):
        return self.verb.rstrip("/").rsplit("/", 1)[-1]

    @property
    def has_result(self):
        """A result H5P sends for an answer: it opens an attempt if none is."""
        return self.verb in ATTEMPT_VERBS and (
            self.score_scaled is not None or self.completion is not None
        )

    @property
    def ends_attempt(self):
        """A top-level result closes the learner's open attempt."""
        return self.has_result and not self.sub_content_id


def _iri(value, what, max_length):
    if not isinstance(value, str) or not value:
        raise ApplicationError(_("%(what)s manquant.") % {"what": what})
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = None
    if (
        parts is None
        or not parts.scheme
        or not (parts.netloc or parts.path)
        or " " in value
        or len(value) > max_length
    ):
        raise ApplicationError(_("%(what)s n'est pas une IRI valide.") % {"what": what})
    return value


def _actor_matches(actor, user):
    if not isinstance(actor, dict):
        return False
    mbox = actor.get("mbox")
    if isinstance(mbox, str) and mbox.lower() == f"mailto:{user.email}".lower():
        return True
    account = actor.get("account")
    return isinstance(account, dict) and account.get("name") == str(user.pk)


def _number(value, what):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ApplicationError(_("%(what)s doit être un nombre.") % {"what": what})
    if not -MAX_NUMBER <= value <= MAX_NUMBER:
        raise ApplicationError(
            _("%(what)s doit être compris entre -%(max)s et %(max)s.")
            % {"what": what, "max": f"{MAX_NUMBER:.0e}"}
        )
    return float(value)


def _score(result):
    score = result.get("score") or {}
    if not isinstance(score, dict):
        raise ApplicationError(_("result.score doit être un objet."))
    scaled = _number(score.get("scaled"), "result.score.scaled")
    raw = _number(score.get("raw"), "result.score.raw")
    low = _number(score.get("min"), "result.score.min")
    high = _number(score.get("max"), "result.score.max")
    if scaled is not None and not -1 <= scaled <= 1:
        raise ApplicationError(_("Le score relatif doit être compris entre -1 et 1."))
    if low is not None and high is not None and low > high:
        raise ApplicationError(_("Le score minimal dépasse le score maximal."))
    if raw is not None and (
        (low is not None and raw < low) or (high is not None and raw > high)
    ):
        raise ApplicationError(
            _("Le score brut doit être compris entre le minimum et le maximum.")
        )
    return raw, low, high, scaled


def _boolean(result, key):
    value = result.get(key)
    if value is not None and not isinstance(value, bool):
        raise ApplicationError(
            _("result.%(key)s doit être vrai ou faux.") % {"key": key}
        )
    return value


def _excerpt(value):
    return str(value)[:40]


def _duration(value):
    """Seconds, at most a year: the digits are bounded, so the sum is finite."""
    if value is None:
        return None
    match = DURATION.match(value) if isinstance(value, str) else None
    if not match or value in ("P", "PT") or value.endswith("T"):
        raise ApplicationError(
            _("Durée ISO 8601 invalide : « %(value)s ».") % {"value": _excerpt(value)}
        )
    parts = {k: float(v or 0) for k, v in match.groupdict().items()}
    seconds = parts["d"] * 86400 + parts["h"] * 3600 + parts["m"] * 60 + parts["s"]
    if seconds > MAX_DURATION_SECONDS:
        raise ApplicationError(
            _("Durée supérieure à un an : « %(value)s ».") % {"value": _excerpt(value)}
        )
    return seconds


def parse_timestamp(value):
    """An aware datetime between 2000 and 2100, or ``ApplicationError``; ``None``
    when no value was given."""
    try:
        parsed = parse_datetime(value) if isinstance(value, str) else None
    except ValueError:  # well formed, out of range: month 13, hour 99...
        parsed = None
    if parsed is not None and not timezone.is_aware(parsed):
        parsed = timezone.make_aware(parsed)
    if parsed is None or not EARLIEST <= parsed < LATEST:
        raise ApplicationError(
            _("Horodatage invalide : « %(value)s ».") % {"value": _excerpt(value)}
        )
    return parsed


def _registration(statement):
    """The launch the statement says it belongs to (``context.registration``)."""
    context = statement.get("context")
    if context is None:
        return None
    if not isinstance(context, dict):
        raise ApplicationError(_("context doit être un objet."))
    value = context.get("registration")
    if value is None:
        return None
    try:
        return uuid.UUID(value if isinstance(value, str) else "")
    except ValueError as error:
        raise ApplicationError(_("context.registration doit être un UUID.")) from error


def _statement_id(statement, expected_id):
    value = statement.get("id", expected_id)
    if value is None:
        return uuid.uuid4()
    try:
        parsed = uuid.UUID(str(value))
    except ValueError as error:
        raise ApplicationError(_("Identifiant de déclaration invalide.")) from error
    if expected_id is not None and parsed != uuid.UUID(str(expected_id)):
        raise ApplicationError(
            _("L'identifiant de la déclaration ne correspond pas à statementId.")
        )
    return parsed


def _activity(object_id, statement):
    parts = urlsplit(object_id)
    match = ACTIVITY_PATH.search(parts.path)
    sub = parse_qs(parts.query).get("subContentId", [""])[0]
    extensions = (statement.get("context") or {}).get("extensions")
    if not sub and isinstance(extensions, dict):
        sub = str(extensions.get(SUB_CONTENT_EXTENSION) or "")
    if not match:
        return None, None, "", sub[:64]
    return int(match[1]), int(match[2]), match[3], sub[:64]


def content_hash(statement: dict) -> str:
    """Hash of what the learner sent, to tell a re-send from a conflict."""
    significant = {
        k: v for k, v in statement.items() if k not in ("stored", "authority", "id")
    }
    canonical = json.dumps(significant, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def parse_statement(statement, *, user, expected_id=None) -> ParsedStatement:
    """Validate one statement sent by ``user``; raise ``ApplicationError`` if not."""
    if not isinstance(statement, dict):
        raise ApplicationError(_("Une déclaration doit être un objet JSON."))
    if not _actor_matches(statement.get("actor"), user):
        raise ApplicationError(
            _("L'acteur de la déclaration n'est pas la personne connectée."), 403
        )
    verb = statement.get("verb")
    verb_id = _iri(verb.get("id") if isinstance(verb, dict) else None, "verb.id", 255)
    target = statement.get("object")
    object_id = _iri(
        target.get("id") if isinstance(target, dict) else None, "object.id", 1000
    )
    result = statement.get("result") or {}
    if not isinstance(result, dict):
        raise ApplicationError(_("result doit être un objet."))
    raw, low, high, scaled = _score(result)
    registration = _registration(statement)
    content_id, lesson_id, block_id, sub = _activity(object_id, statement)
    statement_id = _statement_id(statement, expected_id)
    stored = {**statement, "id": str(statement_id)}
    return ParsedStatement(
        statement_id=statement_id,
        verb=verb_id,
        object_id=object_id,
        content_id=content_id,
        lesson_id=lesson_id,
        block_id=block_id,
        sub_content_id=sub,
        score_raw=raw,
        score_min=low,
        score_max=high,
        score_scaled=scaled,
        success=_boolean(result, "success"),
        completion=_boolean(result, "completion"),
        duration_seconds=_duration(result.get("duration")),
        timestamp=(
            timezone.now()
            if statement.get("timestamp") is None
            else parse_timestamp(statement["timestamp"])
        ),
        raw=stored,
        content_hash=content_hash(statement),
        registration=registration,
    )
