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
    "outbox",
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
    # Outgoing e-mail: below every app that sends one.
    "outbox": {"core"},
    "territory": {"core"},
    "courses": {"core", "outbox", "territory"},
    "learners": {"core", "outbox", "territory", "courses"},
    "certification": {"core", "outbox", "territory", "courses", "learners"},
    "reporting": {
        "core",
        "outbox",
        "territory",
        "courses",
        "learners",
        "certification",
    },
    # Beside reporting: a learner's own data (notice, export, erasure, retention).
    "privacy": {"core", "outbox", "territory", "courses", "learners", "certification"},
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


# Inside an app: the modules' own import graph, also acyclic.

# A service hands work to its app's task with ``task.delay_on_commit(...)``
# and the task calls the service back, later, in a worker: that import is a
# message, not a dependency, and the graph below leaves a ``services`` module's
# import of a ``tasks`` module out (``test_tasks_are_enqueued_only_from_services``
# holds the other half: nothing else enqueues).
#
# {frozenset of modules}: why the cycle is still there. A stale entry fails.
KNOWN_MODULE_CYCLES = {
    frozenset({"courses.models", "courses.models.catalogue", "courses.selectors"}): (
        "LearningPathIndexPage.get_context calls courses.selectors.catalogue_filter"
    ),
}


def _modules(app):
    """{dotted module name: path} of an app's source, migrations left out."""
    modules = {}
    for path in sorted((ROOT / app).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "migrations" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def _imported(name: str, is_package: bool, tree: ast.AST, modules):
    """The app's modules a module imports, anywhere in it: ``from a.b import
    c`` names the module ``a.b.c`` when there is one, else ``a.b``."""

    def known(dotted):
        while dotted and dotted not in modules:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from filter(None, (known(alias.name) for alias in node.names))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".")[: None if is_package else -1]
                package = package[: len(package) - node.level + 1]
                base = ".".join(package + ([base] if base else []))
            for alias in node.names:
                if target := known(f"{base}.{alias.name}") or known(base):
                    yield target


def _is_service(module: str) -> bool:
    """``services.py``, a module of a ``services`` package, or ``service.py``."""
    return bool({"services", "service"} & set(module.split(".")))


def _is_enqueue_import(source: str, target: str) -> bool:
    return _is_service(source) and "tasks" in target.split(".")


def module_graph(app):
    """{module: {modules of the same app it imports}}."""
    modules = _modules(app)
    graph = defaultdict(set)
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for target in _imported(name, path.name == "__init__.py", tree, modules):
            if target != name and not _is_enqueue_import(name, target):
                graph[name].add(target)
    return graph


def module_cycles(graph):
    """The strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while not group or node not in group:
                group.add(stack.pop())
            on_stack.difference_update(group)
            if len(group) > 1:
                groups.append(frozenset(group))

    for node in list(graph):
        if node not in index:
            visit(node)
    return groups


def _all_module_cycles():
    return {cycle for app in APPS for cycle in module_cycles(module_graph(app))}


def test_no_cycle_inside_an_app():
    assert _all_module_cycles() - KNOWN_MODULE_CYCLES.keys() == set()


def test_every_known_module_cycle_still_occurs():
    assert KNOWN_MODULE_CYCLES.keys() - _all_module_cycles() == set()


def test_the_module_graph_sees_function_imports_and_finds_a_cycle():
    tree = ast.parse(
        "from learners.services import progress, xapi_store\n"
        "def f():\n"
        "    from learners.selectors.h5p import h5p_live_lesson\n"
    )
    modules = _modules("learners")
    found = set(_imported("learners.services.xapi", False, tree, modules))
    assert found == {
        "learners.services.progress",
        "learners.services.xapi_store",
        "learners.selectors.h5p",
    }
    assert module_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [
        frozenset({"a", "b", "c"})
    ]


def test_completion_rules_import_no_database_code():
    """``courses.completion`` is pure: tested without a database."""
    graph = module_graph("courses")
    assert graph["courses.completion"] <= {"courses.grading"}


# Tasks are enqueued by services, after commit.

ENQUEUE_CALLS = {"delay", "apply_async", "delay_on_commit", "apply_async_on_commit"}


def _enqueues():
    """(module, call, line) for every ``task.delay…(…)`` in the apps."""
    for app in APPS:
        for name, path in _modules(app).items():
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ENQUEUE_CALLS
                ):
                    yield name, node.func.attr, node.lineno


def test_tasks_are_enqueued_only_from_services_after_commit():
    """Not from a view, viewset, receiver, template tag or task: a rule that
    starts work in a worker lives in a service, and the worker runs once the
    rows it reads are committed (``delay_on_commit``)."""
    wrong = [
        f"{module}:{line} {call}"
        for module, call, line in _enqueues()
        if call != "delay_on_commit" or not _is_service(module)
    ]
    assert wrong == []


def test_learners_template_tags_run_no_query_themselves():
    """They call selectors (``learners.selectors``), never a manager."""
    for path in sorted((ROOT / "learners" / "templatetags").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        managers = [
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr == "objects"
        ]
        assert managers == [], path.name
