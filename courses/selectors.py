from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext as _

from courses import h5p
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
    """Why ``page`` may not be published yet, or "" when it may.

    A learning path needs a live module and a module a live lesson: published
    empty, they offer enrolment in nothing.
    """
    page = page.specific
    if isinstance(page, LearningPathPage):
        if not ModulePage.objects.child_of(page).live().exists():
            return _(
                "Un parcours sans module publié ne peut pas être publié : "
                "publiez d'abord au moins un de ses modules. Vos modifications "
                "sont enregistrées comme brouillon."
            )
    elif isinstance(page, ModulePage):
        if not LessonPage.objects.child_of(page).live().exists():
            return _(
                "Un module sans leçon publiée ne peut pas être publié : "
                "publiez d'abord au moins une de ses leçons. Vos modifications "
                "sont enregistrées comme brouillon."
            )
    return ""


def h5p_content_warnings(*, content) -> list[str]:
    """What the author of an imported ``content`` should fix (see
    ``h5p.content_warnings``); computed from the stored rows, so the libraries
    installed since count."""
    libraries = [
        (str(library), (library.translations or {}).keys())
        for library in content.libraries.all()
    ]
    return h5p.content_warnings(content=content.content_json, libraries=libraries)
