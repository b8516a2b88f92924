"""Tables as pages and exports show them: French headers and display values
(small cells already hidden). One builder per table; templates and the CSV and
XLSX writers only render what it returns."""

from dataclasses import dataclass, field

TEXT, COUNT, RATE, DATE = "text", "count", "rate", "date"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = COUNT


@dataclass
class Table:
    slug: str
    title: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    total: list | None = None
    note: str = ""
    links: list[str] = field(default_factory=list)  # one URL (or "") per row
    row_header: int = 0  # the column naming each row, which carries its link

    @property
    def headers(self) -> list[str]:
        return [str(column.label) for column in self.columns]

    def all_rows(self) -> list[list]:
        return self.rows + ([self.total] if self.total else [])
