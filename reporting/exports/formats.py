"""Writing a ``Table`` as CSV or XLSX; pure functions, no database.

CSV is what Excel (fr-CA) opens with a double click: UTF-8 with a BOM, ";"
between fields, CRLF line ends, French headers. Text that a spreadsheet would
run as a formula is prefixed with an apostrophe.
"""

import csv
import io
from collections.abc import Callable

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from reporting.tables import Table

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
PROGRESS_EVERY = 500
MIN_WIDTH, MAX_WIDTH = 8, 60  # XLSX column widths, in characters


def _cell(value):
    if value is None:
        return ""
    if not isinstance(value, int | float):
        value = str(value)  # lazy translations too
        if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
            return "'" + value
    return value


def _csv_number(value):
    """Decimals with a comma, as Excel in French reads them."""
    if isinstance(value, float):
        return str(value).replace(".", ",")
    return value


def to_csv(table: Table, progress: Callable[[int], None] | None = None) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(table.headers)
    for count, row in enumerate(table.all_rows(), start=1):
        writer.writerow([_csv_number(_cell(value)) for value in row])
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(table: Table, progress: Callable[[int], None] | None = None) -> bytes:
    """One sheet: bold frozen headers with a filter on each, columns as wide
    as their longest value (within bounds)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.title[:31].translate(str.maketrans("[]:*?/\\", "()-----"))
    sheet.append(table.headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    widths = [len(header) for header in table.headers]
    for count, row in enumerate(table.all_rows(), start=1):
        values = [_cell(value) for value in row]
        sheet.append(values)
        widths = [max(w, len(str(v))) for w, v in zip(widths, values, strict=True)]
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
    for index, width in enumerate(widths, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = min(
            max(width, MIN_WIDTH) + 2, MAX_WIDTH
        )
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


WRITERS = {"csv": to_csv, "xlsx": to_xlsx}
