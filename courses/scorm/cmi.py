"""The CMI data model a SCO commits, checked on the server (no database).

A commit is the flattened CMI object the runtime (scorm-again) renders:
``{"cmi.core.lesson_status": "passed", "cmi.interactions.0.id": "q1", ...}``.
Every element the platform keeps is checked for type, vocabulary and
length; elements the LMS sets (learner id, credit, entry...) and collections
the platform does not keep are ignored. A bad value raises ``CmiError``
carrying the SCORM error code the SCO would get from ``SetValue``.
"""

import math
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.errors import ApplicationError

SCORM_12_SUSPEND_DATA = 4096
SCORM_2004_SUSPEND_DATA = 64000
MAX_INTERACTIONS = 500
# SCORM 1.2: 405 "Incorrect Data Type"; 2004: 406 "Data Model Element Type
# Mismatch" and 407 "Data Model Element Value Out Of Range".
TYPE_ERROR = {True: "406", False: "405"}
RANGE_ERROR = {True: "407", False: "405"}

_TIMESPAN_12 = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")
_DURATION = re.compile(
    r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?"
    r"(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$"
)
_INTERACTION = re.compile(r"^cmi\.interactions\.(\d+)\.([a-z_]+)$")


class CmiError(ApplicationError):
    """A commit the data model refuses: ``element`` names the element,
    ``scorm_error`` is the error code for the SCO."""

    def __init__(self, message, *, element: str, scorm_error: str):
        super().__init__(message, code="invalid-cmi")
        self.element = element
        self.scorm_error = scorm_error


@dataclass
class CmiState:
    """What a commit says, in one vocabulary for both versions."""

    completion_status: str = "unknown"
    success_status: str = "unknown"
    score_raw: float | None = None
    score_min: float | None = None
    score_max: float | None = None
    score_scaled: float | None = None
    location: str = ""
    suspend_data: str = ""
    exit: str = ""
    session_seconds: float = 0.0
    interactions: list[dict] = field(default_factory=list)


SPEC_12 = {
    "status": "cmi.core.lesson_status",
    "location": "cmi.core.lesson_location",
    "exit": "cmi.core.exit",
    "session_time": "cmi.core.session_time",
    "raw": "cmi.core.score.raw",
    "min": "cmi.core.score.min",
    "max": "cmi.core.score.max",
}
SPEC_2004 = {
    "completion": "cmi.completion_status",
    "success": "cmi.success_status",
    "location": "cmi.location",
    "exit": "cmi.exit",
    "session_time": "cmi.session_time",
    "raw": "cmi.score.raw",
    "min": "cmi.score.min",
    "max": "cmi.score.max",
    "scaled": "cmi.score.scaled",
}
STATUS_12 = {
    "passed": ("completed", "passed"),
    "failed": ("completed", "failed"),
    "completed": ("completed", "unknown"),
    "incomplete": ("incomplete", "unknown"),
    "browsed": ("incomplete", "unknown"),
    "not attempted": ("not attempted", "unknown"),
}
COMPLETION_2004 = ("completed", "incomplete", "not attempted", "unknown")
SUCCESS_2004 = ("passed", "failed", "unknown")
EXIT_12 = ("", "time-out", "suspend", "logout")
EXIT_2004 = ("", "time-out", "suspend", "logout", "normal")
INTERACTION_TYPES_12 = (
    "true-false choice fill-in matching performance sequencing likert numeric".split()
)
INTERACTION_TYPES_2004 = (*INTERACTION_TYPES_12, "long-fill-in", "other")
RESULTS_12 = ("correct", "wrong", "unanticipated", "neutral")
RESULTS_2004 = ("correct", "incorrect", "unanticipated", "neutral")


def parse_commit(data, *, is_2004: bool) -> CmiState:
    """The state a flattened commit describes; ``CmiError`` at the first
    element the data model refuses."""
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise _error(_("Les données SCORM doivent être un objet."), "cmi", "101")
    values = {k: v for k, v in data.items() if isinstance(v, str | int | float)}
    for key, value in values.items():
        if not key.startswith("cmi.") or len(str(value)) > SCORM_2004_SUSPEND_DATA:
            if key != "cmi.suspend_data":
                raise _error(
                    _("Élément SCORM refusé : « %(element)s ».")
                    % {"element": key[:80]},
                    key[:80],
                    TYPE_ERROR[is_2004],
                )
    state = _state_2004(values) if is_2004 else _state_12(values)
    state.suspend_data = _text(
        values, "cmi.suspend_data", _suspend_max(is_2004), is_2004
    )
    state.interactions = _interactions(values, is_2004)
    return state


def _suspend_max(is_2004: bool) -> int:
    return SCORM_2004_SUSPEND_DATA if is_2004 else SCORM_12_SUSPEND_DATA


def _state_12(values) -> CmiState:
    status = _choice(values, SPEC_12["status"], ("", *STATUS_12), False, "")
    completion, success = STATUS_12.get(status, ("unknown", "unknown"))
    raw, low, high = (
        _number(values, SPEC_12[k], False, 0, 100) for k in ("raw", "min", "max")
    )
    return CmiState(
        completion_status=completion,
        success_status=success,
        score_raw=raw,
        score_min=low,
        score_max=high,
        score_scaled=_scaled_12(raw, low, high),
        location=_text(values, SPEC_12["location"], 255, False),
        exit=_choice(values, SPEC_12["exit"], EXIT_12, False, ""),
        session_seconds=_timespan_12(values, SPEC_12["session_time"]),
    )


