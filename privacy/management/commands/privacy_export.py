from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from privacy.services.export import learner_data_zip


class Command(BaseCommand):
    help = "Écrit dans un ZIP tout ce que Virage conserve sur une personne."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--out", required=True, help="fichier .zip à écrire")

    def handle(self, *args, email, out, **options):
        user = get_user_model().objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(
                _("Aucun compte n'a l'adresse « %(email)s ».") % {"email": email}
            )
        with open(out, "wb") as handle:
            counts = learner_data_zip(user=user, out=handle)
        total = sum(counts.values())
        self.stdout.write(
            _("%(out)s : %(total)s enregistrements.") % {"out": out, "total": total}
        )
