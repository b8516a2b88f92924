"""A minimal iCalendar (RFC 5545) writer for one event. Pure: no database,
no settings; the caller supplies every value."""

from dataclasses import dataclass
from datetime import UTC, datetime

LINE_LIMIT = 75  # octets, CRLF excluded (RFC 5545 §3.1)


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    starts_at: datetime
    ends_at: datetime
    stamp: datetime
    summary: str
    location: str = ""
    description: str = ""
    url: str = ""
    organizer_email: str = ""
    organizer_name: str = ""
    attendee_email: str = ""
    attendee_name: str = ""
    sequence: int = 0


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and newlines."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def utc_stamp(value: datetime) -> str:
    """A DATE-TIME in UTC form (``20261204T183000Z``); ``value`` must be aware."""
    if value.tzinfo is None:
        raise ValueError("iCalendar times must be timezone-aware.")
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line: str) -> str:
    """Split a content line into 75-octet pieces, never inside a UTF-8
    character; continuation lines start with one space."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = LINE_LIMIT if not pieces else LINE_LIMIT - 1
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def _event_lines(event: CalendarEvent, method: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{utc_stamp(event.stamp)}",
        f"DTSTART:{utc_stamp(event.starts_at)}",
        f"DTEND:{utc_stamp(event.ends_at)}",
        f"SEQUENCE:{event.sequence}",
        "STATUS:CONFIRMED",
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    if method == "REQUEST":
        lines += _participants(event)
    lines.append("END:VEVENT")
    return lines


def _quoted(name: str) -> str:
    return '"' + name.replace('"', "") + '"'


def _participants(event: CalendarEvent) -> list[str]:
    """A REQUEST names its organizer and attendee (RFC 5546 §3.2.2)."""
    lines = []
    if event.organizer_email:
        cn = _quoted(event.organizer_name)
        lines.append(f"ORGANIZER;CN={cn}:mailto:{event.organizer_email}")
    if event.attendee_email:
        cn = _quoted(event.attendee_name)
        lines.append(
            f"ATTENDEE;CN={cn};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE"
            f":mailto:{event.attendee_email}"
        )
    return lines


def calendar_build(
    event: CalendarEvent, *, method: str = "REQUEST", product: str = "Virage"
) -> str:
    """The whole VCALENDAR, CRLF line endings, folded lines."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{product}//Séances//FR",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        *_event_lines(event, method),
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)
