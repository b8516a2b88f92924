"""Server-rendered SVG charts: no JavaScript, no dependency. Each has a
<title> and a <desc> and is shown next to the table of its numbers.
Pure functions: data in, markup out."""

import functools
import math

from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

WIDTH = 640
COLOURS = ("#0b5cad", "#1f7a3d", "#9a5b00", "#a3202c", "#5b3fa3")
TEXT = 'fill="#1d2433" font-size="15"'


def number(value, decimals=0) -> str:
    if isinstance(value, str):
        return value
    if type(value) is int and not decimals:
        # Thousands of counts per dashboard: Python's own grouping, with the
        # language's separator, gives what number_format gives, 10x faster.
        separator, grouping = _int_format(get_language())
        if grouping == 3:
            return f"{value:,}".replace(",", separator)
    return formats.number_format(value, decimals, use_l10n=True, force_grouping=True)


@functools.lru_cache(maxsize=8)
def _int_format(language) -> tuple[str, object]:
    return formats.get_format("THOUSAND_SEPARATOR"), formats.get_format(
        "NUMBER_GROUPING"
    )


def nice_ceiling(value: float) -> float:
    """The round number (1, 2, 2.5 or 5 × 10ⁿ) at or above ``value``."""
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def _svg(chart_id, title, description, height, body) -> SafeString:
    # Labels and names go through escape(); the rest is numbers.
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        f"{''.join(body)}</svg>"
    )


def bar_chart(*, chart_id, title, description, bars, unit="", decimals=0):
    """Horizontal bars; ``bars`` is [(label, value)], a value may be a hidden
    small count ("< 5") or None (no data), drawn as text without a bar."""
    label_width, bar_height, gap, top = 250, 18, 8, 6
    numbers = [value for _label, value in bars if isinstance(value, int | float)]
    ceiling = nice_ceiling(max(numbers, default=0))
    room = WIDTH - label_width - 70
    body, y = [], top
    for label, value in bars:
        short = label if len(label) <= 29 else label[:28] + "…"
        body.append(
            f'<text x="{label_width - 8}" y="{y + 13}" text-anchor="end" {TEXT}>'
            f"<title>{escape(label)}</title>{escape(short)}</text>"
        )
        length = 0
        if isinstance(value, int | float):
            length = max(room * value / ceiling, 1 if value else 0)
            body.append(
                f'<rect x="{label_width}" y="{y}" width="{length:.1f}" '
                f'height="{bar_height}" fill="{COLOURS[0]}" rx="2"/>'
            )
        shown = "—" if value is None else number(value, decimals) + unit
        body.append(
            f'<text x="{label_width + length + 6:.1f}" y="{y + 13}" {TEXT}>'
            f"{escape(shown)}</text>"
        )
        y += bar_height + gap
    return _svg(chart_id, title, description, y + top, body)


def axis_ceiling(value: float) -> int:
    """A top for a count axis of four steps, each a whole round number."""
    step = max(1, math.ceil(nice_ceiling(value / 4))) if value > 0 else 1
    return 4 * step


def _y_axis(ceiling, left, top, plot_height, right):
    body = []
    for step in range(5):
        value = ceiling * step / 4
        y = top + plot_height - plot_height * step / 4
        body.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" '
            'stroke="#d9dee8"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" {TEXT}>'
            f"{number(value)}</text>"
        )
    return body


def _legend(series, left):
    body, x = [], left
    for index, (name, _values) in enumerate(series):
        colour = COLOURS[index % len(COLOURS)]
        body.append(
            f'<rect x="{x}" y="4" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 16}" y="14" {TEXT}>{escape(name)}</text>'
        )
        x += 28 + 9 * len(name)  # about 9 units a character at this size
    return body


def _labelled(count: int, most: int = 6) -> list[int]:
    """Which points get a label: evenly spaced, the last one always, none
    too close to it."""
    if count == 0:
        return []
    every = max(1, math.ceil(count / most))
    shown = [i for i in range(0, count, every) if count - 1 - i >= every or i == 0]
    return sorted({*shown, count - 1})


def line_chart(*, chart_id, title, description, labels, series):
    """Lines over time; ``series`` is [(name, [value per label])]."""
    left, top, right, plot_height = 56, 28, WIDTH - 12, 180
    numbers = [v for _name, values in series for v in values]
    ceiling = axis_ceiling(max(numbers, default=0))
    body = _y_axis(ceiling, left, top, plot_height, right) + _legend(series, left)
    count = max(len(labels), 1)
    step_x = (right - left) / max(count - 1, 1)
    for index in _labelled(len(labels)):
        x = left + step_x * index
        anchor = "end" if index == count - 1 and count > 1 else "middle"
        if index == 0:
            anchor = "start"  # the first label starts at the axis, not before it
        body.append(
            f'<text x="{x:.1f}" y="{top + plot_height + 18}" '
            f'text-anchor="{anchor}" {TEXT}>{escape(labels[index])}</text>'
        )
    for index, (_name, values) in enumerate(series):
        coords = [
            (left + step_x * i, top + plot_height - plot_height * value / ceiling)
            for i, value in enumerate(values)
        ]
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        colour = COLOURS[index % len(COLOURS)]
        body.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" '
            'stroke-width="2.5" stroke-linejoin="round"/>'
        )
        if len(coords) <= 24:  # a dot per point: a single month still shows
            body.extend(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'
                for x, y in coords
            )
    return _svg(chart_id, title, description, top + plot_height + 28, body)


def funnel_chart(*, chart_id, title, description, steps):
    """Centred bars narrowing from the first step; ``steps`` is [(label, n)]."""
    bar_height, gap = 30, 10
    first = steps[0][1] if steps and isinstance(steps[0][1], int) else 0
    body, y = [], 4
    for index, (label, value) in enumerate(steps):
        counted = isinstance(value, int)
        share = value / first if counted and first else 0
        length = max((WIDTH - 40) * share, 2)
        colour = COLOURS[min(index, len(COLOURS) - 1)]
        body.append(
            f'<rect x="{(WIDTH - length) / 2:.1f}" y="{y}" width="{length:.1f}" '
            f'height="{bar_height}" fill="{colour}" opacity="0.18" rx="3"/>'
        )
        percent = f" ({number(100 * share, 1)} %)" if counted and first else ""
        body.append(
            f'<text x="{WIDTH / 2}" y="{y + 20}" text-anchor="middle" '
            f'fill="#1d2433" font-size="14">'
            f"{escape(label)} : {escape(number(value))}{percent}</text>"
        )
        y += bar_height + gap
    return _svg(chart_id, title, description, y, body)
