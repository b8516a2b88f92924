"""Sending the ingest's SQL: on PostgreSQL with the values merged in."""

from functools import lru_cache

from django.db import DEFAULT_DB_ALIAS, connection, connections
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
