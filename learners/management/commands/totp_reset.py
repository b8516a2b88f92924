from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from learners.services.accounts import totp_devices_remove


class Command(BaseCommand):
    help = (
        "Retire l'application d'authentification d'un compte du personnel "
        "(téléphone perdu) : il en configurera une nouvelle à sa prochaine visite."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help=_("Adresse courriel du compte"))

    def handle(self, *args, email, **options):
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(
                _("Aucun compte avec l'adresse %(email)s.") % {"email": email}
            )
        removed = totp_devices_remove(user=user)
        message = ngettext(
            "%(count)s application retirée pour %(email)s.",
            "%(count)s applications retirées pour %(email)s.",
            removed,
        )
        self.stdout.write(message % {"count": removed, "email": user.email})
