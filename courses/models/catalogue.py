from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from courses.blocks import LESSON_BODY_BLOCKS
from courses.cache import structure_cached
from courses.roles import LearnerRole, RoleRequirement


class Theme(index.Indexed, models.Model):
    """A subject area of the catalogue (cybersecurity, smart city…)."""

    name = models.CharField(_("nom"), max_length=100, unique=True)
    name_en = models.CharField(_("nom en anglais"), max_length=100, blank=True)
    slug = models.SlugField(_("identifiant"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name


class LearningFormat(models.TextChoices):
    ONLINE = "online", _("En ligne")
    HYBRID = "hybrid", _("Hybride")
    IN_PERSON = "in_person", _("En présence")


class LiveBranchPage(Page):
    """A page whose subpages are served only while it is live itself.

    Wagtail serves a live page under a draft parent: a lesson would stay
    reachable after its module (or path) was unpublished.
    """

    class Meta:
        abstract = True

    def route(self, request, path_components):
        if not self.live:
            raise Http404
        return super().route(request, path_components)


class LearningPathIndexPage(LiveBranchPage):
    """The public catalogue: every learning path, filterable by theme and role."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    # Where a catalogue may sit is the site's choice: cms/models.py sets
    # ``parent_page_types`` (courses names no page type of cms).
    subpage_types = ["courses.LearningPathPage"]
    template = "courses/learning_path_index_page.html"

    class Meta:
        verbose_name = _("catalogue des parcours")

    def route(self, request, path_components):
        """A path, module or lesson in one cached lookup, not two queries per
        level; a page under a draft is not found, as ``LiveBranchPage`` says."""
        from courses.cache import page_route

        if not path_components or not self.live:
            return super().route(request, path_components)
        page = page_route(root=self, components=path_components)
        if page is None:
            raise Http404
        return RouteResult(page)

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import catalogue_filter

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_filter(index_page=self, params=request.GET))
        return context


class RoleRule(Orderable):
    """What a page asks of learners who hold one role.

    A subclass adds its ``ParentalKey`` to the page (``related_name="role_rules"``),
    its ``requirement`` field and its unique constraint on (page, role): their
    choices, defaults and constraint names differ per page type, and keeping them
    there leaves the database schema as the migrations created it.
    """

    role = models.CharField(_("rôle"), max_length=30, choices=LearnerRole.choices)

    panels = [FieldPanel("role"), FieldPanel("requirement")]

    class Meta(Orderable.Meta):
        abstract = True


def _role_rule_for(page, role):
    """``page``'s rule for ``role``, or None.

    Scans ``role_rules.all()`` rather than filtering, so a prefetch, or the
    in-memory rules of a page being previewed, is used without a query.
    """
    return next((rule for rule in page.role_rules.all() if rule.role == role), None)


class LearningPathPage(LiveBranchPage):
    summary = models.TextField(_("résumé"), max_length=600)
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("thème"),
        on_delete=models.PROTECT,
        related_name="learning_paths",
    )
    estimated_hours = models.DecimalField(
        _("durée estimée (heures)"), max_digits=5, decimal_places=1
    )
    learning_format = models.CharField(
        _("formule"),
        max_length=20,
        choices=LearningFormat.choices,
        default=LearningFormat.ONLINE,
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("theme"),
                FieldPanel("estimated_hours"),
                FieldPanel("learning_format"),
                FieldPanel("image"),
            ],
            heading=_("Caractéristiques"),
        ),
        InlinePanel(
            "role_rules",
            heading=_("Public visé"),
            label=_("Règle par rôle"),
            max_num=len(LearnerRole.choices),
            help_text=_("Un rôle sans règle considère ce parcours comme facultatif."),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.RelatedFields("theme", [index.SearchField("name")]),
    ]
    parent_page_types = ["courses.LearningPathIndexPage"]
    subpage_types = ["courses.ModulePage"]
    template = "courses/learning_path_page.html"

    class Meta:
        verbose_name = _("parcours de formation")
        verbose_name_plural = _("parcours de formation")

    def modules(self):
        return ModulePage.objects.child_of(self).live().specific().order_by("path")

    def publish_refusal(self) -> str:
        """Why this path may not be published yet, or "": published without a
        live module, it offers enrolment in nothing."""
        if ModulePage.objects.child_of(self).live().exists():
            return ""
        return gettext(
            "Un parcours sans module publié ne peut pas être publié : "
            "publiez d'abord au moins un de ses modules. Vos modifications "
            "sont enregistrées comme brouillon."
        )

    def requirement_for(self, role):
        rule = _role_rule_for(self, role)
        return rule.requirement if rule is not None else RoleRequirement.OPTIONAL

    def audience(self):
        """(role label, requirement) for every role, in the roles' order."""
        return [
            (role.label, RoleRequirement(self.requirement_for(role)))
            for role in LearnerRole
        ]

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import page_trail, path_structure

        context = super().get_context(request, *args, **kwargs)
        structure = path_structure(path=self)
        context["modules"] = structure.modules
        context["module_lessons"] = [
            (module, structure.lessons[module.pk]) for module in structure.modules
        ]
        context["trail"] = page_trail(page=self, request=request, levels=1)
        prefetch_related_objects([self], "role_rules")
        return context


class LearningPathRoleRule(RoleRule):
    page = ParentalKey(
        LearningPathPage, on_delete=models.CASCADE, related_name="role_rules"
    )
    requirement = models.CharField(
        _("exigence"),
        max_length=20,
        choices=RoleRequirement.choices,
        default=RoleRequirement.RECOMMENDED,
    )

    class Meta(RoleRule.Meta):
        verbose_name = _("règle par rôle")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "role"], name="unique_role_rule_per_path"
            )
        ]


