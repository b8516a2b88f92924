"""fr-CA times read "13 h 30", not "13 01 30" (Django's fr_CA leaves the
hour mark ``h`` unescaped)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

MONTREAL = ZoneInfo("America/Montreal")
WHEN = datetime(2026, 12, 17, 13, 30, tzinfo=MONTREAL)
NBSP = "\xa0"


def render(template: str, language: str, **context) -> str:
    with translation.override(language):
        return Template(template).render(Context(context))


@pytest.mark.parametrize(
    "template, expected",
    [
        ("{{ when }}", f"17 décembre 2026, 13{NBSP}h{NBSP}30"),
        ("{{ when|date }}", "17 décembre 2026"),
        ("{{ when|time }}", f"13{NBSP}h{NBSP}30"),
        ('{{ when|date:"SHORT_DATETIME_FORMAT" }}', f"2026-12-17 13{NBSP}h{NBSP}30"),
        ("{{ morning|time }}", f"9{NBSP}h{NBSP}05"),
    ],
)
def test_french_times_read_hour_h_minutes(template, expected):
    morning = WHEN.replace(hour=9, minute=5)

    assert render(template, "fr-ca", when=WHEN, morning=morning) == expected


def test_english_times_keep_djangos_format():
    assert render("{{ when|time }}", "en", when=WHEN) == "1:30 p.m."
