from django import forms
from django.utils.translation import gettext_lazy as _


class CloseAccountForm(forms.Form):
    """Closing one's own account: the password again, and a clear yes."""

    password = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Saisissez votre mot de passe.")},
    )
    confirm = forms.BooleanField(
        label=_(
            "Je comprends que mon compte et mes renseignements personnels seront "
            "effacés définitivement, et mes attestations retirées."
        ),
        error_messages={"required": _("Cochez la case pour confirmer.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Mot de passe incorrect."))
        return password


class EraseAccountForm(forms.Form):
    """The privacy officer erases an account from the admin."""

    email = forms.EmailField(
        label=_("Adresse courriel du compte"),
        error_messages={"invalid": _("Saisissez une adresse courriel valide.")},
    )
    force = forms.BooleanField(
        label=_("Effacer même un compte du personnel ou d'administration"),
        required=False,
    )
    confirm = forms.BooleanField(
        label=_("Je confirme l'effacement définitif de ce compte."),
        error_messages={"required": _("Cochez la case pour confirmer.")},
    )
