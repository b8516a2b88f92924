"""The direction of the arrows between the project's apps (docs/architecture.md),
read from the source with ``ast``: imports (also inside functions) and string
references to another app's models or modules (``"territory.Municipality"`` in
a foreign key, ``apps.get_model("courses", "H5PContent")``, page types,
``"learners.urls"``). Migrations are left out: they record history."""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = (
    "core",
    "cms",
    "territory",
    "courses",
    "learners",
    "certification",
    "reporting",
    "privacy",
)

# Which apps each app may use; an app never needs to list itself. ``core``
# (helpers that belong to no app) sits below everything.
ALLOWED = {
    "core": set(),
    "territory": {"core"},
    "courses": {"core", "territory"},
    "learners": {"core", "territory", "courses"},
    "certification": {"core", "territory", "courses", "learners"},
    "reporting": {"core", "territory", "courses", "learners", "certification"},
    # Beside reporting: a learner's own data (notice, export, erasure, retention).
    "privacy": {"core", "territory", "courses", "learners", "certification"},
    "cms": set(APPS) - {"cms"},
}

# (from, to, file): a use the rules forbid that is known and has an issue to
# fix it. Each entry names why; a stale entry fails the test.
KNOWN_EXCEPTIONS = {}  # (source app, target app, file): "issue N" while one lasts


def _app_of_dotted(name: str):
    head = name.split(".")[0]
    return head if head in APPS else None


def _referenced_app(text: str):
    """The app a string such as ``"learners.User"`` (a model: a capitalised
    name) or ``"learners.urls"`` (one of its modules) names; else None."""
    app, _, rest = text.partition(".")
    if app not in APPS or not rest.replace(".", "_").isidentifier():
        return None
    first = rest.split(".")[0]
    if "." not in rest and first[:1].isupper():
        return app
    module = ROOT / app / first
    return app if module.with_suffix(".py").exists() or module.is_dir() else None


def _uses(tree: ast.AST):
    """(line, app) for every use of an app in a module."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if app := _app_of_dotted(alias.name):
                    yield node.lineno, app
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if app := _app_of_dotted(node.module):
                yield node.lineno, app
        elif isinstance(node, ast.Call) and _is_get_model(node):
            label = node.args[0].value
            if isinstance(label, str) and label in APPS:
                yield node.lineno, label
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if app := _referenced_app(node.value):
                yield node.lineno, app


def _is_get_model(call: ast.Call) -> bool:
    name = getattr(call.func, "attr", None) or getattr(call.func, "id", None)
    return (
        name == "get_model"
        and len(call.args) == 2
        and isinstance(call.args[0], ast.Constant)
    )


def import_graph():
    """{(from_app, to_app): ["file:line", ...]} over the apps' source."""
    edges = defaultdict(list)
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.relative_to(ROOT).parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for line, used in _uses(tree):
                if used != app:
                    where = f"{path.relative_to(ROOT)}:{line}"
                    edges[app, used].append(where)
    return edges


def _forbidden(edges):
    return {
        (source, target, where.split(":")[0])
        for (source, target), places in edges.items()
        if target not in ALLOWED[source]
        for where in places
    }


def test_apps_use_only_the_apps_below_them():
    edges = import_graph()
    assert _forbidden(edges) - KNOWN_EXCEPTIONS.keys() == set()


def test_every_known_exception_still_occurs():
    assert KNOWN_EXCEPTIONS.keys() - _forbidden(import_graph()) == set()


def test_territory_is_at_the_bottom():
    assert not [edge for edge in import_graph() if edge[0] == "territory"]


def test_nothing_but_cms_uses_reporting():
    users = {source for source, target in import_graph() if target == "reporting"}
    assert users <= {"cms"}


def test_nothing_but_cms_uses_privacy():
    users = {source for source, target in import_graph() if target == "privacy"}
    assert users <= {"cms"}


def test_no_cycle_between_apps():
    """Known exceptions are left out: they are the cycles still to break."""
    excepted = {(source, target) for source, target, _file in KNOWN_EXCEPTIONS}
    graph = defaultdict(set)
    for source, target in import_graph().keys() - excepted:
        graph[source].add(target)

    def reaches(start, goal, seen):
        for nxt in graph[start] - seen:
            if nxt == goal or reaches(nxt, goal, seen | {nxt}):
                return True
        return False

    assert [app for app in APPS if reaches(app, app, set())] == []


def test_the_graph_sees_string_references_and_function_imports():
    tree = ast.parse(
        "def f():\n"
        "    from courses.models import Theme\n"
        "x = models.ForeignKey('territory.Municipality', on_delete=None)\n"
        "y = apps.get_model('learners', 'User')\n"
        "z = include('certification.urls')\n"
    )
    assert {app for _line, app in _uses(tree)} == {
        "courses",
        "territory",
        "learners",
        "certification",
    }
