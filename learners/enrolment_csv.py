"""Reading a bulk-enrolment CSV as offices export it from Excel; no database.

The file is refused as a whole (``ApplicationError``) only when it cannot be
read or lacks a column; everything about a single row is the service's call.
"""

import csv
import io
import re
from dataclasses import asdict, dataclass, fields

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from unidecode import unidecode

from core.errors import ApplicationError
from courses.roles import LearnerRole

# (field, header written in the example and the report files)
COLUMNS = [
    ("email", "courriel"),
    ("first_name", "prénom"),
    ("last_name", "nom"),
    ("municipality_code", "code de municipalité"),
    ("role", "rôle"),
    ("path", "parcours"),
]
HEADER_ALIASES = {
    "email": {"courriel", "adressecourriel", "email", "mail", "adresseemail"},
    "first_name": {"prenom", "firstname"},
    "last_name": {"nom", "nomdefamille", "lastname"},
    "municipality_code": {
        "codedemunicipalite",
        "codemunicipalite",
        "codemunicipal",
        "codegeographique",
        "codemamh",
    },
    "role": {"role", "fonction"},
    "path": {"parcours", "parcoursdeformation", "path"},
}
SEPARATORS = ";,\t"
EXCEL_SEPARATOR_HINT = re.compile(r"^sep=(.)$", re.IGNORECASE)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
EXCEL_CODE = re.compile(r"(\d{1,5})(?:[.,]0+)?")
# What offices write instead of the labels; "élu" alone means a councillor,
# as most elected officials are.
ROLE_SHORT_FORMS = {
    "maire": LearnerRole.MAYOR,
    "mairesse": LearnerRole.MAYOR,
    "conseiller": LearnerRole.COUNCILLOR,
    "conseillere": LearnerRole.COUNCILLOR,
    "elu": LearnerRole.COUNCILLOR,
    "elue": LearnerRole.COUNCILLOR,
    "directiongenerale": LearnerRole.DIRECTOR_GENERAL,
    "dg": LearnerRole.DIRECTOR_GENERAL,
    "gestionnaire": LearnerRole.MANAGER,
    "employe": LearnerRole.EMPLOYEE,
    "employee": LearnerRole.EMPLOYEE,
}


@dataclass(frozen=True)
class EnrolmentRow:
    line: int
    email: str
    first_name: str
    last_name: str
    municipality_code: str
    role: str
    path: str

    def values(self) -> dict:
        values = asdict(self)
        del values["line"]
        return values


ROW_FIELDS = [field.name for field in fields(EnrolmentRow) if field.name != "line"]


def match_key(text: str) -> str:
    """Fold a header or a value for matching: no case, accents, spaces or
    punctuation, and no "·" of inclusive writing ("Élu·e" → "elue")."""
    text = text.replace("·", "").replace("•", "")
    return re.sub(r"[^a-z0-9]", "", unidecode(text).lower())


def municipality_code(value: str) -> str:
    """Excel turns "05050" into 5050 (or 5050.0): put the zeros back."""
    match = EXCEL_CODE.fullmatch(value)
    return match.group(1).zfill(5) if match else value


def role_code(value: str) -> str | None:
    """A role from its code, its French label or a short form ("dg", "maire"),
    whatever the case, accents or "·"; None if it is none of them."""
    key = match_key(value)
    if key in ROLE_SHORT_FORMS:
        return ROLE_SHORT_FORMS[key].value
    with translation.override(settings.LANGUAGE_CODE):
        for role in LearnerRole:
            if key in (match_key(role.value), match_key(str(role.label))):
                return role.value
    return None


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, as Excel saves them."""
    if data.startswith(b"PK\x03\x04"):
        raise ApplicationError(
            _(
                "Ce fichier est un classeur Excel, pas un fichier CSV. Dans Excel, "
                "choisissez « Enregistrer sous » puis le format CSV."
            )
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_windows_1252(data)
    if CONTROL_CHARACTERS.search(text):
        raise _unreadable()
    if not text.strip():
        raise ApplicationError(_("Le fichier est vide."))
    return text


def _decode_windows_1252(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise _unreadable() from None


def _unreadable():
    return ApplicationError(
        _(
            "Ce fichier n'est pas un fichier CSV lisible. Enregistrez-le au format "
            "CSV (UTF-8 ou Windows) et téléversez-le de nouveau."
        )
    )


def sniff_separator(header_line: str) -> str:
    counts = {separator: header_line.count(separator) for separator in SEPARATORS}
    best = max(SEPARATORS, key=lambda separator: counts[separator])
    return best if counts[best] else ","


def parse(data: bytes) -> list[EnrolmentRow]:
    """Rows with their line in the file (header = line 1), values stripped;
    blank rows (Excel leaves some at the end) are skipped."""
    lines = decode(data).splitlines()
    skipped, separator = 0, sniff_separator(lines[0])
    hint = EXCEL_SEPARATOR_HINT.match(lines[0].strip())
    if hint:
        skipped, separator = 1, hint.group(1)
    reader = csv.reader(lines[skipped:], delimiter=separator)
    positions = _column_positions(next(reader, []))
    rows, end = [], skipped + reader.line_num
    for cells in reader:
        start, end = end + 1, skipped + reader.line_num
        values = [cells[i].strip() if i < len(cells) else "" for i in positions]
        if any(values):
            rows.append(EnrolmentRow(start, *values))
    if not rows:
        raise ApplicationError(_("Le fichier ne contient aucune ligne à importer."))
    return rows


def _column_positions(header: list[str]) -> list[int]:
    """Position of each field's column; refuses the file if one is missing."""
    keys = [match_key(cell) for cell in header]
    positions, missing = [], []
    for field, label in COLUMNS:
        found = [i for i, key in enumerate(keys) if key in HEADER_ALIASES[field]]
        positions.append(found[0] if found else -1)
        if not found:
            missing.append(f"« {label} »")
    if missing:
        message = ngettext(
            "Colonne manquante : %(columns)s.",
            "Colonnes manquantes : %(columns)s.",
            len(missing),
        )
        raise ApplicationError(message % {"columns": ", ".join(missing)})
    return positions


def _cell(value) -> str:
    """Neutralise what a spreadsheet would run as a formula."""
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _write_csv(header: list[str], rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def report_csv(report: list[dict]) -> bytes:
    """The refused rows, UTF-8 with BOM and ";" so that Excel (fr) opens it."""
    header = ["ligne"] + [label for _field, label in COLUMNS] + ["raison"]
    rows = (
        [entry["line"]]
        + [entry["values"].get(field, "") for field, _label in COLUMNS]
        + [entry["reason"]]
        for entry in report
    )
    return _write_csv(header, rows)


def example_csv(*, path: str) -> bytes:
    """A file to start from, enrolling two people in ``path``."""
    rows = [
        ["marie.tremblay@exemple.qc.ca", "Marie", "Tremblay", "26022", "mayor", path],
        ["jean.gagnon@exemple.qc.ca", "Jean", "Gagnon", "03005", "Gestionnaire", path],
    ]
    return _write_csv([label for _field, label in COLUMNS], rows)
