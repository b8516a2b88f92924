from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from courses.models import LearningPathPage


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
