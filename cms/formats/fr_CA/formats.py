"""fr-CA date formats, over Django's own.

Django's fr_CA writes the hour mark as a bare ``h``, which the ``date`` filter
reads as "hour, 12-hour clock": 13 h 30 came out as "13 01 30". Here the ``h``
is escaped; only the formats that show a time are replaced, Django's fr_CA
module gives the rest.
"""

TIME_FORMAT = "G\xa0\\h\xa0i"  # 13 h 30, 9 h 05
DATETIME_FORMAT = "j F Y, G\xa0\\h\xa0i"  # 17 décembre 2026, 13 h 30
SHORT_DATETIME_FORMAT = "Y-m-d G\xa0\\h\xa0i"  # 2026-12-17 13 h 30
