"""The SQL of the xAPI ingest (learners/services/xapi_store/), as a snapshot
per database: a change to a model's table or columns, or to the queries,
shows here as a diff to read. After a deliberate change, rewrite the
snapshots with ``XAPI_SQL_SNAPSHOT=update`` on SQLite and on PostgreSQL."""

import os
from pathlib import Path

from django.db import connection

from learners.services import xapi_store

SNAPSHOTS = Path(__file__).parent / "snapshots"


def _generated() -> str:
    """The lookup for a batch naming 2 statements and one content, lesson,
    block and launch, the lookup of a batch naming nothing else, the insert of
    2 statements and an attempt's closing, one clause a line."""
    queries = {
        "lookup (2 statements, 1 content, 1 lesson, 1 block, 1 launch)": (
            xapi_store.lookup_sql(2, 1, 1, 1, 1)
        ),
        "lookup (1 statement)": xapi_store.lookup_sql(1, 0, 0, 0, 0),
        "insert (2 statements)": xapi_store.insert_sql(2),
        "close an attempt": xapi_store.close_sql(),
    }
    return "".join(
        f"-- {name}\n{sql.replace(' UNION ALL ', chr(10) + 'UNION ALL ')};\n\n"
        for name, sql in queries.items()
    )


def test_the_ingest_sql_matches_its_snapshot():
    snapshot = SNAPSHOTS / f"xapi_store.{connection.vendor}.sql"
    generated = _generated()
    if os.environ.get("XAPI_SQL_SNAPSHOT") == "update":
        snapshot.write_text(generated, encoding="utf-8")
    assert generated == snapshot.read_text(encoding="utf-8")


def test_each_lookup_branch_fills_every_named_column():
    """Every branch has as many columns as ``LookupRow`` has fields, so a row
    unpacks by name whatever branch it comes from."""
    width = len(xapi_store.LookupRow._fields)
    sql = xapi_store.lookup_sql(2, 1, 1, 1, 1)
    for branch in sql.split(" UNION ALL "):
        select = branch.split(" FROM ", 1)[0].removeprefix("SELECT ")
        assert _top_level_commas(select) + 1 == width, branch


def _top_level_commas(text: str) -> int:
    depth, commas = 0, 0
    for char in text:
        depth += (char == "(") - (char == ")")
        commas += char == "," and depth == 0
    return commas
