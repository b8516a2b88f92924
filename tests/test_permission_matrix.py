"""The permission matrix (issue 10, §7): every kind of URL × every kind of
person → what they get. ``MATRIX`` *is* the specification; the one test below
plays each of its cells.

The actors, the columns of the table (``tests/permission_matrix_fixtures.py``
builds them and what they own):

    anon      nobody signed in
    learner   enrolled in the path; owns a certificate, an xAPI statement, a
              saved H5P state, a SCORM launch and a confirmed session
              registration
    other_l   another learner, same municipality, enrolled too; owns nothing
    trainer   Formateurs; leads the session, uploaded an enrolment import
    other_t   Formateurs; leads nothing
    coord     Coordonnateurs UMQ; requested a finished export
    contact   Saint-Elzéar's training contact (a learner, not enrolled)
    other_c   Gaspé's training contact (a learner, not enrolled)
    admin     Administrateurs (not a superuser)

A cell is an exact HTTP status, or:

    LOGIN    302 to the site's sign-in page, ``?next=`` the URL asked for
    ALOGIN   302 to the admin's sign-in page, ``?next=`` the URL asked for:
             Wagtail's answer to anyone who may not reach the admin at all
    DENIED   302 to the admin dashboard: Wagtail's refusal of a page the
             staff member's group does not allow
    A_HOME   302 to the admin dashboard: already signed in as staff
    BODY     200 with the lesson's text (and no player key: only the launch
             endpoint hands that out); GATE: 200, the sign-in invitation instead
    MINE     200 with the row's ``marker`` (the learner's own data) in it;
             EMPTY: 200 without it
    NAMES    200 with the learner's name; COUNTS: 200 without it
    TO_…     302 to the page named (a form posted, back where it was)
    X…       what is right, but not what the code does yet: a strict xfail

``player:`` before a path asks the H5P player's host (``h5p.testserver``)
instead of the site's; ``{name}`` is an object of the world. Staff two-factor
and login lockout are off here (``cms/settings/test.py``); their own tests
cover them.
"""

import json
import uuid
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse

from territory.models import Municipality
from territory.services import municipalities_load
from tests.permission_matrix_fixtures import (
    ACTORS,
    LEARNER,
    LESSON_TEXT,
    SAVED_MARKER,
    SAVED_STATE,
    build_world,
)

pytestmark = pytest.mark.django_db

PLAYER_HOST = "h5p.testserver"
LESSON = "/catalogue/cyber-elus/menaces/hameconnage/"
PLAYER = "/h5p/lecteur/{content}/{key}"
WRONG_KEY = "/h5p/lecteur/{content}/{wrong_key}"
PARENT = "?langue=fr-ca&parent=http://testserver"
STATE = "/h5p/etat/{content}/{lesson}/{block}/state/0"
SESSION = "/compte/seances/{session}"
TOWN = "/participation/municipalites/{town}"
SCORM = "/scorm/lecteur/{scorm}/{scorm_key}"
SCORM_WRONG_KEY = "/scorm/lecteur/{scorm}/{wrong_key}"


@dataclass(frozen=True)
class Expect:
    status: int
    to: str = ""  # where a redirect leads: a URL name, or a path
    shows: str = ""  # text the body must contain
    hides: str = ""  # text the body must not contain
    label: str = ""

    def __str__(self):
        return self.label or str(self.status)


@dataclass(frozen=True)
class Xfail:
    """A cell the code gets wrong today; the matrix keeps what is right."""

    expect: Expect
    reason: str


LOGIN = Expect(302, to="learners:login", label="LOGIN")
ALOGIN = Expect(302, to="wagtailadmin_login", label="ALOGIN")
DENIED = Expect(302, to="wagtailadmin_home", label="DENIED")
A_HOME = Expect(302, to="wagtailadmin_home", label="A_HOME")
BODY = Expect(200, shows=LESSON_TEXT, hides="{key}", label="BODY")
GATE = Expect(
    200, shows="réservé aux personnes inscrites", hides=LESSON_TEXT, label="GATE"
)
MINE = Expect(200, shows="{marker}", label="MINE")
EMPTY = Expect(200, hides="{marker}", label="EMPTY")
NAMES = Expect(200, shows="{marker}", label="NAMES")
COUNTS = Expect(200, hides="{marker}", label="COUNTS")
TO_PATH = Expect(302, to="/catalogue/cyber-elus/", label="TO_PATH")
TO_LESSON = Expect(302, to=LESSON, label="TO_LESSON")
TO_SESSION = Expect(302, to=SESSION + "/", label="TO_SESSION")
TO_PROFILE = Expect(302, to="learners:profile", label="TO_PROFILE")
TO_DASH = Expect(302, to="learners:dashboard", label="TO_DASH")
TO_LAND = Expect(302, to="landing", label="TO_LAND")  # cms.views.landing


