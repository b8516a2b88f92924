"""The demo's English pages: a translation of every French demo page, so that
``/en/`` is English from the home page down to the lessons.

Each page is copied into the English locale (``copy_for_translation``, the
copy wagtail-localize starts from), then given its English texts from
``english_content``. A lesson without an English body keeps its French body,
unchanged (same blocks, same ids): templates can tell it from a translated
one by comparing it with the French page's, and mark it ``lang="fr-CA"``.

Idempotent: a page that already has its English translation is left as it is.
"""

from wagtail.blocks import StreamValue
from wagtail.models import Locale, Page

from cms.demo import english_content as en
from cms.models import HomePage, StandardPage
from courses.models import (
    LearningPathIndexPage,
    LearningPathPage,
    LessonPage,
    ModulePage,
)

ENGLISH = "en"


def _english_fields(page) -> dict:
    """The English values of ``page``'s translatable fields."""
    if isinstance(page, HomePage):
        return en.HOME
    if isinstance(page, LearningPathIndexPage):
        return en.CATALOGUE
    if isinstance(page, StandardPage):
        return en.ABOUT if page.slug == "a-propos" else {}
    if isinstance(page, LearningPathPage):
        return en.PATHS.get(page.slug, {})
    if isinstance(page, ModulePage):
        fields = dict(en.MODULES.get(page.slug, {}))
        if objectives := fields.pop("objectives", None):
            items = "".join(f"<li>{item}</li>" for item in objectives)
            fields["objectives"] = f"<ul>{items}</ul>"
        return fields
    if isinstance(page, LessonPage):
        fields = dict(en.LESSONS.get(page.slug, {}))
        if text := fields.pop("body", None):
            # The exercises (H5P, SCORM) stay those of the French lesson,
            # under the same block ids: a result is kept on the French lesson
            # whichever language it was played in.
            exercises = [
                (block.block_type, block.value, block.id)
                for block in page.body
                if block.block_type in {"h5p", "scorm"}
            ]
            fields["body"] = StreamValue(page.body.stream_block, list(text) + exercises)
        return fields
    return {}


def _translate(page, locale) -> bool:
    """Create ``page``'s English translation; False when it already had one."""
    if page.get_translation_or_none(locale) is not None:
        return False
    translation = page.copy_for_translation(locale).specific
    for field, value in _english_fields(page).items():
        setattr(translation, field, value)
    translation.save_revision().publish()
    return True


def demo_english_load(*, home) -> int:
    """Translate ``home`` and every live page under it into English; return how
    many translations were created."""
    locale, _ = Locale.objects.get_or_create(language_code=ENGLISH)
    default = Locale.get_default()
    created = 0
    # Parents before children (tree order), so each copy finds its parent's translation.
    pages = Page.objects.descendant_of(home, inclusive=True).filter(locale=default)
    for page in pages.live().specific().order_by("path"):
        created += _translate(page, locale)
    return created