def _scaled_12(raw, low, high) -> float | None:
    if raw is None:
        return None
    low = 0 if low is None else low
    high = 100 if high is None else high
    if high <= low:
        return None
    return max(0.0, min(1.0, (raw - low) / (high - low)))


def _state_2004(values) -> CmiState:
    numbers = {
        k: _number(values, SPEC_2004[k], True, -math.inf, math.inf)
        for k in ("raw", "min", "max")
    }
    return CmiState(
        completion_status=_choice(
            values, SPEC_2004["completion"], COMPLETION_2004, True, "unknown"
        ),
        success_status=_choice(
            values, SPEC_2004["success"], SUCCESS_2004, True, "unknown"
        ),
        score_raw=numbers["raw"],
        score_min=numbers["min"],
        score_max=numbers["max"],
        score_scaled=_number(values, SPEC_2004["scaled"], True, -1, 1),
        location=_text(values, SPEC_2004["location"], 1000, True),
        exit=_choice(values, SPEC_2004["exit"], EXIT_2004, True, ""),
        session_seconds=_duration(values, SPEC_2004["session_time"]),
    )


def _interactions(values, is_2004: bool) -> list[dict]:
    found: dict[int, dict] = {}
    for key, value in values.items():
        match = _INTERACTION.match(key)
        if not match:
            continue
        index, name = int(match.group(1)), match.group(2)
        if index >= MAX_INTERACTIONS:
            raise _error(
                _("Trop d'interactions (maximum %(max)s).") % {"max": MAX_INTERACTIONS},
                key,
                RANGE_ERROR[is_2004],
            )
        found.setdefault(index, {})[name] = _interaction_value(
            key, name, str(value), is_2004
        )
    return [
        {k: v for k, v in found[i].items() if v not in ("", None)}
        for i in sorted(found)
    ]


def _interaction_value(key, name, value, is_2004):
    types = INTERACTION_TYPES_2004 if is_2004 else INTERACTION_TYPES_12
    results = RESULTS_2004 if is_2004 else RESULTS_12
    if name == "type":
        return _choice({key: value}, key, ("", *types), is_2004, "")
    if name == "result":
        if value in ("", *results):
            return value
        return str(_number({key: value}, key, is_2004, -math.inf, math.inf))
    if name in ("weighting",):
        return _number({key: value}, key, is_2004, -math.inf, math.inf)
    limits = {"id": 4000 if is_2004 else 255, "description": 250}
    return _text({key: value}, key, limits.get(name, 4000 if is_2004 else 255), is_2004)


def _choice(values, key, allowed, is_2004, default) -> str:
    value = str(values.get(key, default))
    if value not in allowed:
        raise _error(
            _("Valeur refusée pour « %(element)s » : « %(value)s ».")
            % {"element": key, "value": value[:80]},
            key,
            TYPE_ERROR[is_2004],
        )
    return value


def _text(values, key, limit, is_2004) -> str:
    value = str(values.get(key, ""))
    if len(value) > limit:
        raise _error(
            _(
                "« %(element)s » est trop long (%(length)s caractères ; maximum "
                "%(max)s)."
            )
            % {"element": key, "length": len(value), "max": limit},
            key,
            TYPE_ERROR[is_2004],
        )
    return value


def _number(values, key, is_2004, low, high) -> float | None:
    value = str(values.get(key, "")).strip()
    if value == "":
        return None
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise _error(
            _("« %(element)s » doit être un nombre (reçu « %(value)s »).")
            % {"element": key, "value": value[:80]},
            key,
            TYPE_ERROR[is_2004],
        )
    if not low <= number <= high:
        raise _error(
            _("« %(element)s » est hors limites (%(value)s).")
            % {"element": key, "value": value[:80]},
            key,
            RANGE_ERROR[is_2004],
        )
    return number


def _timespan_12(values, key) -> float:
    value = str(values.get(key, "")).strip()
    if not value:
        return 0.0
    if not _TIMESPAN_12.match(value):
        raise _time_error(key, value, False)
    hours, minutes, seconds = value.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def _duration(values, key) -> float:
    value = str(values.get(key, "")).strip()
    if not value:
        return 0.0
    match = _DURATION.match(value)
    if not match or value in ("P", "PT") or value.endswith("T"):
        raise _time_error(key, value, True)
    years, months, days, hours, minutes, seconds = (
        float(g or 0) for g in match.groups()
    )
    return (
        ((years * 365 + months * 30 + days) * 24 + hours) * 3600
        + minutes * 60
        + seconds
    )


def _time_error(key, value, is_2004) -> CmiError:
    return _error(
        _("« %(element)s » n'est pas une durée valide (reçu « %(value)s »).")
        % {"element": key, "value": value[:80]},
        key,
        TYPE_ERROR[is_2004],
    )


def _error(message, element, scorm_error) -> CmiError:
    return CmiError(message, element=element, scorm_error=scorm_error)
