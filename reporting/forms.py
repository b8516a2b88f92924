"""Report filters, read from the query string. Anything invalid is a form
error shown on the page (status 400), never an exception."""

from datetime import date, datetime, time, timedelta

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import LearningPathPage, Theme
from courses.roles import LearnerRole
from reporting.selectors import Scope
from territory.models import Mrc, PopulationClass, Region

EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)


def _date_field(label):
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Indiquez une date au format AAAA-MM-JJ.")},
    )


def _choice_error():
    return {"invalid_choice": _("Cette valeur ne fait pas partie des choix.")}


class IdChoiceField(forms.ModelChoiceField):
    """A choice by primary key; a number too large for the database is just
    another invalid choice (SQLite would raise OverflowError)."""

    def to_python(self, value):
        if value not in self.empty_values and not (
            str(value).isdigit() and int(value) < 2**63
        ):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class PeriodForm(forms.Form):
    """The period and the learner filters: what a municipality page offers."""

    du = _date_field(_("Du"))
    au = _date_field(_("Au"))
    role = forms.ChoiceField(
        label=_("Rôle"),
        required=False,
        choices=[("", _("Tous les rôles")), *LearnerRole.choices],
        error_messages=_choice_error(),
    )
    parcours = IdChoiceField(
        label=_("Parcours"),
        required=False,
        # Progress is counted on the original (French) paths, not on their translations.
        queryset=LearningPathPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).order_by("title"),
        empty_label=_("Tous les parcours"),
        error_messages=_choice_error(),
    )
    theme = forms.ModelChoiceField(
        label=_("Thème"),
        required=False,
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("Tous les thèmes"),
        error_messages=_choice_error(),
    )

    def _clean_bounded(self, name):
        value = self.cleaned_data.get(name)
        if value and not EARLIEST <= value <= LATEST:
            raise forms.ValidationError(
                _("Choisissez une date entre %(first)s et %(last)s.")
                % {"first": EARLIEST.isoformat(), "last": LATEST.isoformat()}
            )
        return value

    def clean_du(self):
        return self._clean_bounded("du")

    def clean_au(self):
        return self._clean_bounded("au")

    def clean(self):
        data = super().clean()
        if data.get("du") and data.get("au") and data["du"] > data["au"]:
            self.add_error("au", _("La fin de la période précède son début."))
        return data

    def scope_fields(self) -> dict:
        data = self.cleaned_data
        last = data.get("au")
        return {
            "start": _day_start(data.get("du")),
            "end": _day_start(last + timedelta(days=1)) if last else None,
            "role": data.get("role") or None,
            "path_id": data["parcours"].pk if data.get("parcours") else None,
            "theme_id": data["theme"].pk if data.get("theme") else None,
        }

    def scope(self, **fixed) -> Scope:
        return Scope(**self.scope_fields(), **fixed)


class ParticipationFilterForm(PeriodForm):
    """Every filter of the dashboard: the period, the place, the learners."""

    region = forms.ModelChoiceField(
        label=_("Région"),
        required=False,
        queryset=Region.objects.all(),
        to_field_name="code",
        empty_label=_("Toutes les régions"),
        error_messages=_choice_error(),
    )
    mrc = forms.ModelChoiceField(
        label=_("MRC"),
        required=False,
        queryset=Mrc.objects.order_by("name"),
        to_field_name="code",
        empty_label=_("Toutes les MRC"),
        error_messages=_choice_error(),
    )
    population = forms.TypedChoiceField(
        label=_("Taille"),
        required=False,
        choices=[("", _("Toutes les tailles")), *PopulationClass.choices],
        coerce=int,
        empty_value=None,
        error_messages=_choice_error(),
    )
    field_order = ["du", "au", "region", "mrc", "population", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].widget.attrs["data-narrows"] = "mrc"
        region = Region.objects.filter(code=str(self.data.get("region", ""))).first()
        if region:
            self._narrow_mrcs(region)

    def _narrow_mrcs(self, region):
        """Offer only the chosen region's MRCs; the field still accepts any
        MRC, so that another region's gets its own message in ``clean``."""
        field = self.fields["mrc"]
        field.widget.choices = [
            ("", field.empty_label),
            *Mrc.objects.filter(region=region)
            .order_by("name")
            .values_list("code", "name"),
        ]

    def clean(self):
        data = super().clean()
        region, mrc = data.get("region"), data.get("mrc")
        if region and mrc and mrc.region_id != region.pk:
            self.add_error("mrc", _("Cette MRC n'est pas dans la région choisie."))
        return data

    def scope_fields(self) -> dict:
        data = self.cleaned_data
        return {
            **super().scope_fields(),
            "region_id": data["region"].pk if data.get("region") else None,
            "mrc_id": data["mrc"].pk if data.get("mrc") else None,
            "population_class": data.get("population"),
        }


class AbsentFilterForm(ParticipationFilterForm):
    q = forms.CharField(label=_("Nom"), required=False, max_length=100)


def _day_start(day: date | None) -> datetime | None:
    if day is None:
        return None
    return timezone.make_aware(datetime.combine(day, time.min))
