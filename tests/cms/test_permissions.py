import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.refusals import admin_refused

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_trainer_edits_and_publishes_a_lesson(client, site, trainer):
    client.force_login(trainer)
    lesson = site["lesson"]

    assert client.get(edit_url(lesson)).status_code == 200
    add_lesson = client.get(
        reverse("wagtailadmin_pages:add_subpage", args=[site["module"].pk]),
        follow=True,
    )
    assert add_lesson.status_code == 200
    perms = lesson.permissions_for_user(trainer)
    assert perms.can_edit() and perms.can_publish()


def test_trainer_cannot_manage_users_or_edit_the_home_page(client, site, trainer):
    client.force_login(trainer)

    admin_refused(client.get(reverse("wagtailusers_users:index")))
    admin_refused(client.get(reverse("wagtailusers_groups:index")))
    assert not site["home"].permissions_for_user(trainer).can_edit()
    admin_refused(client.get(edit_url(site["home"])))


def test_coordinator_reaches_the_admin_but_edits_no_page(client, site, coordinator):
    client.force_login(coordinator)

    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    for page in (site["home"], site["path"], site["lesson"]):
        assert not page.permissions_for_user(coordinator).can_edit()
        admin_refused(client.get(edit_url(page)))


def test_learner_has_no_admin(client, site, learner):
    client.force_login(learner)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 302
    assert "login" in response.url


def test_administrator_manages_users(client, site, municipalities):
    admin = UserFactory(email="admin@exemple.qc.ca", role="", group="Administrateurs")
    client.force_login(admin)

    assert client.get(reverse("wagtailusers_users:index")).status_code == 200
    assert site["home"].permissions_for_user(admin).can_edit()


def test_only_administrators_may_install_h5p_libraries(
    municipalities, trainer, coordinator
):
    admin = UserFactory(email="admin@exemple.qc.ca", role="", group="Administrateurs")

    assert admin.has_perm("courses.install_h5plibrary")
    assert not trainer.has_perm("courses.install_h5plibrary")
    assert not coordinator.has_perm("courses.install_h5plibrary")


def test_the_install_permission_survives_a_group_resync(municipalities):
    from django.contrib.auth.models import Group

    from cms.permissions import ADMINISTRATORS, staff_groups_sync

    administrators = Group.objects.get(name=ADMINISTRATORS)
    administrators.permissions.clear()

    staff_groups_sync()

    assert administrators.permissions.filter(codename="install_h5plibrary").exists()


def test_anonymous_sees_the_catalogue_but_not_lesson_bodies(client, site):
    assert client.get(site["catalogue"].url).status_code == 200
    path_page = client.get(site["path"].url)
    assert "Comprendre les menaces" in path_page.content.decode()

    lesson = client.get(site["lesson"].url).content.decode()

    assert "Reconnaître un courriel frauduleux." in lesson  # the summary
    assert "Un rançongiciel chiffre les serveurs." not in lesson
    assert "réservé aux personnes inscrites" in lesson


def test_signed_in_learner_reads_the_lesson_body(client, site, learner):
    client.force_login(learner)

    lesson = client.get(site["lesson"].url).content.decode()

    assert "Un rançongiciel chiffre les serveurs." in lesson
    assert "<h2>Les signes qui trompent</h2>" in lesson
