"""The Wagtail userbar (1.2 MB of admin CSS and JavaScript) is sent to staff
on the site's pages, where editing is one click away, and nowhere else."""

import pytest

from learners.models import User

pytestmark = pytest.mark.django_db

USERBAR = "wagtail-userbar"


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser(
        email="editrice@example.org", password="x" * 14
    )
    client.force_login(user)
    return user


def test_staff_get_the_userbar_on_a_page(client, editor, site):
    response = client.get("/")

    assert response.status_code == 200
    assert USERBAR in response.text


def test_staff_do_not_get_it_on_application_views(client, editor, site):
    response = client.get("/compte/profil/")

    assert response.status_code == 200
    assert USERBAR not in response.text
