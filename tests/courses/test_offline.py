"""Offline lessons (issue 16): what a module lists for offline use, who may
download it, and the service workers' scripts."""

import pytest

from courses.offline import module_offline
from courses.player import content_key
from courses.services import h5p_content_import
from learners.models import H5PLaunch
from learners.services import enrolment_create
from tests.courses.h5p_builders import build, package_files
from tests.factories import UserFactory, build_site
from tests.h5p_fixtures import lesson_with_h5p

pytestmark = pytest.mark.django_db

PLAYER = "h5p.testserver"


@pytest.fixture
def tree(db):
    tree = build_site()
    content = h5p_content_import(source=build(package_files()), title="Exemple")
    lesson_with_h5p(tree["lesson"], content)
    tree["content"] = content
    return tree


def manifest_url(module):
    return f"/hors-ligne/modules/{module.pk}?langue=fr-ca"


def test_the_module_lists_its_pages_and_the_player_files_of_its_exercises(tree):
    module, lesson, content = tree["module"], tree["lesson"], tree["content"]

    offline = module_offline(module=module, language="fr-ca")

    assert offline.pages == [module.url, lesson.url]
    assert [(e.lesson_id, e.block_id, e.content_id) for e in offline.exercises] == [
        (lesson.pk, "bloc-1", content.pk)
    ]
    base = f"/h5p/lecteur/{content.pk}/{content_key(content.pk)}"
    assert f"{base}/h5p.json" in offline.player_files
    assert f"{base}/fr-ca/content/content.json" in offline.player_files
    assert f"{base}/fr-ca/content/images/photo.png" in offline.player_files
    libraries = [url for url in offline.player_files if "/bibliotheques/v/" in url]
    assert any(url.endswith("/library.json") for url in libraries)
    assert any(url.endswith("/virage-bundle.js") for url in libraries)
    assert not any(url.endswith("semantics.json") for url in libraries)


def test_a_draft_lesson_is_not_listed(tree):
    tree["lesson"].unpublish()

    offline = module_offline(module=tree["module"], language="fr-ca")

    assert offline.pages == [tree["module"].url]
    assert offline.exercises == [] and offline.player_files == []


def test_an_enrolled_learner_gets_the_manifest_with_a_launch_per_exercise(
    client, tree, learner
):
    enrolment_create(user=learner, path=tree["path"])
    client.force_login(learner)

    response = client.get(manifest_url(tree["module"]))

    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    data = response.json()
    assert data["pages"] == [tree["module"].url, tree["lesson"].url]
    assert data["shell"] == "/compte/mon-parcours/"
    [kept] = data["launches"]
    launch = H5PLaunch.objects.get(pk=kept["launch"])
    assert (launch.user, launch.lesson_id, launch.block_id) == (
        learner,
        tree["lesson"].pk,
        "bloc-1",
    )
    assert kept["player_url"] in data["player"]["files"]
    assert "parent=http%3A%2F%2Ftestserver" in data["player"]["store"]


def test_the_manifest_holds_only_the_asking_learners_launches(client, tree, learner):
    other = UserFactory()
    for person in (learner, other):
        enrolment_create(user=person, path=tree["path"])
    client.force_login(other)
    client.get(manifest_url(tree["module"]))
    client.force_login(learner)

    data = client.get(manifest_url(tree["module"])).json()

    launches = [kept["launch"] for kept in data["launches"]]
    assert set(
        H5PLaunch.objects.filter(pk__in=launches).values_list("user", flat=True)
    ) == {learner.pk}
    others = {
        str(pk)
        for pk in H5PLaunch.objects.filter(user=other).values_list("pk", flat=True)
    }
    assert others and not others & set(str(data))
    assert other.email not in str(data)


def test_an_anonymous_visitor_is_refused(client, tree):
    response = client.get(manifest_url(tree["module"]))

    assert response.status_code == 401
    assert "Connectez-vous" in response.json()["error"]
    assert not H5PLaunch.objects.exists()


def test_a_learner_not_enrolled_in_the_path_is_refused(client, tree, learner):
    client.force_login(learner)

    response = client.get(manifest_url(tree["module"]))

    assert response.status_code == 403
    assert "Inscrivez-vous" in response.json()["error"]
    assert not H5PLaunch.objects.exists()


def test_a_draft_or_missing_module_is_not_found(client, tree, learner):
    enrolment_create(user=learner, path=tree["path"])
    client.force_login(learner)
    tree["module"].unpublish()

    assert client.get(manifest_url(tree["module"])).status_code == 404
    assert client.get("/hors-ligne/modules/999999").status_code == 404


def test_staff_may_download_a_module(client, tree, trainer):
    client.force_login(trainer)

    assert client.get(manifest_url(tree["module"])).status_code == 200


def test_the_manifest_only_answers_get(client, tree, learner):
    enrolment_create(user=learner, path=tree["path"])
    client.force_login(learner)

    assert client.post(manifest_url(tree["module"])).status_code == 405


def test_the_site_worker_is_served_from_the_root_uncached(client):
    response = client.get("/sw.js")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    body = response.content.decode()
    assert "workbox-routing.prod.js" in body and "site-sw.js" in body
    assert "/compte/mon-parcours/" in body


def test_the_player_worker_and_store_page_exist_only_on_the_player_host(client):
    worker = client.get("/sw.js", HTTP_HOST=PLAYER)
    assert worker.status_code == 200 and "player-sw.js" in worker.content.decode()
    assert "site-sw.js" not in worker.content.decode()

    store = client.get("/h5p/hors-ligne/?parent=http://testserver", HTTP_HOST=PLAYER)
    assert store.status_code == 200
    assert "frame-ancestors http://testserver" in store["Content-Security-Policy"]
    assert not store.cookies
    assert client.get("/h5p/hors-ligne/?parent=http://testserver").status_code == 404


def test_the_store_page_refuses_a_foreign_parent(client):
    for parent in ("http://evil.example", f"http://{PLAYER}", "javascript:x", ""):
        response = client.get(f"/h5p/hors-ligne/?parent={parent}", HTTP_HOST=PLAYER)
        assert response.status_code == 404
