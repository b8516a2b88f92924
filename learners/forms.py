import uuid

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from courses.roles import LearnerRole
from learners.models.consent import ConsentPurpose
from outbox.services import enqueue
from territory.models import Municipality
from territory.text import search_key


def municipality_from_text(text: str) -> list[Municipality]:
    """The municipalities a name typed in full designates: its exact name,
    accents, case and hyphens ignored, optionally followed by its designation
    and/or region in brackets, as the list shows them ("Saint-Elzéar
    (Chaudière-Appalaches)")."""
    name, _bracket, rest = text.partition("(")
    qualifiers = [search_key(part) for part in rest.rstrip(" )").split(",")]
    qualifiers = [part for part in qualifiers if part]
    candidates = Municipality.objects.select_related("region").filter(
        search_name=search_key(name)
    )
    found = []
    for municipality in candidates:
        region = municipality.region.name
        known = {search_key(municipality.designation), search_key(region)}
        if all(part in known for part in qualifiers):
            found.append(municipality)
    return found


class MunicipalitySelect(forms.Select):
    """The list, or the name typed in its search box (``<name>_search``) when
    nothing was picked; a typed name is given back to the box after an error
    (``data-typed``)."""

    def value_from_datadict(self, data, files, name):
        return data.get(name) or data.get(f"{name}_search", "").strip()

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if value and not str(value).isdigit():  # not a code: a typed name
            context["widget"]["attrs"]["data-typed"] = str(value)
        return context


class MunicipalityField(forms.ModelChoiceField):
    """A municipality by its official code, chosen in a search-as-you-type box
    (``learners/static/learners/municipality-search.js``), a plain list without JS."""

    def __init__(self, **kwargs):
        super().__init__(
            queryset=Municipality.objects.select_related("region").order_by(
                "search_name", "code"
            ),
            to_field_name="code",
            label=_("Municipalité"),
            empty_label=_("— Choisissez votre municipalité —"),
            error_messages={
                "required": _("Choisissez votre municipalité."),
                "invalid_choice": _(
                    "Municipalité inconnue : choisissez-la dans la liste."
                ),
            },
            widget=MunicipalitySelect(
                attrs={
                    "data-municipality-search": reverse_lazy(
                        "learners:municipality_search"
                    )
                }
            ),
            **kwargs,
        )

    def to_python(self, value):
        """A code picked from the list, else a name typed in full."""
        if value in self.empty_values or str(value).isdigit():
            return super().to_python(value)
        if "\x00" in str(value):  # no database stores it, none looks it up
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        found = municipality_from_text(str(value))
        if len(found) == 1:
            return found[0]
        if found:
            raise ValidationError(
                _(
                    "Plusieurs municipalités s'appellent « %(name)s » : choisissez "
                    "la vôtre dans la liste, par exemple « %(example)s »."
                ),
                code="ambiguous",
                params={"name": found[0].name, "example": found[0].label},
            )
        raise ValidationError(
            self.error_messages["invalid_choice"], code="invalid_choice"
        )

    def label_from_instance(self, obj):
        return obj.label


class RoleField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            choices=[("", _("— Choisissez votre rôle —")), *LearnerRole.choices],
            label=_("Rôle"),
            error_messages={
                "required": _("Indiquez votre rôle dans la municipalité."),
                "invalid_choice": _("Rôle inconnu : choisissez-le dans la liste."),
            },
            **kwargs,
        )


class ProfileForm(forms.Form):
    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    municipality = MunicipalityField()
    role = RoleField()


class ConsentChoicesForm(forms.Form):
    """The optional purposes of the privacy notice, each its own choice."""

    share_with_municipality = forms.BooleanField(
        label=ConsentPurpose.SHARE_MUNICIPALITY.label,
        required=False,
        help_text=_(
            "Sans cet accord, elle ne voit que des nombres où vous n'êtes pas "
            "nommé·e. Vous pouvez changer d'avis dans votre profil."
        ),
    )
    email_reminders = forms.BooleanField(
        label=ConsentPurpose.EMAIL_REMINDERS.label,
        required=False,
        help_text=_("Rappels de séances et de parcours à terminer."),
    )


class NoticeAcceptanceForm(ConsentChoicesForm):
    """The notice's required purpose first, then the choices."""

    accept_notice = forms.BooleanField(
        label=_(
            "J'ai lu la politique de confidentialité et j'accepte que mes "
            "renseignements servent au suivi de ma formation (obligatoire)."
        ),
        error_messages={
            "required": _(
                "Pour utiliser Virage, acceptez la politique de confidentialité "
                "(suivi de votre formation)."
            )
        },
    )

    field_order = ["accept_notice", "share_with_municipality", "email_reminders"]


class SignUpForm(ProfileForm, NoticeAcceptanceForm):
    email = forms.EmailField(
        label=_("Adresse courriel"),
        max_length=254,
        error_messages={"invalid": _("Saisissez une adresse courriel valide.")},
    )
    password1 = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Confirmation du mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = [
        "first_name",
        "last_name",
        "email",
        "municipality",
        "role",
        "password1",
        "password2",
        "accept_notice",
        "share_with_municipality",
        "email_reminders",
    ]

    def clean_email(self):
        """Normalised only: whether it has an account is never said here (the
        e-mail sent tells its owner)."""
        return get_user_model().objects.normalize_email(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error(
                "password2", _("Les deux mots de passe ne correspondent pas.")
            )
        elif password1:
            candidate = get_user_model()(
                email=cleaned.get("email") or "",
                first_name=cleaned.get("first_name") or "",
                last_name=cleaned.get("last_name") or "",
            )
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django skips accounts without a usable password; people invited by a
    CSV import have none until they choose one, and may have lost the e-mail."""

    def get_users(self, email):
        return get_user_model().objects.filter(email__iexact=email, is_active=True)

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        """Through the outbox, like every other e-mail: retried if the mail
        server is down, its body dropped once sent (it holds the link)."""
        html = (
            render_to_string(html_email_template_name, context)
            if html_email_template_name
            else ""
        )
        enqueue(
            key=f"password-reset:{uuid.uuid4().hex}",
            to=[to_email],
            subject=render_to_string(subject_template_name, context),
            text=render_to_string(email_template_name, context),
            html=html,
            from_email=from_email or "",
        )


class TotpCodeForm(forms.Form):
    """The six digits an authenticator app shows (spaces allowed)."""

    code = forms.RegexField(
        label=_("Code à 6 chiffres"),
        regex=r"^(?:[0-9] ?){6}$",
        max_length=20,
        error_messages={
            "required": _("Saisissez le code à 6 chiffres de votre application."),
            "invalid": _("Le code compte 6 chiffres."),
        },
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
            }
        ),
    )
