"""The xAPI ingest hot path in plain SQL.

Every H5P answer reaches the server as one request, so this path runs more
than any other. Through the ORM each of its queries cost about 0.4 ms of
Python to compile, more than PostgreSQL took to run it, and the ORM needed
five of them; ``bench/xapi_ingest.py`` measured the difference. Here the same
work is one read (``lookup``, which also reads the launches the statements
name and the lessons' live revisions), preceded, when an attempt may change,
by a lock on PostgreSQL (``attempts``), then the writes (``writes.Writes``:
new attempts, closed attempts, block results, statements). On PostgreSQL the
read is a statement prepared once per connection (``db.prepared_cursor``:
planning it cost more than running it) and the writes go together in one
round trip. Each statement is built in one layer of f-strings from the
models' own table and column names (``learners.sql``), once per shape (how
many ids of each kind), and runs on SQLite and PostgreSQL alike (only the
database types of the first branch's NULLs differ; the snapshots in
``tests/learners/snapshots/`` show both). Values go through each field's
``get_db_prep_save``/``get_db_prep_value`` exactly as the ORM would send them
(for the writes on PostgreSQL merged into the query by psycopg's own
``as_literal``, see ``db.execute``; for the read sent apart, to the prepared
statement), and come back through ``to_python``; the read's rows are
unpacked into ``rows.LookupRow``, whose columns each mean one thing.

The names below are the ones the rest of the code uses.
"""

from learners.services.xapi_store.attempts import attempts_lock, result_from_attempts
from learners.services.xapi_store.lookup import lookup
from learners.services.xapi_store.lookup_sql import lookup_sql
from learners.services.xapi_store.rows import LessonState, Lookup, LookupRow
from learners.services.xapi_store.writes import (
    Writes,
    close_sql,
    insert_sql,
    results_save,
)

__all__ = [
    "LessonState",
    "Lookup",
    "LookupRow",
    "Writes",
    "attempts_lock",
    "close_sql",
    "insert_sql",
    "lookup",
    "lookup_sql",
    "result_from_attempts",
    "results_save",
]