@dataclass(frozen=True)
class Row:
    request: str  # "METHOD path"
    cells: tuple  # one per actor, in ACTORS order
    body: str = ""  # what is sent: a key of ``_payload``
    marker: str = ""  # the text MINE/EMPTY, NAMES/COUNTS look for

    @property
    def method(self):
        return self.request.split(" ", 1)[0]

    @property
    def path(self):
        return self.request.split(" ", 1)[1]


def row(request, *cells, body="", marker=""):
    assert len(cells) == len(ACTORS), request
    return Row(request, cells, body, marker)


def everyone(cell):
    return (cell,) * len(ACTORS)


def signed_in(cell):
    return (cell,) * (len(ACTORS) - 1)


# fmt: off
MATRIX = [
    # --- Public pages -------------------------------------------------------------
    #   anon     learner  other_l  trainer  other_t  coord    contact  other_c  admin
    row("GET /", *everyone(200)),
    row("GET /catalogue/", *everyone(200)),
    row("GET /catalogue/cyber-elus/", *everyone(200)),
    row("GET /catalogue/cyber-elus/menaces/", *everyone(200)),
    row(f"GET {LESSON}",
        GATE,    BODY,    BODY,    BODY,    BODY,    BODY,    BODY,    BODY,    BODY),
    row("GET /catalogue/cyber-elus/menaces/brouillon/", *everyone(404)),  # a draft
    row("GET /recherche/?q=courriel", *everyone(200)),
    row("GET /xapi/activites/{content}/{lesson}/{block}", *everyone(TO_LESSON)),
    row("GET /xapi/activites/{content}/{draft}/{block}", *everyone(404)),
    # --- Accounts -----------------------------------------------------------------
    row("GET /compte/inscription/", 200, *signed_in(TO_PROFILE)),
    row("GET /compte/connexion/", 200, *signed_in(TO_LAND)),
    row("GET /compte/mot-de-passe/reinitialiser/", *everyone(200)),
    row("GET /compte/municipalites/recherche/?q=Saint", *everyone(200)),
    row("GET /compte/profil/", LOGIN, *signed_in(200)),
    row("GET /compte/mon-parcours/", LOGIN, *signed_in(200)),
    row("GET /compte/parcours/{path}/inscription/", *everyone(405)),
    row("POST /compte/parcours/{path}/inscription/", LOGIN, *signed_in(TO_PATH)),
    row("POST /compte/lecons/{lesson}/terminee/", LOGIN, *signed_in(TO_LESSON)),
    row("GET /compte/double-authentification/configuration/",  # staff only
        LOGIN,   TO_DASH, TO_DASH, 200,     200,     200,     TO_DASH, TO_DASH, 200),
    row("GET /admin/login/",
        200,     200,     200,     A_HOME,  A_HOME,  A_HOME,  200,     200,     A_HOME),
    # --- Training sessions, the learner's side --------------------------------------
    row(f"GET {SESSION}/", LOGIN, *signed_in(200)),
    row(f"GET {SESSION}/inscription/", LOGIN, *signed_in(405)),
    row(f"POST {SESSION}/inscription/", LOGIN, *signed_in(TO_SESSION)),
    row(f"POST {SESSION}/annulation/", LOGIN, *signed_in(TO_SESSION)),
    row(f"POST {SESSION}/presence/", LOGIN, *signed_in(TO_SESSION)),
    row(f"GET {SESSION}/seance.ics",  # confirmed registrations only
        LOGIN,   200,     404,     404,     404,     404,     404,     404,     404),
    # --- Certificates ----------------------------------------------------------------
    row("GET /attestations/",
        LOGIN,   MINE,    EMPTY,   EMPTY,   EMPTY,   EMPTY,   EMPTY,   EMPTY,   EMPTY,
        marker="/attestations/{certificate}/"),
    row("GET /attestations/{certificate}/",
        LOGIN,   200,     404,     404,     404,     404,     404,     404,     404),
    row("GET /attestations/pdf/{certificate}/",
        LOGIN,   200,     404,     404,     404,     404,     404,     404,     404),
    row("GET /attestations/verifier/", *everyone(200)),
    row("GET /attestations/verifier/{code}/", *everyone(200)),
    row("GET /attestations/verifier/ABCD2345EFGH6789/", *everyone(404)),
    # --- xAPI: each person reads and writes their own statements only ---------------
    row("GET /xapi/statements",
        401,     MINE,    EMPTY,   EMPTY,   EMPTY,   EMPTY,   EMPTY,   EMPTY,   EMPTY,
        marker="{statement}"),
    row("GET /xapi/statements?statementId={statement}",
        401,     200,     404,     404,     404,     404,     404,     404,     404),
    row("POST /xapi/statements", 401, *signed_in(200), body="own_statement"),
    row("POST /xapi/statements",
        401,     200,     403,     403,     403,     403,     403,     403,     403,
        body="learners_statement"),
    row("PUT /xapi/statements?statementId={statement}",
        401,     204,     409,     409,     409,     409,     409,     409,     409,
        body="statement_again"),
    row("DELETE /xapi/statements", *everyone(405)),
    # --- H5P saved state: one's own, for a lesson one may play ---------------------
    row(f"GET {STATE}",
        401,     MINE,    EMPTY,   EMPTY,   EMPTY,   EMPTY,   403,     403,     EMPTY,
        marker=SAVED_MARKER),
    row(f"POST {STATE}",
        401,     200,     200,     200,     200,     200,     403,     403,     200,
        body="state"),
    row("GET /h5p/etat/{content}/{lesson}/bloc-absent/state/0",
        401,     404,     404,     404,     404,     404,     404,     404,     404),
    # --- H5P launches ("Commencer"): enrolled learners, and staff -----------------
    row("POST /h5p/lancements",
        401,     201,     201,     201,     201,     201,     403,     403,     201,
        body="launch"),
    row("POST /h5p/lancements", 401, *signed_in(404), body="launch_missing_block"),
    row("POST /h5p/lancements", 401, *signed_in(404), body="launch_draft"),
    row("POST /h5p/lancements",
        401,     403,     403,     200,     200,     200,     403,     403,     200,
        body="preview"),
    row("GET /h5p/lancements", *everyone(405)),
    # --- SCORM: launches as for H5P; commits only on one's own launch -----------
    #   anon     learner  other_l  trainer  other_t  coord    contact  other_c  admin
    row("POST /scorm/lancements",
        401,     200,     200,     200,     200,     200,     403,     403,     200,
        body="scorm_launch"),
    row("POST /scorm/lancements", 401, *signed_in(404),
        body="scorm_launch_missing_block"),
    row("POST /scorm/lancements",
        401,     403,     403,     200,     200,     200,     403,     403,     200,
        body="scorm_preview"),
    row("GET /scorm/lancements", *everyone(405)),
    row("POST /scorm/validations",  # the learner's launch
        401,     200,     403,     403,     403,     403,     403,     403,     403,
        body="scorm_commit"),
    row("GET /scorm/validations", *everyone(405)),
    row(f"GET player:{SCORM}/{{sco}}/{PARENT}", *everyone(200)),
    row(f"GET player:{SCORM}/{{sco}}/?parent=http://evil.example", *everyone(404)),
    row(f"GET player:{SCORM_WRONG_KEY}/{{sco}}/{PARENT}", *everyone(404)),
    row(f"GET player:{SCORM}/f/index.html", *everyone(200)),
    row(f"GET player:{SCORM_WRONG_KEY}/f/index.html", *everyone(404)),
    row(f"GET {SCORM}/{{sco}}/{PARENT}", *everyone(404)),
    row(f"GET {SCORM}/f/index.html", *everyone(404)),
    # --- H5P files: on the player's host, by key; never on the site's ------------
    row(f"GET player:{PLAYER}/{PARENT}", *everyone(200)),
    row(f"GET player:{PLAYER}/?langue=fr-ca&parent=http://evil.example",
        *everyone(404)),
    row(f"GET player:{WRONG_KEY}/{PARENT}", *everyone(404)),
    row(f"GET player:{PLAYER}/h5p.json", *everyone(200)),
    row(f"GET player:{WRONG_KEY}/h5p.json", *everyone(404)),
    row(f"GET player:{PLAYER}/fr-ca/content/content.json", *everyone(200)),
    row(f"GET player:{WRONG_KEY}/fr-ca/content/content.json", *everyone(404)),
    row(f"GET player:{PLAYER}/fr-ca/content/images/photo.png", *everyone(200)),
    row(f"GET player:{WRONG_KEY}/fr-ca/content/images/photo.png", *everyone(404)),
    row("GET player:/h5p/bibliotheques/{library}/library.json", *everyone(200)),
    row(f"GET {PLAYER}/{PARENT}", *everyone(404)),
    row(f"GET {PLAYER}/h5p.json", *everyone(404)),
    row(f"GET {PLAYER}/fr-ca/content/images/photo.png", *everyone(404)),
    row("GET /h5p/bibliotheques/{library}/library.json", *everyone(404)),
    row("GET player:/compte/mon-parcours/", *everyone(404)),
    row("GET player:/xapi/statements", *everyone(404)),
    row("GET player:/admin/", *everyone(404)),
    # --- Reporting: figures for coordinators, names for a town's own contact ------
    #   anon     learner  other_l  trainer  other_t  coord    contact  other_c  admin
    row("GET /participation/",
        LOGIN,   403,     403,     403,     403,     200,     403,     403,     200),
    row("GET /participation/municipalites/",
        LOGIN,   403,     403,     403,     403,     200,     403,     403,     200),
    row("GET /participation/municipalites-absentes/",
        LOGIN,   403,     403,     403,     403,     200,     403,     403,     200),
    row(f"GET {TOWN}/",
        LOGIN,   403,     403,     403,     403,     COUNTS,  NAMES,   403,     COUNTS,
        marker=LEARNER),
    row(f"GET {TOWN}/export/roles.csv",
        LOGIN,   403,     403,     403,     403,     200,     200,     403,     200),
    row(f"GET {TOWN}/export/apprenants.csv",  # names: the town's contact only
        LOGIN,   403,     403,     403,     403,     403,     200,     403,     403),
    row("GET /participation/export/entonnoir.csv",
        LOGIN,   403,     403,     403,     403,     200,     403,     403,     200),
    row("GET /participation/exports/{export}/",  # the coordinator's export
        LOGIN,   404,     404,     404,     404,     200,     404,     404,     404),
    row("GET /participation/exports/{export}/statut/",
        401,     404,     404,     404,     404,     200,     404,     404,     404),
    row("GET /participation/exports/{export}/fichier/",
        LOGIN,   404,     404,     404,     404,     200,     404,     404,     404),
    # --- Admin: what each staff group may open --------------------------------------
    #   anon     learner  other_l  trainer  other_t  coord    contact  other_c  admin
    row("GET /admin/",
        ALOGIN,  ALOGIN,  ALOGIN,  200,     200,     200,     ALOGIN,  ALOGIN,  200),
    row("GET /admin/pages/{lesson}/edit/",
        ALOGIN,  ALOGIN,  ALOGIN,  200,     200,     DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/pages/{draft}/view_draft/",
        ALOGIN,  ALOGIN,  ALOGIN,  200,     200,     DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/pages/{home}/edit/",
        ALOGIN,  ALOGIN,  ALOGIN,  DENIED,  DENIED,  DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/snippets/courses/h5pcontent/",
        ALOGIN,  ALOGIN,  ALOGIN,  200,     200,     DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/snippets/courses/h5pcontent/add/",
        ALOGIN,  ALOGIN,  ALOGIN,  200,     200,     DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/snippets/courses/h5pcontent/edit/{content}/",
        ALOGIN,  ALOGIN,  ALOGIN,  200,     200,     DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/snippets/courses/h5pcontent/delete/{content}/",
        ALOGIN,  ALOGIN,  ALOGIN,  DENIED,  DENIED,  DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/snippets/courses/scormpackage/",
        ALOGIN,  ALOGIN,  ALOGIN,  200,     200,     DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/snippets/courses/scormpackage/add/",
        ALOGIN,  ALOGIN,  ALOGIN,  200,     200,     DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/snippets/courses/scormpackage/edit/{scorm}/",
        ALOGIN,  ALOGIN,  ALOGIN,  200,     200,     DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/snippets/courses/scormpackage/usage/{scorm}/",
        ALOGIN,  ALOGIN,  ALOGIN,  200,     200,     DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/snippets/courses/scormpackage/delete/{scorm}/",
        ALOGIN,  ALOGIN,  ALOGIN,  DENIED,  DENIED,  DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/bibliotheques_h5p/",
        ALOGIN,  ALOGIN,  ALOGIN,  403,     403,     403,     ALOGIN,  ALOGIN,  200),
    row("GET /admin/bibliotheques_h5p/inspect/{library_pk}/",
        ALOGIN,  ALOGIN,  ALOGIN,  403,     403,     403,     ALOGIN,  ALOGIN,  200),
    row("GET /admin/users/",
        ALOGIN,  ALOGIN,  ALOGIN,  DENIED,  DENIED,  DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/users/edit/{learner_pk}/",
        ALOGIN,  ALOGIN,  ALOGIN,  DENIED,  DENIED,  DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/groups/",
        ALOGIN,  ALOGIN,  ALOGIN,  DENIED,  DENIED,  DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/snippets/courses/trainingsession/",
        ALOGIN,  ALOGIN,  ALOGIN,  200,     200,     DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/snippets/courses/trainingsession/add/",
        ALOGIN,  ALOGIN,  ALOGIN,  200,     200,     DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/snippets/courses/trainingsession/edit/{session}/",
        ALOGIN,  ALOGIN,  ALOGIN,  200,     DENIED,  DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/seances/{session}/presences/",
        ALOGIN,  ALOGIN,  ALOGIN,  200,     403,     403,     ALOGIN,  ALOGIN,  200),
    row("GET /admin/seances/{session}/presences.csv",
        ALOGIN,  ALOGIN,  ALOGIN,  200,     403,     403,     ALOGIN,  ALOGIN,  200),
    row("GET /admin/inscriptions-en-lot/",
        ALOGIN,  ALOGIN,  ALOGIN,  200,     200,     200,     ALOGIN,  ALOGIN,  200),
    row("GET /admin/inscriptions-en-lot/{import}/",  # the trainer's import
        ALOGIN,  ALOGIN,  ALOGIN,  200,     404,     404,     ALOGIN,  ALOGIN,  200),
    row("GET /admin/inscriptions-en-lot/{import}/refus.csv",
        ALOGIN,  ALOGIN,  ALOGIN,  200,     404,     404,     ALOGIN,  ALOGIN,  200),
    row("GET /admin/certificate/",
        ALOGIN,  ALOGIN,  ALOGIN,  DENIED,  DENIED,  DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/certificate/inspect/{certificate}/",
        ALOGIN,  ALOGIN,  ALOGIN,  DENIED,  DENIED,  DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/certificate/revoke/{certificate}/",
        ALOGIN,  ALOGIN,  ALOGIN,  403,     403,     403,     ALOGIN,  ALOGIN,  200),
    row("GET /admin/snippets/certification/certificatetemplate/",
        ALOGIN,  ALOGIN,  ALOGIN,  DENIED,  DENIED,  DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/snippets/certification/certificatetemplate/add/",
        ALOGIN,  ALOGIN,  ALOGIN,  DENIED,  DENIED,  DENIED,  ALOGIN,  ALOGIN,  200),
    row("GET /admin/certificate_batches/",
        ALOGIN,  ALOGIN,  ALOGIN,  403,     403,     403,     ALOGIN,  ALOGIN,  200),
    row("GET /admin/repondants_formation/",
        ALOGIN,  ALOGIN,  ALOGIN,  DENIED,  DENIED,  200,     ALOGIN,  ALOGIN,  200),
    row("GET /admin/repondants_formation/new/",
        ALOGIN,  ALOGIN,  ALOGIN,  DENIED,  DENIED,  200,     ALOGIN,  ALOGIN,  200),
]
# fmt: on


