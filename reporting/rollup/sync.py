"""Set-based statements that make a rollup table equal to a source query.

Plain SQL because the ORM has no ``UPDATE … FROM`` nor ``INSERT … SELECT``;
it runs as is on PostgreSQL and on SQLite (≥ 3.39, for ``IS DISTINCT FROM``).
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rollup:
    """``table`` mirrors ``source``: one row per ``keys``, with ``values``
    copied; ``extra`` columns are computed on insert only and kept after.
    With ``dirty_by``, every row written — and, when a row is deleted, the
    other rows sharing its ``dirty_by`` column — get ``dirty = TRUE``."""

    table: str
    keys: tuple[str, ...]
    values: tuple[str, ...]
    source: str
    extra: dict[str, str] = field(default_factory=dict)
    dirty_by: str = ""
    keys_source: str = ""  # a lighter query of the keys alone, if any

    def _match(self, alias):
        return " AND ".join(f"s.{k} = {alias}.{k}" for k in self.keys)

    def delete_sql(self):
        match = self._match(self.table)
        keys = self.keys_source or self.source
        sql = f"DELETE FROM {self.table} WHERE NOT EXISTS "
        sql += f"(SELECT 1 FROM ({keys}) s WHERE {match})"
        return sql + (f" RETURNING {self.dirty_by}" if self.dirty_by else "")

    def update_sql(self):
        assignments = [f"{v} = s.{v}" for v in self.values]
        if self.dirty_by:
            assignments.append("dirty = TRUE")
        mine = ", ".join(f"{self.table}.{v}" for v in self.values)
        theirs = ", ".join(f"s.{v}" for v in self.values)
        return (
            f"UPDATE {self.table} SET {', '.join(assignments)} "
            f"FROM ({self.source}) s WHERE {self._match(self.table)} "
            f"AND ({mine}) IS DISTINCT FROM ({theirs})"
        )

    def insert_sql(self, *, with_extra=True):
        columns = [*self.keys, *self.values, *self.extra]
        selected = [f"s.{c}" for c in (*self.keys, *self.values)]
        selected += [sql if with_extra else "NULL" for sql in self.extra.values()]
        if self.dirty_by:
            columns.append("dirty")
            selected.append("TRUE")
        return (
            f"INSERT INTO {self.table} ({', '.join(columns)}) "
            f"SELECT {', '.join(selected)} FROM ({self.source}) s "
            f"WHERE NOT EXISTS (SELECT 1 FROM {self.table} t WHERE {self._match('t')})"
        )

    def _mark(self, cursor, groups):
        """The rows left of a group that lost one become dirty."""
        groups = sorted(set(groups))
        for start in range(0, len(groups), 500):
            chunk = groups[start : start + 500]
            placeholders = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"UPDATE {self.table} SET dirty = TRUE "
                f"WHERE {self.dirty_by} IN ({placeholders})",
                chunk,
            )

    def run(self, cursor, params=(), *, with_extra=True) -> int:
        """Delete, update what changed, insert what is new. Returns how many
        rows were written (0: the table already mirrored its source)."""
        keys_params = [] if self.keys_source else list(params)
        cursor.execute(self.delete_sql(), keys_params)
        if self.dirty_by:
            deleted = [row[0] for row in cursor.fetchall()]
            written = len(deleted)
            self._mark(cursor, deleted)
        else:
            written = max(cursor.rowcount, 0)
        cursor.execute(self.update_sql(), list(params))
        written += max(cursor.rowcount, 0)
        cursor.execute(self.insert_sql(with_extra=with_extra), list(params))
        return written + max(cursor.rowcount, 0)
