import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cms.models import HomePage, StandardPage
from courses.models import (
    LearningPathIndexPage,
    LearningPathPage,
    LessonPage,
    ModulePage,
    Theme,
)
from tests.factories import build_site


class CatalogueTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()

    def setUp(self):
        self.login()  # a superuser

    def test_each_level_accepts_only_the_next(self):
        self.assertAllowedSubpageTypes(HomePage, {LearningPathIndexPage, StandardPage})
        self.assertAllowedSubpageTypes(LearningPathIndexPage, {LearningPathPage})
        self.assertAllowedSubpageTypes(LearningPathPage, {ModulePage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage})
        self.assertAllowedSubpageTypes(LessonPage, set())

    def test_each_level_lives_only_under_the_previous(self):
        self.assertAllowedParentPageTypes(LearningPathIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(LearningPathPage, {LearningPathIndexPage})
        self.assertAllowedParentPageTypes(ModulePage, {LearningPathPage})
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_a_lesson_cannot_sit_directly_under_a_path(self):
        self.assertCanNotCreateAt(LearningPathPage, LessonPage)
        self.assertCanNotCreateAt(HomePage, LearningPathPage)

    def test_trainer_form_creates_a_learning_path_with_role_rules(self):
        theme = Theme.objects.get(slug="ville-intelligente-donnees-ouvertes")
        self.assertCanCreate(
            self.tree["catalogue"],
            LearningPathPage,
            nested_form_data(
                {
                    "title": "Données ouvertes",
                    "slug": "donnees-ouvertes",
                    "summary": "Publier les données de la municipalité.",
                    "theme": theme.pk,
                    "estimated_hours": "4.5",
                    "learning_format": "online",
                    "role_rules": inline_formset(
                        [
                            {"role": "director_general", "requirement": "required"},
                            {"role": "employee", "requirement": "optional"},
                        ]
                    ),
                }
            ),
            publish=False,  # a new path has no module yet: a draft
        )
        path = LearningPathPage.objects.get(slug="donnees-ouvertes")
        assert path.requirement_for("director_general") == "required"
        assert path.requirement_for("mayor") == "optional"  # no rule

    def test_module_and_lesson_forms(self):
        self.assertCanCreate(
            self.tree["path"],
            ModulePage,
            nested_form_data(
                {
                    "title": "Sauvegardes",
                    "slug": "sauvegardes",
                    "objectives": rich_text(
                        "<ul><li>Appliquer la règle 3-2-1</li></ul>"
                    ),
                    "estimated_minutes": "30",
                    "default_requirement": "required",
                    "default_attendance_required": "on",
                    "role_rules": inline_formset(
                        [{"role": "mayor", "requirement": "optional"}]
                    ),
                }
            ),
            publish=False,  # a new module has no lesson yet: a draft
        )
        self.assertCanCreate(
            self.tree["module"],
            LessonPage,
            nested_form_data(
                {
                    "title": "La règle 3-2-1",
                    "slug": "regle-3-2-1",
                    "summary": "Trois copies, deux supports, une hors site.",
                    "estimated_minutes": "10",
                    "body": nested_form_data(
                        {
                            "count": 1,
                            "0-type": "callout",
                            "0-deleted": "",
                            "0-order": 0,
                            "0-value-kind": "tip",
                            "0-value-title": "À retenir",
                            "0-value-text": rich_text("<p>Testez la restauration.</p>"),
                        }
                    ),
                }
            ),
        )


@pytest.mark.django_db
def test_lesson_body_block_set_is_declared_once():
    from courses.blocks import LESSON_BODY_BLOCKS

    names = [name for name, _ in LESSON_BODY_BLOCKS]
    assert names == [
        "heading",
        "paragraph",
        "image",
        "video",
        "document",
        "callout",
        "h5p",
        "scorm",
    ]
    assert list(LessonPage._meta.get_field("body").stream_block.child_blocks) == names


@pytest.mark.django_db
def test_module_rules_default_and_per_role():
    from courses.models import ModuleRoleRule

    tree = build_site()
    module = tree["module"]
    assert module.rule_for("employee") == ("required", False)
    ModuleRoleRule.objects.create(
        module=module, role="mayor", requirement="optional", attendance_required=True
    )
    module.default_attendance_required = True

    assert module.rule_for("mayor") == ("optional", True)
    assert module.rule_for("employee") == ("required", True)
