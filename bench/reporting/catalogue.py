"""The catalogue: 60 live paths of 3 modules of 5 lessons, written in bulk."""

from bench.reporting.database import copy_rows

PATHS, MODULES_PER_PATH, LESSONS_PER_MODULE = 60, 3, 5


def add_pages(parent, model, items):
    """Children of ``parent`` in bulk: their wagtailcore_page rows, then the
    model's own table (``add_child``, one page at a time, takes a minute)."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Page

    content_type, now, depth = (
        ContentType.objects.get_for_model(model),
        timezone.now(),
        parent.depth + 1,
    )
    pages = Page.objects.bulk_create(
        Page(
            path=Page._get_path(parent.path, depth, n + 1),
            depth=depth,
            locale_id=parent.locale_id,
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            url_path=f"{parent.url_path}{slug}/",
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        for n, (title, slug, _fields) in enumerate(items)
    )
    Page.objects.filter(pk=parent.pk).update(numchild=len(items))
    columns = ["page_ptr_id", *items[0][2]]
    copy_rows(
        model._meta.db_table,
        columns,
        [(page.pk, *item[2].values()) for page, item in zip(pages, items, strict=True)],
    )
    return pages


def build_catalogue():
    """60 paths × 3 modules × 5 lessons, live."""
    from wagtail.models import Page, Site

    from cms.models import HomePage
    from courses.models import (
        LearningPathIndexPage,
        LearningPathPage,
        LessonPage,
        ModulePage,
        Theme,
    )

    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Virage", slug="accueil-banc")
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    catalogue = home.add_child(
        instance=LearningPathIndexPage(title="Catalogue", slug="catalogue")
    )
    themes = list(Theme.objects.values_list("pk", flat=True))
    path_pages = add_pages(
        catalogue,
        LearningPathPage,
        [
            (
                f"Parcours {p + 1:02d}",
                f"parcours-{p + 1}",
                {
                    "summary": "Banc d'essai.",
                    "theme_id": themes[p % len(themes)],
                    "estimated_hours": 4,
                    "learning_format": "online",
                },
            )
            for p in range(PATHS)
        ],
    )
    module_fields = {
        "objectives": "<p>Apprendre</p>",
        "estimated_minutes": 30,
        "default_requirement": "required",
        "default_attendance_required": False,
    }
    lesson_fields = {"summary": "", "estimated_minutes": 15, "body": "[]"}
    paths = []
    for path in path_pages:
        modules = add_pages(
            path,
            ModulePage,
            [
                (f"Module {m + 1}", f"module-{m + 1}", module_fields)
                for m in range(MODULES_PER_PATH)
            ],
        )
        lessons = []
        for module in modules:
            lessons += add_pages(
                module,
                LessonPage,
                [
                    (f"Leçon {n + 1}", f"lecon-{n + 1}", lesson_fields)
                    for n in range(LESSONS_PER_MODULE)
                ],
            )
        paths.append(
            {
                "id": path.pk,
                "modules": [m.pk for m in modules],
                "lessons": [lesson.pk for lesson in lessons],
            }
        )
    return paths
