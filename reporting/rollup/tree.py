"""The page tree flattened into ``PathContent``: module and lesson → path."""

from courses.contracts import path_of_pages
from reporting.models import PathContent


def path_contents_sync() -> set[int]:
    """Bring ``PathContent`` up to date; returns the paths that lost or changed
    a page, whose first-lesson dates must be computed again."""
    expected = path_of_pages()
    stored = dict(PathContent.objects.values_list("page_id", "path_id"))
    gone = {page: path for page, path in stored.items() if page not in expected}
    moved = {
        page: (stored[page], path)
        for page, path in expected.items()
        if page in stored and stored[page] != path
    }
    to_write = {
        page: path
        for page, path in expected.items()
        if page not in stored or page in moved
    }
    PathContent.objects.filter(page_id__in=[*gone, *moved]).delete()
    PathContent.objects.bulk_create(
        PathContent(page_id=page, path_id=path) for page, path in to_write.items()
    )
    return set(gone.values()) | {path for pair in moved.values() for path in pair}
