from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core.errors import ApplicationError
from privacy.services.erasure import (
    ErasureRequester,
    account_for_erasure,
    learner_erase,
)


class Command(BaseCommand):
    help = "Efface le compte et les renseignements personnels d'une personne (Loi 25)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--yes", action="store_true", help="sans confirmation")
        parser.add_argument(
            "--force", action="store_true", help="même un compte du personnel"
        )

    def handle(self, *args, email, yes, force, **options):
        try:
            user = account_for_erasure(email=email, force=force)
        except ApplicationError as error:
            raise CommandError(error.message) from None
        if not yes:
            answer = input(_("Effacer définitivement ce compte ? Tapez « oui » : "))
            if answer.strip().lower() not in ("oui", "yes"):
                raise CommandError(_("Effacement annulé : rien n'a changé."))
        erasure = learner_erase(user=user, requested_by=ErasureRequester.COMMAND)
        self.stdout.write(
            _("Compte effacé ; identifiant opaque : %(id)s") % {"id": erasure.opaque_id}
        )
