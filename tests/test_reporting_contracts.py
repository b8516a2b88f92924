"""Reporting reads the other apps' tables through their contracts.

The rollup's SQL is written by hand (the ORM has no ``INSERT … SELECT`` nor
``UPDATE … FROM``), so a renamed field would only fail when the SQL runs.
These tests rename nothing: they read every statement the rollup sends, and
check that each table it names is a model's, each ``alias.column`` a column
of that table, and that a column of another app is one its contract lists.
No database is needed: the statements are built, not run."""

import ast
import re
from pathlib import Path

from django.apps import apps

from certification import contracts as certification_contracts
from courses import contracts as courses_contracts
from learners import contracts as learners_contracts
from reporting.rollup import refresh, sources, tally

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = (
    *learners_contracts.CONTRACTS,
    *courses_contracts.CONTRACTS,
    *certification_contracts.CONTRACTS,
)
IDENTIFIER = r"[a-z_][a-z0-9_]*"  # names are lower case, SQL keywords upper
TABLE = re.compile(
    rf"\b(?:FROM|JOIN|UPDATE|INTO)\s+({IDENTIFIER})(?:\s+({IDENTIFIER}))?"
)
QUALIFIED = re.compile(rf"\b({IDENTIFIER})\.({IDENTIFIER})\b")


def model_columns() -> dict[str, set[str]]:
    """{table: its columns} for every installed model."""
    return {
        model._meta.db_table: {f.column for f in model._meta.concrete_fields}
        for model in apps.get_models()
    }


def table_apps() -> dict[str, str]:
    return {model._meta.db_table: model._meta.app_label for model in apps.get_models()}


def contract_columns() -> dict[str, set[str]]:
    found = {}
    for contract in CONTRACTS:
        found.setdefault(contract.table, set()).update(contract.columns.values())
    return found


def rollup_statements() -> list[str]:
    """Every statement a refresh sends but the ORM-built ones."""
    attendance, _params = sources.attendance()
    statements = []
    for rollup in (sources.learners(), sources.learner_paths(), attendance):
        statements += [
            rollup.delete_sql(),
            rollup.update_sql(),
            rollup.insert_sql(with_extra=True),
        ]
    recompute = f"UPDATE {sources.PATH_FACT} SET started_at = " + sources.first_lesson(
        sources.PATH_FACT
    )
    return [
        *statements,
        refresh._activity_sql(),
        refresh._started_sql(),
        recompute,
        tally.tally_sql(),
    ]


def tally_statements() -> list[str]:
    """What ``tally_stale`` sends, captured from a fake cursor."""

    class Cursor:
        sent = []

        def execute(self, sql, params=None):
            self.sent.append(sql)

        def fetchone(self):
            return (0, 0, 0, 0)

    cursor = Cursor()
    tally.tally_stale(cursor)
    return cursor.sent


def references(sql: str) -> tuple[set[str], list[tuple[str, str]]]:
    """(tables named, [(table, column)] of every ``alias.column``)."""
    aliases, tables = {}, set()
    for table, alias in TABLE.findall(sql):
        tables.add(table)
        aliases[table] = table
        if alias:
            aliases[alias] = table
    used = [
        (aliases[qualifier], column)
        for qualifier, column in QUALIFIED.findall(sql)
        if qualifier in aliases
    ]
    return tables, used


def unknown_names(statements) -> list[str]:
    columns = model_columns()
    problems = []
    for sql in statements:
        tables, used = references(sql)
        problems += [f"table {t}" for t in sorted(tables - columns.keys())]
        problems += [
            f"{table}.{column}"
            for table, column in used
            if table in columns and column not in columns[table]
        ]
    return problems


def test_every_contract_lists_columns_of_its_model():
    columns = model_columns()
    for contract in CONTRACTS:
        assert contract.table in columns, contract
        assert set(contract.columns.values()) <= columns[contract.table], contract


def test_every_table_and_column_the_rollup_names_exists():
    statements = rollup_statements()

    assert unknown_names(statements) == []
    # the parsing sees the names (a typo would not pass unseen)
    assert sum(len(references(sql)[1]) for sql in statements) > 100


def test_the_check_finds_a_name_that_does_not_exist():
    sql = (
        "SELECT c.completd_at FROM learners_lessoncompletion c "
        "JOIN learners_lessonfinished f ON f.id = c.id"
    )

    assert unknown_names([sql]) == [
        "table learners_lessonfinished",
        "learners_lessoncompletion.completd_at",
    ]


def test_the_rollup_reads_other_apps_only_through_their_contracts():
    owners, promised = table_apps(), contract_columns()
    read = {
        (table, column)
        for sql in rollup_statements()
        for table, column in references(sql)[1]
        if owners.get(table) != "reporting"
    }

    assert read  # the rollup reads other apps' tables
    assert {(t, c) for t, c in read if c not in promised.get(t, set())} == set()


def test_rollup_columns_are_the_rollup_tables_own():
    columns = model_columns()
    attendance, _params = sources.attendance()
    for rollup in (sources.learners(), sources.learner_paths(), attendance):
        named = {*rollup.keys, *rollup.values, *rollup.extra}
        assert named <= columns[rollup.table], rollup.table
        if rollup.dirty_by:
            assert {rollup.dirty_by, "dirty"} <= columns[rollup.table]


def test_the_tally_reads_and_writes_reporting_tables_only():
    """``ParticipationTally`` is computed from the rollup alone: no contract
    to keep, every column it names is the rollup's or the tally's."""
    sql = tally.tally_sql()
    tables, used = references(sql)
    owners = table_apps()

    assert {owners[t] for t in tables} == {"reporting"}
    assert unknown_names([sql]) == [] and len(used) > 50
    assert sql.count("%s") == len(tally.tally_params(None))
    [stale] = tally_statements()
    assert {owners[t] for t in references(stale)[0]} == {"reporting"}
    assert unknown_names([stale]) == [] and len(references(stale)[1]) == 4


def test_reporting_writes_no_table_name_of_another_app():
    """Names of other apps' tables come from their contracts, never a string."""
    foreign = {table for table, app in table_apps().items() if app != "reporting"}
    found = []
    for path in sorted((ROOT / "reporting").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                words = set(re.findall(IDENTIFIER, node.value))
                found += [f"{path.name}: {t}" for t in sorted(words & foreign)]
    assert found == []
