from django.db import migrations

THEMES = [
    ("cybersecurite", "Cybersécurité", "Cybersecurity"),
    ("securite-information", "Sécurité de l'information", "Information security"),
    ("technologies-numeriques", "Technologies numériques", "Digital technologies"),
    (
        "ville-intelligente-donnees-ouvertes",
        "Ville intelligente et données ouvertes",
        "Smart city and open data",
    ),
    ("collaboration-cocreation", "Collaboration et cocréation", "Collaboration and co-creation"),
]


def seed(apps, schema_editor):
    Theme = apps.get_model("courses", "Theme")
    for slug, name, name_en in THEMES:
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "name_en": name_en})


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
