from django.db.models import Q

from territory.models import Municipality
from territory.text import search_key


def municipality_search(*, query: str, limit: int = 15):
    """Municipalities whose name has a word starting with each word of
    ``query``, accents, case and hyphens ignored; names starting with the whole
    query come first."""
    key = search_key(query)
    if not key:
        return Municipality.objects.none()
    matches = Municipality.objects.select_related("region")
    for word in key.split():
        matches = matches.filter(
            Q(search_name__startswith=word) | Q(search_name__contains=f" {word}")
        )
    ranked = sorted(
        matches[:200],
        key=lambda m: (not m.search_name.startswith(key), m.search_name, m.code),
    )
    return ranked[:limit]