def _statement(world, user, **fields):
    """The learner's statement, as ``user`` would send it (a new id unless
    ``fields`` say otherwise)."""
    email = user.email if user else "anonyme@exemple.qc.ca"
    actor = {**world.statement["actor"], "mbox": f"mailto:{email}"}
    return {**world.statement, "id": str(uuid.uuid4()), "actor": actor, **fields}


def _payload(name, world, user):
    ids, learner = world.ids, world.users["learner"]
    return {
        "own_statement": lambda: _statement(world, user),
        "learners_statement": lambda: _statement(world, learner),
        "statement_again": lambda: _statement(world, user, id=ids["statement"]),
        "launch": lambda: {"lesson": ids["lesson"], "block": ids["block"]},
        "launch_missing_block": lambda: {"lesson": ids["lesson"], "block": "absent"},
        "launch_draft": lambda: {"lesson": ids["draft"], "block": ids["block"]},
        "preview": lambda: {"preview": True, "content": ids["content"]},
        "scorm_launch": lambda: {
            "lesson": ids["lesson"],
            "block": ids["scorm_block"],
            "sco": ids["sco"],
        },
        "scorm_launch_missing_block": lambda: {
            "lesson": ids["lesson"],
            "block": "absent",
            "sco": ids["sco"],
        },
        "scorm_preview": lambda: {"preview": True, "sco": ids["sco"]},
        "scorm_commit": lambda: {
            "launch": ids["scorm_launch"],
            "sequence": 1,
            "cmi": {"cmi.core.lesson_location": "page-2"},
        },
    }[name]()


