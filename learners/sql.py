"""Names for SQL written by hand, taken from the models' ``_meta``.

These build SQL only from ``_meta`` names (tables, columns, primary keys) and
placeholders, never from user text: values always go as parameters.
"""

from django.db import connection


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


def marks(count: int) -> str:
    """``count`` placeholders, comma-separated."""
    return ", ".join(["%s"] * count)


def table(model) -> str:
    return quote(model._meta.db_table)


def column(model, name: str) -> str:
    """The quoted column of ``model``'s field ``name``."""
    return quote(model._meta.get_field(name).column)


def columns(model, *names: str) -> list[str]:
    return [column(model, name) for name in names]


def pk(model) -> str:
    return quote(model._meta.pk.column)
