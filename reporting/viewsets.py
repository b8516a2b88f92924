"""Training contacts in the Wagtail admin: administrators and coordinators
name, for a municipality, the learner who follows its participation."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from reporting.models import TrainingContact


class TrainingContactForm(forms.ModelForm):
    """The person is found by e-mail (a list of every learner would be too
    long); the municipality is theirs."""

    email = forms.EmailField(
        label=_("Courriel de la personne"),
        help_text=_(
            "Une personne inscrite sur Virage et rattachée à une municipalité ; "
            "elle verra la page de participation de sa municipalité, avec les noms."
        ),
    )

    class Meta:
        model = TrainingContact
        fields = []

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["email"].initial = self.instance.user.email

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError(_("Aucune personne n'a ce courriel."))
        if not user.municipality_id:
            raise forms.ValidationError(
                _("Cette personne n'est rattachée à aucune municipalité.")
            )
        taken = TrainingContact.objects.filter(user=user).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _("Cette personne est déjà répondante pour sa municipalité.")
            )
        self.instance.user = user
        self.instance.municipality_id = user.municipality_id
        return email


class TrainingContactViewSet(ModelViewSet):
    model = TrainingContact
    icon = "user"
    menu_label = _("Répondant·e·s à la formation")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["user", "municipality", "created_at"]
    search_fields = ["user__email", "user__last_name", "municipality__name"]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return TrainingContactForm
