from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from courses import h5p
from courses.services import H5PLibraryUpdatePending, h5p_content_import


class Command(BaseCommand):
    help = (
        "Importe un paquet .h5p et affiche l'identifiant du contenu créé. "
        "Avec --as, l'import se fait avec les droits de ce compte ; sans --as, "
        "avec ceux de l'opérateur de la plateforme, qui peut installer des "
        "bibliothèques (les mises à jour sont détaillées sur la sortie d'erreur)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--title", default="")
        parser.add_argument("--as", dest="email", metavar="EMAIL", default=None)

    def handle(self, *args, path, title, email, **options):
        if not path.is_file():
            raise CommandError(f"Fichier introuvable : {path}")
        user = self._user(email) if email else None
        try:
            content = self._import(
                source=path, title=title, filename=path.name, user=user
            )
        except h5p.H5PPackageError as error:
            raise CommandError(error.message) from error
        self.stdout.write(str(content.pk))

    def _import(self, **kwargs):
        """Running the command is the confirmation of an update, which is
        still reported."""
        try:
            return h5p_content_import(**kwargs)
        except H5PLibraryUpdatePending as pending:
            self._report(pending)
            return h5p_content_import(**kwargs, confirmed_updates=pending.fingerprint)

    def _user(self, email):
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"Aucun compte n'a l'adresse « {email} ».")
        return user

    def _report(self, pending):
        for change in pending.changes:
            self.stderr.write(
                f"Mise à jour de {change.machine_name} {change.version_before} → "
                f"{change.version_after} : {len(change.files.added)} ajouté(s), "
                f"{len(change.files.removed)} supprimé(s), "
                f"{len(change.files.modified)} modifié(s)."
            )