class ModuleRequirement(models.TextChoices):
    REQUIRED = "required", _("Obligatoire")
    OPTIONAL = "optional", _("Facultatif")


class ModulePage(LiveBranchPage):
    objectives = RichTextField(
        _("objectifs d'apprentissage"), features=["ul", "ol", "bold", "italic"]
    )
    estimated_minutes = models.PositiveIntegerField(_("durée estimée (minutes)"))
    default_requirement = models.CharField(
        _("exigence par défaut"),
        max_length=20,
        choices=ModuleRequirement.choices,
        default=ModuleRequirement.REQUIRED,
        help_text=_("Pour les rôles sans règle particulière."),
    )
    default_attendance_required = models.BooleanField(
        _("présence à une séance exigée par défaut"),
        default=False,
        help_text=_(
            "Le module n'est terminé qu'après une séance en présence ou en classe "
            "virtuelle (rôles sans règle particulière)."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("objectives"),
        FieldPanel("estimated_minutes"),
        MultiFieldPanel(
            [
                FieldPanel("default_requirement"),
                FieldPanel("default_attendance_required"),
                InlinePanel(
                    "role_rules",
                    label=_("Règle pour un rôle"),
                    max_num=len(LearnerRole.choices),
                ),
            ],
            heading=_("Exigences selon le rôle"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("objectives")]
    parent_page_types = ["courses.LearningPathPage"]
    subpage_types = ["courses.LessonPage"]
    template = "courses/module_page.html"

    class Meta:
        verbose_name = _("module")

    def clean(self):
        super().clean()
        if self.estimated_minutes is not None and self.estimated_minutes < 1:
            raise ValidationError(
                {"estimated_minutes": _("La durée doit être d'au moins une minute.")}
            )

    def lessons(self):
        """The live lessons, without their bodies (a list shows none)."""
        return (
            LessonPage.objects.child_of(self)
            .live()
            .defer_streamfields()
            .order_by("path")
        )

    def publish_refusal(self) -> str:
        """Why this module may not be published yet, or "": it needs a live
        lesson."""
        if LessonPage.objects.child_of(self).live().exists():
            return ""
        return gettext(
            "Un module sans leçon publiée ne peut pas être publié : "
            "publiez d'abord au moins une de ses leçons. Vos modifications "
            "sont enregistrées comme brouillon."
        )

    def rule_for(self, role):
        """(requirement, attendance required) of this module for ``role``."""
        rule = _role_rule_for(self, role)
        if rule is not None:
            return rule.requirement, rule.attendance_required
        return self.default_requirement, self.default_attendance_required

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import page_trail, untranslated_fields

        context = super().get_context(request, *args, **kwargs)
        context["lang_of"] = untranslated_fields(
            page=self, fields=("title", "objectives")
        )
        # Kept with the page tree by this process (``courses.cache``).
        context["lessons"] = structure_cached(
            f"module-lessons:{self.pk}", lambda: list(self.lessons()), shared=False
        )
        context["trail"] = page_trail(page=self, request=request, levels=2)
        return context


class ModuleRoleRule(RoleRule):
    module = ParentalKey(
        ModulePage, on_delete=models.CASCADE, related_name="role_rules"
    )
    requirement = models.CharField(
        _("exigence"),
        max_length=20,
        choices=ModuleRequirement.choices,
        default=ModuleRequirement.REQUIRED,
    )
    attendance_required = models.BooleanField(
        _("présence à une séance exigée"), default=False
    )

    panels = RoleRule.panels + [FieldPanel("attendance_required")]

    class Meta(RoleRule.Meta):
        verbose_name = _("règle du module par rôle")
        constraints = [
            models.UniqueConstraint(
                fields=["module", "role"], name="unique_module_rule_per_role"
            )
        ]


class LessonPage(Page):
    """A lesson. Its body is for signed-in learners; visitors see its summary."""

    summary = models.TextField(_("résumé"), max_length=400, blank=True)
    estimated_minutes = models.PositiveIntegerField(
        _("durée estimée (minutes)"), default=15
    )
    body = StreamField(LESSON_BODY_BLOCKS, verbose_name=_("contenu"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []
    template = "courses/lesson_page.html"

    class Meta:
        verbose_name = _("leçon")

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import lesson_outline, original, untranslated_fields

        context = super().get_context(request, *args, **kwargs)
        context["outline"] = lesson_outline(lesson=self, request=request)
        # Exercises are played, saved and counted on the original lesson, so
        # a result is the same in every language (the translation keeps the
        # blocks' ids).
        context["progress_lesson"] = source = original(self)
        context["lang_of"] = untranslated_fields(
            page=self, fields=("title", "summary", "body"), source=source
        )
        context["can_view_body"] = request.user.is_authenticated
        context["has_h5p"] = any(block.block_type == "h5p" for block in self.body)
        return context
