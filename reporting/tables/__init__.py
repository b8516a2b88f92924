from reporting.tables.base import COUNT, DATE, RATE, TEXT, Column, Table
from reporting.tables.breakdowns import (
    breakdown_table,
    funnel_table,
    municipality_tables,
    overview_tables,
)
from reporting.tables.municipalities import (
    absent_table,
    learners_table,
    municipalities_table,
)
from reporting.tables.trends import month_label, quarter_label, trend_tables

__all__ = [
    "COUNT",
    "DATE",
    "RATE",
    "TEXT",
    "Column",
    "Table",
    "absent_table",
    "breakdown_table",
    "funnel_table",
    "learners_table",
    "month_label",
    "municipalities_table",
    "municipality_tables",
    "overview_tables",
    "quarter_label",
    "trend_tables",
]
