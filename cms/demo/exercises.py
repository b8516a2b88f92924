"""The demo's H5P exercises: questions written for Virage, packaged with the
H5P libraries in ``cms/demo/h5p/libraries.zip`` and imported through the same
service a trainer's upload goes through (validated, sanitised, stored).

The loader runs as the platform's operator (``user=None``), who may install
libraries. Idempotent: a lesson that already holds an H5P block is left as it
is, and a content already imported under the same title is reused.
"""

import io
import json
import zipfile
from pathlib import Path

from wagtail.models import Locale

from courses.grading import CompletionRule, GradingMethod
from courses.models import H5PContent, LessonPage
from courses.services import h5p_content_import

LIBRARIES = Path(__file__).parent / "h5p" / "libraries.zip"

_COMMON = [
    ("FontAwesome", 4, 5),
    ("H5P.FontIcons", 1, 0),
    ("H5P.JoubelUI", 1, 3),
    ("H5P.Transition", 1, 0),
    ("Drop", 1, 0),
    ("Tether", 1, 0),
    ("H5P.Question", 1, 4),
]
DEPENDENCIES = {
    "H5P.MultiChoice": [("H5P.MultiChoice", 1, 14), ("H5P.Image", 1, 1)]
    + [("EmbeddedJS", 1, 0)]
    + _COMMON,
    "H5P.TrueFalse": [("H5P.TrueFalse", 1, 6)] + _COMMON,
}

_MULTI_CHOICE_UI = {
    "showSolutionButton": "Voir la solution",
    "tryAgainButton": "Réessayer",
    "checkAnswerButton": "Vérifier",
    "tipsLabel": "Voir l'indice",
    "scoreBarLabel": "Vous avez obtenu :num point(s) sur :total",
    "tipAvailable": "Indice disponible",
    "feedbackAvailable": "Rétroaction disponible",
    "readFeedback": "Lire la rétroaction",
    "wrongAnswer": "Mauvaise réponse",
    "correctAnswer": "Bonne réponse",
    "shouldCheck": "Aurait dû être cochée",
    "shouldNotCheck": "N'aurait pas dû être cochée",
    "noInput": "Répondez avant de voir la solution",
}
_TRUE_FALSE_L10N = {
    "trueText": "Vrai",
    "falseText": "Faux",
    "score": "Vous avez obtenu @score point(s) sur @total",
    "checkAnswer": "Vérifier",
    "showSolutionButton": "Voir la solution",
    "tryAgain": "Réessayer",
    "wrongAnswerMessage": "Mauvaise réponse",
    "correctAnswerMessage": "Bonne réponse",
    "scoreBarLabel": "Vous avez obtenu :num point(s) sur :total",
}


def _multi_choice(question, answers):
    return {
        "question": f"<p>{question}</p>",
        "answers": [
            {
                "correct": correct,
                "text": f"<div>{text}</div>",
                "tipsAndFeedback": {
                    "tip": "",
                    "chosenFeedback": f"<div>{feedback}</div>" if feedback else "",
                    "notChosenFeedback": "",
                },
            }
            for text, correct, feedback in answers
        ],
        "UI": _MULTI_CHOICE_UI,
        "behaviour": {
            "enableRetry": True,
            "enableSolutionsButton": True,
            "singlePoint": False,
            "randomAnswers": True,
            "showSolutionsRequiresInput": True,
            "type": "auto",
            "confirmCheckDialog": False,
            "confirmRetryDialog": False,
            "autoCheck": False,
            "passPercentage": 100,
            "showScorePoints": True,
            "enableCheckButton": True,
        },
    }


def _true_false(question, correct):
    return {
        "question": f"<p>{question}</p>",
        "correct": "true" if correct else "false",
        "media": {"disableImageZooming": False},
        "behaviour": {
            "enableRetry": True,
            "enableSolutionsButton": True,
            "enableCheckButton": True,
            "confirmCheckDialog": False,
            "confirmRetryDialog": False,
            "autoCheck": False,
        },
        "l10n": _TRUE_FALSE_L10N,
    }


