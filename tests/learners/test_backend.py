"""``learners.backends.AccountBackend``: the signed-in user read in plain SQL
on every request is the same row, with the same refusals, as Django's
``ModelBackend`` reads (issue 15)."""

import pytest
from django.contrib.auth.backends import ModelBackend
from django.forms.models import model_to_dict

from learners.backends import AccountBackend

pytestmark = pytest.mark.django_db


def test_the_same_user_as_the_orm_reads(learner):
    ours = AccountBackend().get_user(learner.pk)
    django = ModelBackend().get_user(learner.pk)

    assert ours == django
    assert model_to_dict(ours) == model_to_dict(django)
    assert ours.municipality.pk == learner.municipality_id
    # Loaded as the ORM loads a row: saving it again updates, never inserts.
    assert not ours._state.adding
    assert ours._state.db == "default"
    assert ours.date_joined == learner.date_joined
    assert ours.date_joined.tzinfo is not None


def test_an_inactive_or_deleted_account_is_nobody(learner):
    learner.is_active = False
    learner.save()
    assert AccountBackend().get_user(learner.pk) is None

    pk = learner.pk
    learner.delete()
    assert AccountBackend().get_user(pk) is None


def test_a_deactivated_learner_is_signed_out_at_the_next_request(client, site, learner):
    url = site["path"].url
    client.force_login(learner)
    assert "Se déconnecter" in client.get(url).content.decode()

    learner.is_active = False
    learner.save()

    assert "Se déconnecter" not in client.get(url).content.decode()


def test_signing_in_with_the_form_uses_it(client, learner):
    learner.set_password("un-mot-de-passe-solide-2026")
    learner.save()

    response = client.post(
        "/compte/connexion/",
        {"username": learner.email, "password": "un-mot-de-passe-solide-2026"},
    )

    assert response.status_code == 302
    assert client.session["_auth_user_backend"] == "learners.backends.AccountBackend"
