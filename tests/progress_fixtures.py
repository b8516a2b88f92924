"""A path with two modules for progress tests: one text module, one hybrid."""

from courses.models import LessonPage, ModulePage, ModuleRoleRule
from tests.factories import publish


def add_module(path, slug, lessons=2, **fields):
    module = publish(
        path,
        ModulePage(
            title=f"Module {slug}",
            slug=slug,
            objectives="<ul><li>Apprendre</li></ul>",
            estimated_minutes=30,
            **fields,
        ),
    )
    for n in range(1, lessons + 1):
        publish(
            module,
            LessonPage(
                title=f"Leçon {slug}-{n}",
                slug=f"{slug}-{n}",
                body=[("paragraph", "<p>Contenu.</p>")],
            ),
        )
    return module


def lessons_of(module):
    return list(module.lessons())


def role_rule(module, role, requirement="required", attendance=False):
    return ModuleRoleRule.objects.create(
        module=module,
        role=role,
        requirement=requirement,
        attendance_required=attendance,
    )