def _cells():
    for line in MATRIX:
        for actor, cell in zip(ACTORS, line.cells, strict=True):
            marks = ()
            if isinstance(cell, Xfail):
                marks = pytest.mark.xfail(strict=True, reason=cell.reason)
                cell = cell.expect
            expect = cell if isinstance(cell, Expect) else Expect(cell)
            sent = f" ({line.body})" if line.body else ""
            name = f"{line.request}{sent} [{actor} -> {expect}]"
            yield pytest.param(line, actor, expect, marks=marks, id=name)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction that each test nests
    in (as a savepoint), rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        if not Municipality.objects.exists():
            municipalities_load(directory=settings.MUNICIPALITY_DATA_DIR)
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def fresh_storage():
    """Overrides conftest's: the world's files (H5P package, certificate PDF,
    export) stay in the in-memory storage for the whole module."""


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits (certificate verification) count in the cache."""
    cache.clear()


def _send(client, world, line, actor):
    path = line.path.format_map(world.ids)
    extra = {}
    if path.startswith("player:"):
        path, extra["HTTP_HOST"] = path.removeprefix("player:"), PLAYER_HOST
    if path.startswith("/xapi/statements"):
        extra["HTTP_X_EXPERIENCE_API_VERSION"] = "1.0.3"
    send = getattr(client, line.method.lower())
    if line.body == "state":
        return path, send(path, {"data": SAVED_STATE}, **extra)
    if line.body:
        data = json.dumps(_payload(line.body, world, world.users.get(actor)))
        return path, send(path, data, content_type="application/json", **extra)
    return path, send(path, **extra)


def _text(template, world, line):
    return template.format_map({**world.ids, "marker": line.marker}).format_map(
        world.ids
    )


@pytest.mark.parametrize(("line", "actor", "expect"), list(_cells()))
def test_permission_matrix(client, world, line, actor, expect):
    if actor != "anon":
        client.force_login(world.users[actor])

    path, response = _send(client, world, line, actor)

    assert response.status_code == expect.status
    if expect.to:
        location = urlsplit(response["Location"])
        target = expect.to if expect.to.startswith("/") else reverse(expect.to)
        assert location.path == target.format_map(world.ids)
        if expect in (LOGIN, ALOGIN):
            assert parse_qs(location.query) == {"next": [path]}
    body = b"" if response.streaming else response.content
    if expect.shows:
        assert _text(expect.shows, world, line).encode() in body
    if expect.hides:
        assert _text(expect.hides, world, line).encode() not in body
