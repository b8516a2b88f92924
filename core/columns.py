"""A model's table and column names, for SQL written by hand in another app.

An app that reads another's tables in plain SQL (reporting's rollups) takes
the names from a ``Columns`` map the owner app publishes in its
``contracts.py``, never from a string of its own: the names come from
``_meta``, so a ``db_table`` or ``db_column`` change follows through, and the
map lists what the owner promised to keep readable.
"""

from functools import cached_property


class Columns:
    """``Columns(Model, "pk", "user", "completed_at")``: ``.table`` is the
    model's table; ``.pk``, ``.user``, ``.completed_at`` the columns of those
    fields (a foreign key's is ``user_id``). A field not listed is no
    attribute: the list is the contract."""

    def __init__(self, model, *fields: str):
        self.model = model
        self.fields = fields

    @cached_property
    def table(self) -> str:
        return self.model._meta.db_table

    @cached_property
    def columns(self) -> dict[str, str]:
        """{field name: column}, read once the models are loaded."""
        meta = self.model._meta
        return {
            name: (meta.pk if name == "pk" else meta.get_field(name)).column
            for name in self.fields
        }

    def __getattr__(self, name: str) -> str:
        if name.startswith("_") or name not in self.fields:
            raise AttributeError(
                f"{self.model.__name__} has no column {name!r} in its contract"
            )
        return self.columns[name]

    def __repr__(self):
        return f"Columns({self.model.__name__}, {', '.join(self.fields)})"
