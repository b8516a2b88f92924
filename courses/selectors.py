from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from courses import h5p
from courses.cache import structure_cached
from courses.models import LearningPathPage, LessonPage, ModulePage, Theme
from courses.roles import LearnerRole, RoleRequirement


def learning_path_list(*, index_page=None, theme=None, role=None):
    """Live learning paths, optionally narrowed to a theme and to a role.

    With a role, only paths required or recommended for it are kept, required
    ones first.
    """
    paths = LearningPathPage.objects.live().select_related("theme", "image")
    if index_page is not None:
        paths = paths.child_of(index_page)
    if theme is not None:
        paths = paths.filter(theme=theme)
    if role:
        wanted = [RoleRequirement.REQUIRED, RoleRequirement.RECOMMENDED]
        paths = (
            paths.filter(role_rules__role=role, role_rules__requirement__in=wanted)
            .annotate(
                requirement_rank=Case(
                    When(
                        role_rules__requirement=RoleRequirement.REQUIRED, then=Value(0)
                    ),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("requirement_rank", "path")
        )
    else:
        paths = paths.order_by("path")
    return paths.prefetch_related("role_rules")


def catalogue_filter(*, index_page, params):
    """Read the catalogue's ``theme`` and ``role`` filters from query params.

    An unknown value is reported in ``errors`` and ignored, never a crash.
    """
    errors = []
    theme = None
    theme_slug = params.get("theme", "")
    if theme_slug:
        theme = Theme.objects.filter(slug=theme_slug).first()
        if theme is None:
            errors.append(_("Thème inconnu : « %(value)s ».") % {"value": theme_slug})
    role = params.get("role", "")
    if role and role not in LearnerRole.values:
        errors.append(_("Rôle inconnu : « %(value)s ».") % {"value": role})
        role = ""
    return {
        "paths": learning_path_list(index_page=index_page, theme=theme, role=role),
        "themes": Theme.objects.all(),
        "roles": LearnerRole.choices,
        "selected_theme": theme,
        "selected_role": role,
        "filter_errors": errors,
    }


def h5p_library_by_folder(folder: str):
    """The installed library behind a player path like ``H5P.TrueFalse-1.6``."""
    from courses.models import H5PLibrary

    name, _, version = folder.rpartition("-")
    major, _, minor = version.partition(".")
    if not (name and major.isdigit() and minor.isdigit()):
        return None
    return H5PLibrary.objects.filter(
        machine_name=name, major_version=int(major), minor_version=int(minor)
    ).first()


def page_publish_refusal(*, page) -> str:
    """Why ``page`` may not be published yet, or "" when it may (the rule is
    the page type's own ``publish_refusal``: a path needs a live module, a
    module a live lesson)."""
    refusal = getattr(page.specific, "publish_refusal", None)
    return refusal() if refusal is not None else ""


def h5p_content_warnings(*, content) -> list[str]:
    """What the author of an imported ``content`` should fix (see
    ``h5p.content_warnings``); computed from the stored rows, so the libraries
    installed since count."""
    libraries = [
        (str(library), (library.translations or {}).keys())
        for library in content.libraries.all()
    ]
    return h5p.content_warnings(content=content.content_json, libraries=libraries)


@dataclass(frozen=True)
class PageLink:
    """A page as a link shows it: plain data, so it can be cached."""

    pk: int
    title: str
    url: str


@dataclass(frozen=True)
class LessonOutline:
    """Where a lesson sits: its path and module, the lessons before and after
    it across the path, and its place in the module."""

    path: PageLink
    module: PageLink
    previous: PageLink | None
    next: PageLink | None
    position: int
    count: int


def _link(page, request) -> PageLink:
    return PageLink(pk=page.pk, title=page.title, url=page.get_url(request) or "")


def page_trail(*, page, request=None, levels: int) -> list[PageLink]:
    """The ``levels`` pages above ``page``, highest first, as links for a
    breadcrumb; cached per tree version (one query when cold)."""

    def compute():
        ancestors = Page.objects.ancestor_of(page).filter(
            depth__gte=page.depth - levels
        )
        return [_link(ancestor, request) for ancestor in ancestors.order_by("depth")]

    if not page.live or getattr(request, "is_preview", False):
        return compute()
    site = Site.find_for_request(request) if request is not None else None
    return structure_cached(
        f"trail:{page.pk}:{levels}:{site.pk if site else ''}", compute
    )


@dataclass
class PathStructure:
    """A live path's live modules (their role rules prefetched) and, per
    module id, its live lessons (bodies left unloaded)."""

    modules: list
    lessons: dict


def _path_structure(path) -> PathStructure:
    modules = list(
        ModulePage.objects.child_of(path)
        .live()
        .order_by("path")
        .prefetch_related("role_rules")
    )
    by_path = {module.path: [] for module in modules}
    lessons = (
        LessonPage.objects.live()
        .descendant_of(path)
        .defer_streamfields()
        .order_by("path")
    )
    for lesson in lessons:
        parent_path = lesson.path[: -lesson.steplen]
        if parent_path in by_path:
            by_path[parent_path].append(lesson)
    return PathStructure(
        modules=modules,
        lessons={module.pk: by_path[module.path] for module in modules},
    )


def path_structure(*, path) -> PathStructure:
    """What a path page and a learner's progress are built on; cached per
    tree version for a live path (three queries when cold, none when warm)."""
    if not path.live:
        return _path_structure(path)
    return structure_cached(f"path-structure:{path.pk}", lambda: _path_structure(path))


def _lesson_outline(lesson, request) -> LessonOutline:
    module, path = sorted(
        Page.objects.ancestor_of(lesson).filter(depth__gte=lesson.depth - 2),
        key=lambda page: -page.depth,
    )
    lessons = list(
        Page.objects.descendant_of(path)
        .type(LessonPage)
        .filter(Q(live=True) | Q(pk=lesson.pk))
        .order_by("path")
    )
    index = next(i for i, item in enumerate(lessons) if item.pk == lesson.pk)
    in_module = [item.pk for item in lessons if item.path.startswith(module.path)]
    return LessonOutline(
        path=_link(path, request),
        module=_link(module, request),
        previous=_link(lessons[index - 1], request) if index > 0 else None,
        next=_link(lessons[index + 1], request) if index + 1 < len(lessons) else None,
        position=in_module.index(lesson.pk) + 1,
        count=len(in_module),
    )


def lesson_outline(*, lesson, request=None) -> LessonOutline:
    """The lesson's place in its path. Cached per tree version for a
    published lesson (two queries when cold, none when warm); a lesson not
    yet published (an author's preview) takes its place among the live ones,
    uncached, under the title it has in the preview."""
    if not lesson.live or getattr(request, "is_preview", False):
        return _lesson_outline(lesson, request)
    site = Site.find_for_request(request) if request is not None else None
    return structure_cached(
        f"lesson-outline:{lesson.pk}:{site.pk if site else ''}",
        lambda: _lesson_outline(lesson, request),
    )


def _default_locale() -> list:
    """[id, language code] of the default locale, cached: comparing a page's
    locale with it costs no query."""
    return structure_cached(
        "default-locale",
        lambda: list(
            Locale.objects.filter(pk=Locale.get_default().pk).values_list(
                "pk", "language_code"
            )[0]
        ),
    )


def default_locale_id() -> int:
    """The default locale's id (cached): an original page is in it."""
    return _default_locale()[0]


def _locale_id(language) -> int | None:
    """The id of the locale ``language`` is shown in (cached), or None."""
    try:
        code = get_supported_content_language_variant(language)
    except LookupError:
        return None
    ids = structure_cached(
        "locale-ids", lambda: dict(Locale.objects.values_list("language_code", "pk"))
    )
    if code in ids:
        return ids[code]
    # A locale added since the cache was filled.
    return (
        Locale.objects.filter(language_code=code).values_list("pk", flat=True).first()
    )


def original_pk(page) -> int:
    """The id of ``original(page)``: cached, so no query once warm."""
    default_id = default_locale_id()
    if page.locale_id == default_id:
        return page.pk
    found = structure_cached(
        f"original:{page.pk}",
        lambda: (
            Page.objects.filter(
                translation_key=page.translation_key, locale_id=default_id
            )
            .values_list("pk", flat=True)
            .first()
        ),
    )
    return found or page.pk


def original(page):
    """The default-locale page ``page`` translates (same type), or ``page``
    itself when it is one: what enrolments, completions, launches, sessions
    and certificates hang on, so a learner is the same learner in every
    language. No query for an original, one for a translation (its id is
    cached); a translation whose original is gone stands for itself."""
    if page is None:
        return None
    pk = original_pk(page)
    if pk == page.pk:
        return page
    return type(page).objects.filter(pk=pk).first() or page


def translations_in(pages, *, language=None) -> dict:
    """``{pk: page}``: each page's live translation in ``language`` (the
    active one by default), else the page itself, so a link stays in the
    visitor's language. No query for pages already in that language, one
    per page type otherwise."""
    pages = [page for page in pages if page is not None]
    shown = {page.pk: page for page in pages}
    locale_id = _locale_id(language or get_language())
    by_type = {}
    for page in pages:
        if locale_id is not None and page.locale_id != locale_id:
            by_type.setdefault(type(page), []).append(page)
    for model, group in by_type.items():
        found = model.objects.live().filter(
            locale_id=locale_id, translation_key__in={p.translation_key for p in group}
        )
        if model is LessonPage:
            found = found.defer_streamfields()
        by_key = {page.translation_key: page for page in found}
        for page in group:
            shown[page.pk] = by_key.get(page.translation_key, page)
    return shown


def untranslated_fields(*, page, fields, source=None) -> dict[str, str]:
    """For a translation (an English page), which of ``fields`` still hold
    the original's text, with the original's language code, so the template
    marks them ``lang="fr-ca"`` for screen readers and browsers; nothing for
    an original (the default locale's id is cached, so an original costs no
    query). ``source``: the original when the caller has it already."""
    default_id, default_code = _default_locale()
    if page.locale_id == default_id:
        return {}
    source = source if source is not None else original(page)
    if source is page:
        return {}
    same = {}
    for name in fields:
        field = type(page)._meta.get_field(name)
        if field.get_prep_value(getattr(source, name)) == field.get_prep_value(
            getattr(page, name)
        ):
            same[name] = default_code
    return same
