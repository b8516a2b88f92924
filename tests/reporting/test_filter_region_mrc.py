"""The dashboard's filters depend on each other: a region narrows the MRC
list (on the server; a static script reloads the form when the region
changes, as the CSP allows no inline script)."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale

from courses.models import LearningPathPage
from reporting.forms import ParticipationFilterForm
from reporting.rollup import rollup_refresh
from territory.models import Mrc, Region

pytestmark = pytest.mark.django_db


def mrc_options(form) -> set[str]:
    html = str(form["mrc"])
    return set(re.findall(r'<option value="(\w+)"', html))


def test_a_region_offers_only_its_mrcs(municipalities):
    region = Region.objects.get(code="12")

    form = ParticipationFilterForm({"region": "12"})

    expected = set(Mrc.objects.filter(region=region).values_list("code", flat=True))
    assert expected and mrc_options(form) == expected
    assert Mrc.objects.exclude(region=region).exists()


def test_without_a_region_every_mrc_is_offered(municipalities):
    assert mrc_options(ParticipationFilterForm({})) == set(
        Mrc.objects.values_list("code", flat=True)
    )


def test_an_mrc_of_another_region_still_gets_its_message(municipalities):
    other = Mrc.objects.exclude(region__code="12").first()

    form = ParticipationFilterForm({"region": "12", "mrc": other.code})

    assert not form.is_valid()
    assert form.errors["mrc"] == ["Cette MRC n'est pas dans la région choisie."]


def test_the_page_narrows_and_loads_the_script(client, province, coordinator):
    rollup_refresh()
    client.force_login(coordinator)

    html = client.get(reverse("reporting:dashboard"), {"region": "12"}).content
    html = html.decode()

    select = re.search(r'<select name="mrc".*?</select>', html, re.S).group(0)
    shown = set(re.findall(r'<option value="(\w+)"', select))
    assert shown == set(
        Mrc.objects.filter(region__code="12").values_list("code", flat=True)
    )
    assert 'data-narrows="mrc"' in html
    assert re.search(r'<script src="[^"]*reporting/filters\.js"', html)
    assert "<script>" not in html


def test_the_path_filter_offers_the_original_paths_not_their_translations(site):
    """Progress is counted on the French paths: their English copies are not
    offered a second time."""
    english, _ = Locale.objects.get_or_create(language_code="en")
    path = site["path"]
    site["catalogue"].add_child(
        instance=LearningPathPage(
            title=path.title,
            slug="translated",
            summary=path.summary,
            theme=path.theme,
            estimated_hours=1,
            locale=english,
            translation_key=path.translation_key,
        )
    )

    field = ParticipationFilterForm()["parcours"].field
    choices = [label for _value, label in field.choices]

    assert choices.count(path.title) == 1
