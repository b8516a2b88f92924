"""Catalogue cards say whether a path is required, recommended or optional for
the learner's role, or for the role chosen in the filter."""

import re

import pytest

from courses.roles import LearnerRole
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _label(html):
    match = re.search(
        r'<span class="requirement"><span class="tag tag-(\w+)">([^<]+)</span> '
        r"([^<]+)</span>",
        html,
    )
    return match and (match[1], match[2], match[3].strip())


def test_a_mayor_sees_required_for_their_role(client, site, municipalities):
    client.force_login(UserFactory(email="maire@exemple.qc.ca", role=LearnerRole.MAYOR))

    html = client.get(site["catalogue"].url).content.decode()

    assert _label(html) == ("required", "Obligatoire", "pour votre rôle")


def test_a_role_without_a_rule_sees_optional(client, site, municipalities):
    client.force_login(
        UserFactory(email="employe@exemple.qc.ca", role=LearnerRole.EMPLOYEE)
    )

    html = client.get(site["catalogue"].url).content.decode()

    assert _label(html) == ("optional", "Facultatif", "pour votre rôle")


def test_the_filtered_role_wins_over_the_learners_own(client, site, municipalities):
    client.force_login(UserFactory(email="maire@exemple.qc.ca", role=LearnerRole.MAYOR))

    html = client.get(site["catalogue"].url, {"role": "manager"}).content.decode()

    assert _label(html) == (
        "recommended",
        "Recommandé",
        "pour le rôle « Gestionnaire »",
    )


def test_a_visitor_sees_the_label_only_for_a_chosen_role(client, site):
    assert _label(client.get(site["catalogue"].url).content.decode()) is None

    html = client.get(site["catalogue"].url, {"role": "mayor"}).content.decode()

    assert _label(html) == (
        "required",
        "Obligatoire",
        "pour le rôle « Élu·e — maire ou mairesse »",
    )


def test_the_home_page_cards_show_the_learners_label(client, site, municipalities):
    client.force_login(UserFactory(email="maire@exemple.qc.ca", role=LearnerRole.MAYOR))

    html = client.get(site["home"].url).content.decode()

    assert _label(html) == ("required", "Obligatoire", "pour votre rôle")
