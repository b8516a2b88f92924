from learners.models import Municipality
from learners.text import search_key


def municipality_search(*, query: str, limit: int = 15):
    """Municipalities whose name holds every word of ``query``, accents,
    case and hyphens ignored; names starting with the query come first."""
    key = search_key(query)
    if not key:
        return Municipality.objects.none()
    matches = Municipality.objects.select_related("region")
    for word in key.split():
        matches = matches.filter(search_name__contains=word)
    ranked = sorted(
        matches[:200],
        key=lambda m: (not m.search_name.startswith(key), m.search_name, m.code),
    )
    return ranked[:limit]
