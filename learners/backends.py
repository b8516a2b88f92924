"""Signing in with an e-mail and password: Django's ``ModelBackend``, with the
signed-in user read on every request in plain SQL.

Every request of a signed-in person reads their row (``get_user``). Through
the ORM that read cost about 1.2 ms of Python to build, several times what
reading the same row with a cursor and building it with ``from_db`` (as the
ORM does for a loaded row) costs; the row and the checks are the same."""

import weakref
from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import connection, connections

# Per connection object (each thread has its own): the converters the ORM
# applies to each column of a loaded user row, by column index (dates and
# booleans on SQLite; none on PostgreSQL).
_CONVERTERS = weakref.WeakKeyDictionary()


@cache
def _user_sql(vendor: str) -> str:
    model = get_user_model()
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in model._meta.concrete_fields)
    return (
        f"SELECT {columns} FROM {quote(model._meta.db_table)} "
        f"WHERE {quote(model._meta.pk.column)} = %s"
    )


def _converters(db):
    found = _CONVERTERS.get(db)
    if found is None:
        model = get_user_model()
        found = []
        for index, field in enumerate(model._meta.concrete_fields):
            column = field.get_col(model._meta.db_table)
            converters = db.ops.get_db_converters(column)
            converters += field.get_db_converters(db)
            found += [(index, column, convert) for convert in converters]
        _CONVERTERS[db] = found
    return found


class AccountBackend(ModelBackend):
    def get_user(self, user_id):
        # ``user_id`` comes from the session, already made a primary key
        # (``django.contrib.auth.get_user``).
        db = connections[get_user_model()._default_manager.db]
        with db.cursor() as cursor:
            cursor.execute(_user_sql(db.vendor), [user_id])
            row = cursor.fetchone()
        if row is None:
            return None
        converters = _converters(db)
        if converters:
            row = list(row)
            for index, column, convert in converters:
                row[index] = convert(row[index], column, db)
        user = get_user_model().from_db(db.alias, None, row)
        return user if self.user_can_authenticate(user) else None
