"""Validators for the scalar field types: text, number, boolean, select.

Each takes a value and its field semantics and returns the cleaned value, or
None when the field must be dropped, as ``H5PContentValidator`` does.
"""

import math
import re

from courses.h5p.markup import escape_text, filter_html

NUMERIC = re.compile(r"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$")
MAX_MAGNITUDE = 1e15


def text(value, semantics) -> str:
    """HTML filtered to the field's ``tags``, or escaped plain text."""
    result = value if isinstance(value, str) else ""
    tags, font = semantics.get("tags"), semantics.get("font")
    is_html = isinstance(tags, list)
    result = filter_html(result, tags, font) if is_html else escape_text(result)
    limit = as_number(semantics.get("maxLength"))
    if isinstance(limit, int) and 0 <= limit < len(result):
        result = result[:limit]
        if is_html:  # a cut may leave a tag open
            result = filter_html(result, tags, font)
    return result


def number(value, semantics):
    """A number within ``min``/``max``, on ``step``, rounded to ``decimals``."""
    result = as_number(value)
    result = 0 if result is None else result
    low, high = as_number(semantics.get("min")), as_number(semantics.get("max"))
    if low is not None and result < low:
        result = low
    if high is not None and result > high:
        result = high
    step = as_number(semantics.get("step"))
    if step:
        rest = math.fmod(result - (low or 0), step)
        result = result - rest if isinstance(result, float) else result - int(rest)
    decimals = as_number(semantics.get("decimals"))
    if isinstance(decimals, int) and 0 <= decimals <= 15:
        result = round(result, decimals)
    return result


def boolean(value, semantics):
    """Booleans only; anything else falls back to the default or is dropped."""
    if isinstance(value, bool):
        return value
    default = semantics.get("default")
    return default if isinstance(default, bool) else None


def select(value, semantics):
    """One of the options (or the default), a list of them when ``multiple``."""
    options = _option_values(semantics)
    if semantics.get("multiple"):
        values = value if isinstance(value, list) else [value]
        chosen = (_choose(item, options) for item in values)
        return [item for item in chosen if item is not None]
    if isinstance(value, list):
        value = value[0] if value else None
    chosen = _choose(value, options)
    if chosen is None and options:
        chosen = _choose(semantics.get("default"), options)
    return chosen


def _option_values(semantics) -> list:
    options = semantics.get("options")
    values = []
    for option in options if isinstance(options, list) else ():
        if not isinstance(option, dict):
            continue
        if option.get("type") == "optgroup":
            values.extend(_option_values(option))
        elif isinstance(option.get("value"), str | int | float):
            values.append(option["value"])
    return values


def _choose(value, options: list):
    """``value`` as one of ``options`` (any scalar when there are none)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    if options:
        value = next((o for o in options if str(o) == str(value)), None)
    return escape_text(value) if isinstance(value, str) else value


def as_number(value):
    if isinstance(value, str) and len(value) <= 64 and NUMERIC.match(value):
        value = float(value) if re.search(r"[.eE]", value) else int(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value if math.isfinite(value) and abs(value) <= MAX_MAGNITUDE else None


def as_int(value) -> int:
    """PHP's ``intval`` for the values a file field may carry."""
    if isinstance(value, str):
        match = re.match(r"^\s*[+-]?\d{1,18}", value)
        value = int(match[0]) if match else 0
    number = as_number(value)
    return int(number) if number is not None else 0
