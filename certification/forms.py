from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from certification.codes import normalise_code
from courses.models import LearningPathPage


class VerifyForm(forms.Form):
    """The public verification form: a code that has a code's form, which the
    lookup then answers (found or not)."""

    code = forms.CharField(
        label=_("Code de vérification"),
        error_messages={"required": _("Entrez un code de vérification.")},
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if code is None:
            raise ValidationError(
                _(
                    "Ce n'est pas un code de vérification : un code compte 16 "
                    "lettres et chiffres, par exemple 7K3M-9QXA-2B4C-6D8E."
                ),
                code="format",
            )
        return code


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif de la révocation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Affiché publiquement sur la page de vérification."),
        max_length=1000,
    )


class ReissueForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif (facultatif)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Le contenu est relu (nom, parcours, signataires), le PDF produit de "
            "nouveau et toute révocation levée. Le code ne change pas."
        ),
        max_length=1000,
    )


class BatchForm(forms.Form):
    path = forms.ModelChoiceField(
        label=_("Parcours"),
        queryset=LearningPathPage.objects.none(),
    )
    reissue = forms.BooleanField(
        label=_("Réémettre aussi les attestations déjà émises"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The source-language pages: completions are recorded against them.
        self.fields["path"].queryset = LearningPathPage.objects.filter(
            locale=Locale.get_default()
        ).order_by("title")
