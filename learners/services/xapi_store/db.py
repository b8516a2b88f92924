"""Sending the ingest's SQL: on PostgreSQL the writes with the values merged
in, the read as a statement prepared once per connection."""

from functools import lru_cache

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.backends.postgresql.base import ServerBindingCursor
from psycopg.adapt import Transformer


@lru_cache(maxsize=256)
def _pieces(sql: str) -> tuple[bytes, ...]:
    """``sql`` cut at its ``%s`` placeholders (the only ``%`` it holds)."""
    return tuple(piece.encode() for piece in sql.split("%s"))


def execute(cursor, sql: str, params):
    """``cursor.execute(sql, params)``; on PostgreSQL with client-side
    binding, the values are merged here into the query, split once per
    shape. psycopg merges them the same way (``as_literal``), but parses
    again any query longer than 4096 characters or with more than 50
    values: for a batch of 50 statements that parse cost more than the rest
    of the ingest."""
    if not multi_statements():
        cursor.execute(sql, params)
        return
    pieces = _pieces(sql)
    if len(pieces) != len(params) + 1:
        raise ValueError(f"{len(params)} values for {len(pieces) - 1} placeholders")
    literal = Transformer.from_context(cursor.cursor).as_literal
    merged = [pieces[0]]
    for value, piece in zip(params, pieces[1:], strict=True):
        merged.append(b"NULL" if value is None else literal(value))
        merged.append(piece)
    cursor.execute(b"".join(merged))


def default_db():
    """The default connection itself: ``connection`` is a proxy, and each
    attribute read through it costs a lookup of the thread's connection."""
    return connections[DEFAULT_DB_ALIAS]


def multi_statements() -> bool:
    """Whether one ``execute`` may carry several statements: on PostgreSQL
    with psycopg's client-side binding (Django's default), which sends them
    in the simple query protocol."""
    return connection.vendor == "postgresql" and not connection.settings_dict.get(
        "OPTIONS", {}
    ).get("server_side_binding")


# A psycopg prepare threshold no query reaches by being run again.
ONLY_WHEN_ASKED = 2**31 - 1


class PreparingCursor(ServerBindingCursor):
    """Binds values on the server and prepares every query it runs."""

    def execute(self, query, params=None, *, prepare=True, binary=None):
        return super().execute(query, params, prepare=prepare, binary=binary)

    def _convert_query(self, query, params=None):
        # Kept, as psycopg's client-side cursor keeps it: Django logs the
        # query it ran from it (with $n for the values).
        self._query = super()._convert_query(query, params)
        return self._query


def prepared_cursor():
    """A cursor for the lookup, Django's own elsewhere. On PostgreSQL (unless
    ``DB_PREPARED_STATEMENTS`` is off) its queries are prepared on the server
    the first time this connection runs them, with their values sent apart:
    PostgreSQL then parses and plans each shape once per connection instead
    of once per request. For the lookup, planning cost PostgreSQL several
    times what running it does (0.7-1 ms against about 0.1 ms of CPU per
    single statement). Django turns psycopg's own preparing off (for
    connection poolers); this asks for it on these queries only, so only
    PgBouncer before 1.21, or without ``max_prepared_statements``, needs
    ``DB_PREPARED_STATEMENTS=0`` (docs/deployment.md)."""
    if connection.vendor != "postgresql" or not settings.DB_PREPARED_STATEMENTS:
        return connection.cursor()
    connection.ensure_connection()
    psycopg_connection = connection.connection
    if psycopg_connection.prepare_threshold is None:
        # Django's "never": psycopg then refuses even ``prepare=True``. Only
        # cursors binding on the server count executions towards this
        # threshold, and Django's own bind on the client: in effect, only
        # queries run here are prepared.
        psycopg_connection.prepare_threshold = ONLY_WHEN_ASKED
    raw = PreparingCursor(psycopg_connection)
    # Logged like any other query (connection.queries, the query budgets).
    if connection.queries_logged:
        return connection.make_debug_cursor(raw)
    return connection.make_cursor(raw)
