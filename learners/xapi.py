"""Reading xAPI statements (a subset of xAPI 1.0.3 / 2.0) sent by H5P.

Pure functions: a statement dict in, a ``ParsedStatement`` out, or an
``XapiError`` carrying the HTTP status and a translated reason.
"""

import hashlib
import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

ACTIVITY_PATH = re.compile(r"/xapi/activites/(\d+)/(\d+)/([\w-]{1,64})/?$")
DURATION = re.compile(
    r"^P(?:(?P<d>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)
SUB_CONTENT_EXTENSION = "http://h5p.org/x-api/h5p-subContentId"
ATTEMPT_VERBS = {"answered", "completed", "passed", "failed", "scored"}


class XapiError(Exception):
    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


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

    @property
    def verb_name(self):
        return self.verb.rstrip("/").rsplit("/", 1)[-1]

    @property
    def ends_attempt(self):
        """A top-level result closes the learner's open attempt."""
        return (
            not self.sub_content_id
            and self.verb_name in ATTEMPT_VERBS
            and (self.score_scaled is not None or self.completion is not None)
        )


def _iri(value, what):
    if not isinstance(value, str) or not value:
        raise XapiError(_("%(what)s manquant.") % {"what": what})
    parts = urlsplit(value)
    if not parts.scheme or not (parts.netloc or parts.path) or " " in value:
        raise XapiError(_("%(what)s n'est pas une IRI valide.") % {"what": what})
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
        raise XapiError(_("%(what)s doit être un nombre.") % {"what": what})
    return float(value)


def _score(result):
    score = result.get("score") or {}
    if not isinstance(score, dict):
        raise XapiError(_("result.score doit être un objet."))
    scaled = _number(score.get("scaled"), "result.score.scaled")
    raw = _number(score.get("raw"), "result.score.raw")
    low = _number(score.get("min"), "result.score.min")
    high = _number(score.get("max"), "result.score.max")
    if scaled is not None and not -1 <= scaled <= 1:
        raise XapiError(_("Le score relatif doit être compris entre -1 et 1."))
    if low is not None and high is not None and low > high:
        raise XapiError(_("Le score minimal dépasse le score maximal."))
    if raw is not None and (
        (low is not None and raw < low) or (high is not None and raw > high)
    ):
        raise XapiError(
            _("Le score brut doit être compris entre le minimum et le maximum.")
        )
    return raw, low, high, scaled


def _boolean(result, key):
    value = result.get(key)
    if value is not None and not isinstance(value, bool):
        raise XapiError(_("result.%(key)s doit être vrai ou faux.") % {"key": key})
    return value


def _duration(value):
    if value is None:
        return None
    match = DURATION.match(value) if isinstance(value, str) else None
    if not match or value in ("P", "PT"):
        raise XapiError(
            _("Durée ISO 8601 invalide : « %(value)s ».") % {"value": value}
        )
    parts = {k: float(v or 0) for k, v in match.groupdict().items()}
    return parts["d"] * 86400 + parts["h"] * 3600 + parts["m"] * 60 + parts["s"]


def _timestamp(value):
    if value is None:
        return timezone.now()
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        raise XapiError(_("Horodatage invalide : « %(value)s ».") % {"value": value})
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)


def _statement_id(statement, expected_id):
    value = statement.get("id", expected_id)
    if value is None:
        return uuid.uuid4()
    try:
        parsed = uuid.UUID(str(value))
    except ValueError as error:
        raise XapiError(_("Identifiant de déclaration invalide.")) from error
    if expected_id is not None and parsed != uuid.UUID(str(expected_id)):
        raise XapiError(
            _("L'identifiant de la déclaration ne correspond pas à statementId.")
        )
    return parsed


def _activity(object_id, statement):
    parts = urlsplit(object_id)
    match = ACTIVITY_PATH.search(parts.path)
    sub = parse_qs(parts.query).get("subContentId", [""])[0]
    extensions = (statement.get("context") or {}).get("extensions") or {}
    sub = sub or str(extensions.get(SUB_CONTENT_EXTENSION) or "")
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
    """Validate one statement sent by ``user``; raise ``XapiError`` if not."""
    if not isinstance(statement, dict):
        raise XapiError(_("Une déclaration doit être un objet JSON."))
    if not _actor_matches(statement.get("actor"), user):
        raise XapiError(
            _("L'acteur de la déclaration n'est pas la personne connectée."), 403
        )
    verb = statement.get("verb")
    verb_id = _iri(verb.get("id") if isinstance(verb, dict) else None, "verb.id")
    target = statement.get("object")
    object_id = _iri(
        target.get("id") if isinstance(target, dict) else None, "object.id"
    )
    result = statement.get("result") or {}
    if not isinstance(result, dict):
        raise XapiError(_("result doit être un objet."))
    raw, low, high, scaled = _score(result)
    content_id, lesson_id, block_id, sub = _activity(object_id, statement)
    statement_id = _statement_id(statement, expected_id)
    stored = {**statement, "id": str(statement_id)}
    return ParsedStatement(
        statement_id=statement_id,
        verb=verb_id,
        object_id=object_id[:1000],
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
        timestamp=_timestamp(statement.get("timestamp")),
        raw=stored,
        content_hash=content_hash(statement),
    )
