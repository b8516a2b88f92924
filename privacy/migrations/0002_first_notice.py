from django.db import migrations
from django.utils import timezone

BODY_FR = """<h2>Ce que nous recueillons et pourquoi</h2>
<p>Virage recueille votre nom, votre adresse courriel, votre municipalité et votre rôle,
vos inscriptions, les leçons terminées, vos réponses aux exercices (déclarations xAPI,
tentatives et états H5P), vos inscriptions et présences aux séances et vos attestations.</p>
<ul>
<li><strong>Suivi de votre formation (obligatoire)</strong> : calculer votre progression,
délivrer vos attestations et produire des statistiques qui ne vous nomment pas.</li>
<li><strong>Partage avec votre municipalité (facultatif)</strong> : la personne répondante à
la formation de votre municipalité voit votre progression avec votre nom.</li>
<li><strong>Rappels par courriel (facultatif)</strong> : rappels de séances et de parcours.</li>
</ul>
<h2>Vos droits</h2>
<p>Dans votre profil, vous pouvez changer vos choix facultatifs, télécharger vos données
(« Mes données ») et fermer votre compte. Les renseignements sont conservés au Québec,
pas plus longtemps que nécessaire (voir les durées de conservation).</p>"""

BODY_EN = """<h2>What we collect and why</h2>
<p>Virage collects your name, e-mail address, municipality and role, your enrolments,
completed lessons, your answers to exercises (xAPI statements, H5P attempts and state),
your session registrations and attendance, and your certificates.</p>
<ul>
<li><strong>Training follow-up (required)</strong>: computing your progress, issuing your
certificates and producing statistics that do not name you.</li>
<li><strong>Sharing with your municipality (optional)</strong>: your municipality's
training contact sees your progress with your name.</li>
<li><strong>E-mail reminders (optional)</strong>: session and path reminders.</li>
</ul>
<h2>Your rights</h2>
<p>In your profile you can change your optional choices, download your data
("Mes données") and close your account. Information is kept in Québec, no longer than
needed (see the retention periods).</p>"""


def first_notice(apps, schema_editor):
    PrivacyNotice = apps.get_model("privacy", "PrivacyNotice")
    if not PrivacyNotice.objects.exists():
        PrivacyNotice.objects.create(
            version=1, published_at=timezone.now(), body_fr=BODY_FR, body_en=BODY_EN
        )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_initial")]

    operations = [migrations.RunPython(first_notice, migrations.RunPython.noop)]