# lesson slug, title, main library, content, completion rule, pass mark (%)
EXERCISES = [
    (
        "hameconnage-et-fraude",
        "Courriel urgent du maire : que faire?",
        "H5P.MultiChoice",
        _multi_choice(
            "Un courriel qui semble venir du maire demande à la trésorière un "
            "virement urgent et confidentiel à un nouveau fournisseur. Quels "
            "réflexes sont les bons?",
            [
                (
                    "Confirmer la demande par un autre canal, par exemple en "
                    "appelant le maire au numéro déjà connu.",
                    True,
                    "Oui : on confirme toujours par un canal indépendant.",
                ),
                (
                    "Signaler le message à la personne responsable de l'informatique.",
                    True,
                    "Oui : un signalement rapide protège aussi les collègues.",
                ),
                (
                    "Répondre au courriel pour demander si c'est bien lui.",
                    False,
                    "Non : c'est le fraudeur qui recevrait la réponse.",
                ),
                (
                    "Faire le virement, puisque le maire le demande.",
                    False,
                    "Non : l'urgence et la confidentialité sont des signaux d'alerte.",
                ),
            ],
        ),
        CompletionRule.PASSED,
        60,
    ),
    (
        "mots-de-passe-et-gestionnaire",
        "Phrase de passe ou mot de passe complexe?",
        "H5P.TrueFalse",
        _true_false(
            "Une phrase de passe longue, faite de quatre mots pris au hasard, "
            "résiste mieux qu'un mot de passe court rempli de symboles.",
            True,
        ),
        CompletionRule.COMPLETED,
        70,
    ),
    (
        "quest-ce-qu-une-donnee-ouverte",
        "Reconnaître une donnée ouverte",
        "H5P.MultiChoice",
        _multi_choice(
            "Parmi ces jeux de données municipaux, lesquels peuvent être "
            "publiés en données ouvertes?",
            [
                ("L'horaire de collecte des matières résiduelles.", True, ""),
                ("L'emplacement des bornes de recharge publiques.", True, ""),
                (
                    "La liste des citoyens qui ont reçu une aide financière.",
                    False,
                    "Non : ce sont des renseignements personnels.",
                ),
            ],
        ),
        CompletionRule.COMPLETED,
        70,
    ),
    (
        "empathie-et-definition",
        "Le design thinking commence par les solutions?",
        "H5P.TrueFalse",
        _true_false(
            "En design thinking, on commence par choisir une solution, puis on "
            "la présente aux citoyens.",
            False,
        ),
        CompletionRule.COMPLETED,
        70,
    ),
]


def _package(title: str, library: str, content: dict) -> bytes:
    """A ``.h5p`` file: ``h5p.json``, ``content/content.json`` and the
    libraries, as an authoring tool exports it."""
    h5p_json = {
        "title": title,
        "language": "fr",
        "mainLibrary": library,
        "embedTypes": ["div"],
        "license": "CC BY",
        "licenseVersion": "4.0",
        "authors": [{"name": "Virage (contenu de démonstration)", "role": "Author"}],
        "preloadedDependencies": [
            {
                "machineName": name,
                "majorVersion": str(major),
                "minorVersion": str(minor),
            }
            for name, major, minor in DEPENDENCIES[library]
        ],
    }
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(LIBRARIES) as libraries,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package,
    ):
        package.writestr("h5p.json", json.dumps(h5p_json))
        package.writestr("content/content.json", json.dumps(content))
        for info in libraries.infolist():
            if not info.is_dir():
                package.writestr(info.filename, libraries.read(info))
    return buffer.getvalue()


def _content(title, library, content) -> H5PContent:
    existing = H5PContent.objects.filter(title=title).first()
    if existing is not None:
        return existing
    return h5p_content_import(
        source=io.BytesIO(_package(title, library, content)),
        title=title,
        filename="virage-demo.h5p",
        user=None,
    )


def demo_exercises_load() -> int:
    """Add one H5P exercise to each lesson named in ``EXERCISES``; return how
    many lessons got one."""
    added = 0
    for slug, title, library, content, rule, threshold in EXERCISES:
        lesson = LessonPage.objects.filter(
            slug=slug, locale=Locale.get_default()
        ).first()
        if lesson is None or any(b.block_type == "h5p" for b in lesson.body):
            continue
        exercise = _content(title, library, content)
        lesson.body.append(
            (
                "h5p",
                {
                    "content": exercise,
                    "grading_method": GradingMethod.HIGHEST,
                    "completion_rule": rule,
                    "pass_threshold": threshold,
                },
            )
        )
        lesson.save_revision().publish()
        added += 1
    return added
