from unidecode import unidecode


def search_key(text: str) -> str:
    """Fold a name for matching: no accents, no case, hyphens and apostrophes
    as spaces, so "saint elzear" matches "Saint-Elzéar"."""
    folded = unidecode(text or "").lower()
    for separator in "-'’.,":
        folded = folded.replace(separator, " ")
    return " ".join(folded.split())
