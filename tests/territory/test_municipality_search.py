import pytest
from django.urls import reverse

from territory.selectors import municipality_search
from territory.text import search_key

pytestmark = pytest.mark.django_db


def names(results):
    return [m.name for m in results]


def test_search_key_folds_accents_case_hyphens_and_apostrophes():
    assert search_key("Saint-Elzéar") == "saint elzear"
    assert search_key("L'Île-Perrot") == "l ile perrot"
    assert search_key("  VAL-D’OR ") == "val d or"


@pytest.mark.parametrize(
    "query", ["saint elzear", "SAINT-ÉLZÉAR", "Saint-Elzéar", "elzear"]
)
def test_accent_insensitive_search_finds_saint_elzear(municipalities, query):
    assert "Saint-Elzéar" in names(municipality_search(query=query))


def test_exact_prefix_comes_first_and_homonyms_are_told_apart(municipalities):
    results = municipality_search(query="saint elzear")

    assert names(results)[:2] == ["Saint-Elzéar", "Saint-Elzéar"]
    assert {m.region.name for m in results[:2]} == {
        "Gaspésie–Îles-de-la-Madeleine",
        "Chaudière-Appalaches",
    }
    assert "Saint-Elzéar-de-Témiscouata" in names(results)


def test_every_word_must_match(municipalities):
    assert names(municipality_search(query="montreal est")) == ["Montréal-Est"]


def test_blank_or_unknown_query_finds_nothing(municipalities):
    assert names(municipality_search(query="   ")) == []
    assert names(municipality_search(query="atlantide")) == []


def test_search_endpoint_returns_codes_and_labels(client, municipalities):
    response = client.get(
        reverse("learners:municipality_search"), {"q": "saint elzear"}
    )

    assert response.status_code == 200
    first = response.json()["results"][0]
    assert first["code"] in {"05050", "26022"}
    assert first["label"].startswith("Saint-Elzéar (Municipalité, ")
