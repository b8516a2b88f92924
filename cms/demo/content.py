"""Catalogue de démonstration de Virage, chargé par la commande ``load_demo_data``.

Contenu pur (aucune importation) : trois parcours d’apprentissage destinés au
milieu municipal québécois, avec leurs modules et leurs leçons.
"""

PATHS = [
    # ------------------------------------------------------------------
    # Parcours 1 : Cybersécurité pour les élu·e·s
    # ------------------------------------------------------------------
    {
        "slug": "cybersecurite-elus",
        "title": "Cybersécurité : le rôle des élu·e·s municipaux",
        "summary": (
            "Un parcours pour comprendre les cybermenaces qui visent les municipalités, "
            "adopter les bons réflexes au quotidien et exercer pleinement son rôle de "
            "gouvernance, de la préparation aux incidents jusqu’aux obligations de la Loi 25."
        ),
        "theme": "Cybersécurité",
        "estimated_hours": 6,
        "format": "hybrid",
        "roles": {
            "mayor": "required",
            "councillor": "required",
            "director_general": "recommended",
            "manager": "optional",
            "employee": "optional",
        },
        "modules": [
            {
                "slug": "comprendre-les-menaces",
                "title": "Comprendre les menaces qui visent les municipalités",
                "objectives": [
                    "Expliquer pourquoi les municipalités, petites comme grandes, sont des cibles attrayantes.",
                    "Reconnaître les signes d’un courriel d’hameçonnage ou d’une tentative de fraude.",
                    "Décrire les étapes typiques d’une attaque par rançongiciel et ses conséquences sur les services.",
                ],
                "estimated_minutes": 120,
                "lessons": [
                    {
                        "slug": "pourquoi-les-municipalites",
                        "title": "Pourquoi les municipalités sont-elles ciblées?",
                        "summary": "Les municipalités détiennent des données sensibles et offrent des services essentiels, ce qui en fait des cibles de choix.",
                        "estimated_minutes": 40,
                        "body": [
                            (
                                "heading",
                                "Une cible attrayante, quelle que soit la taille",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>On croit souvent que les cybercriminels s’intéressent d’abord aux grandes "
                                    "entreprises. En réalité, les municipalités réunissent plusieurs caractéristiques "
                                    "qui les rendent attrayantes : elles gèrent des <strong>services essentiels</strong> "
                                    "(eau potable, sécurité incendie, déneigement, loisirs), elles détiennent des "
                                    "<strong>renseignements personnels</strong> sur l’ensemble de leur population "
                                    "(rôle d’évaluation, taxation, permis, inscriptions aux activités) et elles "
                                    "effectuent chaque semaine des paiements importants à des fournisseurs.</p>"
                                    "<p>Plusieurs municipalités québécoises ont d’ailleurs été touchées au cours des "
                                    "dernières années par des rançongiciels ou des fraudes par courriel, avec à la clé "
                                    "des services interrompus pendant des jours, voire des semaines.</p>"
                                ),
                            ),
                            ("heading", "Des ressources souvent limitées"),
                            (
                                "paragraph",
                                (
                                    "<p>Dans bien des municipalités, l’informatique repose sur une seule personne, "
                                    "sur un fournisseur externe ou sur un employé qui cumule d’autres fonctions. "
                                    "Les systèmes vieillissants, les mises à jour reportées et l’absence de "
                                    "politique claire sont autant de portes d’entrée. Les attaquants automatisent "
                                    "leurs recherches : ils ne choisissent pas toujours leur victime, ils exploitent "
                                    "simplement la première faille trouvée.</p>"
                                ),
                            ),
                            ("heading", "Ce que cela change pour le conseil"),
                            (
                                "paragraph",
                                (
                                    "<p>La cybersécurité n’est pas qu’un enjeu technique : c’est un "
                                    "<strong>risque organisationnel</strong> qui touche la continuité des services, "
                                    "les finances publiques et la confiance des citoyennes et des citoyens. Comme pour "
                                    "les infrastructures ou les finances, le conseil doit s’assurer que ce risque est "
                                    "connu, évalué et pris en charge par l’administration.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "info",
                                    "title": "À retenir",
                                    "text": (
                                        "<p>Le rôle de l’élu·e n’est pas de configurer un pare-feu, mais de "
                                        "<strong>poser les bonnes questions</strong>, d’accorder les ressources "
                                        "nécessaires et de donner l’exemple dans ses propres pratiques.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "hameconnage-et-fraude",
                        "title": "Hameçonnage et fraude au président",
                        "summary": "Reconnaître les courriels frauduleux qui ciblent l’hôtel de ville et savoir comment réagir.",
                        "estimated_minutes": 40,
                        "body": [
                            ("heading", "L’hameçonnage, porte d’entrée numéro un"),
                            (
                                "paragraph",
                                (
                                    "<p>L’<strong>hameçonnage</strong> consiste à envoyer un message qui imite une "
                                    "source de confiance (fournisseur, banque, ministère, collègue) afin d’obtenir un "
                                    "mot de passe, de faire ouvrir une pièce jointe piégée ou de provoquer un paiement. "
                                    "Lorsque le message est personnalisé pour une personne précise, par exemple la "
                                    "mairesse ou le directeur général, on parle d’<strong>harponnage</strong>.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "Des scénarios fréquents dans le monde municipal",
                            ),
                            (
                                "paragraph",
                                (
                                    "<ul>"
                                    "<li><strong>Fraude au président</strong> : un courriel, en apparence envoyé par le "
                                    "maire ou la direction générale, demande un virement urgent et confidentiel.</li>"
                                    "<li><strong>Changement de coordonnées bancaires</strong> : un « fournisseur » "
                                    "annonce de nouvelles coordonnées de paiement juste avant le versement d’une facture "
                                    "de travaux.</li>"
                                    "<li><strong>Faux avis de partage de document</strong> : un lien vers un prétendu "
                                    "dossier du conseil mène à une page qui vole les identifiants.</li>"
                                    "<li><strong>Faux soutien technique</strong> : un appel ou un courriel demande "
                                    "d’installer un logiciel ou de communiquer un code reçu par texto.</li>"
                                    "</ul>"
                                ),
                            ),
                            ("heading", "Les signaux d’alerte"),
                            (
                                "paragraph",
                                (
                                    "<p>Méfiez-vous d’un message qui crée un <strong>sentiment d’urgence</strong>, "
                                    "demande de contourner la procédure habituelle, provient d’une adresse légèrement "
                                    "différente de l’adresse connue ou contient un lien dont la destination ne "
                                    "correspond pas au texte affiché. Une demande de paiement ou de changement de "
                                    "coordonnées bancaires doit toujours être <strong>confirmée par un autre canal</strong>, "
                                    "par exemple un appel au numéro déjà connu du fournisseur.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Le bon réflexe",
                                    "text": (
                                        "<p>Vous avez un doute? Ne cliquez pas, ne répondez pas : transférez le message "
                                        "à la personne responsable de l’informatique. Si vous avez déjà cliqué, "
                                        "signalez-le immédiatement. Un signalement rapide vaut beaucoup mieux qu’un "
                                        "silence gêné.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "rancongiciels",
                        "title": "Rançongiciels : anatomie d’une attaque",
                        "summary": "Comprendre le déroulement d’une attaque par rançongiciel et le rôle essentiel des sauvegardes 3-2-1.",
                        "estimated_minutes": 40,
                        "body": [
                            ("heading", "Comment se déroule une attaque"),
                            (
                                "paragraph",
                                (
                                    "<p>Un <strong>rançongiciel</strong> est un logiciel malveillant qui chiffre les "
                                    "fichiers et les systèmes d’une organisation, puis exige une rançon pour les "
                                    "déverrouiller. L’attaque suit généralement quelques étapes :</p>"
                                    "<ol>"
                                    "<li>l’intrusion, souvent par hameçonnage, par un mot de passe volé ou par une "
                                    "faille non corrigée d’un accès à distance;</li>"
                                    "<li>l’exploration discrète du réseau, parfois pendant plusieurs semaines;</li>"
                                    "<li>le vol de données, utilisé ensuite comme moyen de pression (double extorsion);</li>"
                                    "<li>le chiffrement des serveurs et, si possible, des sauvegardes;</li>"
                                    "<li>la demande de rançon.</li>"
                                    "</ol>"
                                ),
                            ),
                            ("heading", "Les conséquences pour une municipalité"),
                            (
                                "paragraph",
                                (
                                    "<p>Lors de tels incidents, des municipalités ont dû revenir au papier : perception "
                                    "des taxes retardée, émission de permis suspendue, téléphonie ou site Web hors "
                                    "service, inscriptions aux loisirs impossibles. À cela s’ajoutent les coûts de "
                                    "reconstruction, les heures supplémentaires, les obligations de notification liées "
                                    "aux renseignements personnels et l’atteinte à la réputation.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "La meilleure assurance : des sauvegardes 3-2-1",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>La règle <strong>3-2-1</strong> est simple à retenir : conserver "
                                    "<strong>3 copies</strong> des données, sur <strong>2 supports différents</strong>, "
                                    "dont <strong>1 hors site</strong>. On y ajoute aujourd’hui une copie "
                                    "<strong>hors ligne ou immuable</strong>, que le rançongiciel ne peut ni modifier "
                                    "ni effacer, et des <strong>tests de restauration</strong> réguliers : une "
                                    "sauvegarde jamais testée n’est qu’un espoir.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Payer la rançon?",
                                    "text": (
                                        "<p>Les autorités recommandent généralement de ne pas payer : rien ne garantit "
                                        "la remise des données, et le paiement finance d’autres attaques. La décision "
                                        "doit se préparer <em>avant</em> la crise, avec l’assureur, les conseillers "
                                        "juridiques et le corps policier, plutôt que dans l’urgence.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "bons-reflexes-au-quotidien",
                "title": "Adopter les bons réflexes au quotidien",
                "objectives": [
                    "Appliquer une méthode simple pour créer et gérer des mots de passe robustes.",
                    "Activer l’authentification multifacteur sur ses comptes municipaux et personnels.",
                    "Adopter des pratiques sécuritaires pour ses appareils et ses communications d’élu·e.",
                ],
                "estimated_minutes": 120,
                "lessons": [
                    {
                        "slug": "mots-de-passe-et-gestionnaire",
                        "title": "Mots de passe robustes et gestionnaire de mots de passe",
                        "summary": "Utiliser des phrases de passe uniques et confier leur mémorisation à un gestionnaire de mots de passe.",
                        "estimated_minutes": 40,
                        "body": [
                            ("heading", "Le vrai problème : la réutilisation"),
                            (
                                "paragraph",
                                (
                                    "<p>Chaque année, des millions d’identifiants volés lors de fuites de données sont "
                                    "publiés ou revendus. Si vous utilisez le même mot de passe pour une boutique en "
                                    "ligne et pour votre courriel municipal, une fuite chez le commerçant suffit pour "
                                    "ouvrir votre boîte de réception. La règle d’or : <strong>un mot de passe unique "
                                    "par compte</strong>.</p>"
                                ),
                            ),
                            ("heading", "Miser sur la longueur : la phrase de passe"),
                            (
                                "paragraph",
                                (
                                    "<p>Une <strong>phrase de passe</strong> composée de quatre ou cinq mots sans lien "
                                    "logique, par exemple <em>érable-fanfare-quai-lumière-43</em>, est à la fois plus "
                                    "facile à retenir et beaucoup plus difficile à deviner qu’un court mot de passe "
                                    "complexe. Évitez les informations publiques : nom de votre municipalité, de votre "
                                    "district, de vos enfants ou de votre équipe de hockey.</p>"
                                ),
                            ),
                            ("heading", "Le gestionnaire de mots de passe"),
                            (
                                "paragraph",
                                (
                                    "<p>Personne ne peut retenir des dizaines de mots de passe uniques. Un "
                                    "<strong>gestionnaire de mots de passe</strong> les génère, les conserve de façon "
                                    "chiffrée et les remplit automatiquement sur les bons sites, ce qui aide aussi à "
                                    "déjouer les faux sites d’hameçonnage. Vous n’avez plus qu’une seule phrase de "
                                    "passe à retenir, protégée par l’authentification multifacteur.</p>"
                                    "<ul>"
                                    "<li>Privilégiez la solution approuvée par votre municipalité, s’il y en a une.</li>"
                                    "<li>Ne conservez jamais vos mots de passe dans un fichier texte ou un courriel.</li>"
                                    "<li>Ne partagez pas un compte : chaque personne doit avoir ses propres accès.</li>"
                                    "</ul>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Exercice pratique",
                                    "text": (
                                        "<p>Dressez la liste de vos cinq comptes les plus importants (courriel "
                                        "municipal, courriel personnel, banque, plateforme du conseil, réseaux sociaux) "
                                        "et vérifiez qu’aucun ne partage le même mot de passe.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "authentification-multifacteur",
                        "title": "L’authentification multifacteur",
                        "summary": "Ajouter une deuxième preuve d’identité bloque la grande majorité des prises de contrôle de comptes.",
                        "estimated_minutes": 40,
                        "body": [
                            ("heading", "Le principe"),
                            (
                                "paragraph",
                                (
                                    "<p>L’<strong>authentification multifacteur</strong> (AMF) exige, en plus du mot de "
                                    "passe, une deuxième preuve d’identité : un code généré par une application, une "
                                    "notification à approuver sur le téléphone ou une clé de sécurité physique. Même si "
                                    "votre mot de passe est volé, l’attaquant ne peut pas se connecter sans ce deuxième "
                                    "facteur.</p>"
                                ),
                            ),
                            ("heading", "Quels comptes protéger en priorité?"),
                            (
                                "paragraph",
                                (
                                    "<ol>"
                                    "<li>Votre courriel municipal et votre courriel personnel : ils servent à "
                                    "réinitialiser tous les autres comptes.</li>"
                                    "<li>Les plateformes où circulent les documents du conseil.</li>"
                                    "<li>Vos comptes bancaires et vos réseaux sociaux, en particulier les pages "
                                    "publiques que vous utilisez pour communiquer avec la population.</li>"
                                    "</ol>"
                                ),
                            ),
                            ("heading", "Toutes les méthodes ne se valent pas"),
                            (
                                "paragraph",
                                (
                                    "<p>Le code reçu par texto vaut mieux que rien, mais il peut être intercepté ou "
                                    "détourné. Une <strong>application d’authentification</strong> ou une "
                                    "<strong>clé de sécurité</strong> offre une meilleure protection. Attention aussi "
                                    "à la « fatigue de notification » : si vous recevez une demande d’approbation que "
                                    "vous n’avez pas déclenchée, <strong>refusez-la</strong> et signalez-la, car "
                                    "quelqu’un connaît probablement votre mot de passe.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Ne communiquez jamais un code",
                                    "text": (
                                        "<p>Aucun service informatique, aucune banque et aucun fournisseur légitime ne "
                                        "vous demandera de lui lire un code d’authentification au téléphone. Une telle "
                                        "demande est un signe certain de fraude.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "appareils-et-communications",
                        "title": "Appareils, courriels et communications des élu·e·s",
                        "summary": "Protéger ses appareils et séparer les communications municipales des usages personnels.",
                        "estimated_minutes": 40,
                        "body": [
                            ("heading", "Des appareils à jour et verrouillés"),
                            (
                                "paragraph",
                                (
                                    "<p>Votre téléphone et votre tablette contiennent souvent des documents de travail, "
                                    "des courriels de citoyennes et de citoyens et des échanges avec la direction "
                                    "générale. Quelques gestes simples réduisent fortement les risques :</p>"
                                    "<ul>"
                                    "<li>installer les <strong>mises à jour</strong> dès qu’elles sont offertes;</li>"
                                    "<li>activer le <strong>verrouillage automatique</strong> avec un NIP ou la biométrie;</li>"
                                    "<li>activer la localisation et l’effacement à distance en cas de perte;</li>"
                                    "<li>télécharger les applications uniquement depuis les magasins officiels.</li>"
                                    "</ul>"
                                ),
                            ),
                            ("heading", "Utiliser les outils de la municipalité"),
                            (
                                "paragraph",
                                (
                                    "<p>Traiter les affaires municipales à partir d’un courriel personnel pose plusieurs "
                                    "problèmes : ces échanges demeurent des documents visés par les règles d’accès à "
                                    "l’information, ils échappent aux mesures de sécurité et d’archivage de la "
                                    "municipalité et ils peuvent exposer des renseignements personnels. Utilisez "
                                    "l’adresse et les outils fournis par la municipalité pour toute communication liée "
                                    "à votre charge.</p>"
                                ),
                            ),
                            ("heading", "En déplacement et sur les réseaux sociaux"),
                            (
                                "paragraph",
                                (
                                    "<p>Évitez de consulter des documents confidentiels sur un réseau Wi-Fi public sans "
                                    "protection, et ne laissez jamais un appareil déverrouillé sans surveillance. Sur "
                                    "les réseaux sociaux, limitez les informations qui facilitent l’harponnage : "
                                    "horaires de voyage, noms de proches, détails sur les processus internes.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "info",
                                    "title": "Fin de mandat",
                                    "text": (
                                        "<p>Au départ d’un·e élu·e, les accès doivent être retirés rapidement et les "
                                        "documents municipaux conservés sur des appareils personnels doivent être remis "
                                        "ou supprimés selon les directives de la municipalité.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "gouverner-le-risque",
                "title": "Gouverner le risque et répondre aux incidents",
                "objectives": [
                    "Décrire les composantes d’un plan de réponse aux incidents et le rôle du conseil en situation de crise.",
                    "Reconnaître les obligations de la Loi 25 applicables à une municipalité.",
                    "Formuler les questions à poser à la direction générale pour suivre le niveau de préparation.",
                ],
                "estimated_minutes": 120,
                "lessons": [
                    {
                        "slug": "plan-de-reponse-aux-incidents",
                        "title": "Le plan de réponse aux incidents",
                        "summary": "Se préparer avant la crise pour réagir vite, rétablir les services et bien communiquer.",
                        "estimated_minutes": 40,
                        "body": [
                            ("heading", "Pourquoi un plan écrit?"),
                            (
                                "paragraph",
                                (
                                    "<p>Au moment d’un incident, les systèmes habituels (courriel, annuaire, "
                                    "documents partagés) peuvent être inaccessibles. Un <strong>plan de réponse aux "
                                    "incidents</strong>, imprimé et connu des personnes clés, évite l’improvisation : "
                                    "qui décide, qui appeler, quoi débrancher, comment communiquer.</p>"
                                ),
                            ),
                            ("heading", "Les composantes essentielles"),
                            (
                                "paragraph",
                                (
                                    "<ul>"
                                    "<li>Une <strong>cellule de crise</strong> avec des rôles définis : direction "
                                    "générale, responsable des TI, communications, greffe, responsable de la protection "
                                    "des renseignements personnels.</li>"
                                    "<li>Une <strong>liste de contacts hors ligne</strong> : fournisseur informatique, "
                                    "assureur, conseillers juridiques, corps policier.</li>"
                                    "<li>Les étapes de <strong>confinement</strong>, d’analyse, de restauration et de "
                                    "retour à la normale, en commençant par les services essentiels.</li>"
                                    "<li>Un <strong>plan de communication</strong> pour le personnel, le conseil et la "
                                    "population.</li>"
                                    "<li>Des <strong>procédures manuelles</strong> de rechange pour les services "
                                    "critiques.</li>"
                                    "</ul>"
                                ),
                            ),
                            ("heading", "Le rôle du conseil pendant la crise"),
                            (
                                "paragraph",
                                (
                                    "<p>Pendant l’incident, les élu·e·s soutiennent l’administration sans se substituer "
                                    "à elle : ils reçoivent l’information de la direction générale, adoptent les "
                                    "résolutions nécessaires (dépenses d’urgence, par exemple) et relaient les messages "
                                    "officiels plutôt que des hypothèses. Après la crise, le conseil demande un bilan "
                                    "et un plan d’amélioration.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Exercice de table",
                                    "text": (
                                        "<p>Une fois par année, simulez un scénario (par exemple : « lundi matin, tous "
                                        "les postes affichent une demande de rançon ») et parcourez le plan autour d’une "
                                        "table. Les lacunes apparaissent vite, sans les coûts d’une vraie crise.</p>"
                                    ),
                                },
                            ),
                            (
                                "paragraph",
                                (
                                    '<p>Le <a href="https://www.cyber.gc.ca/">Centre canadien pour la cybersécurité</a> '
                                    "publie des guides gratuits pour aider les petites organisations à préparer leur "
                                    "plan et à signaler un incident.</p>"
                                ),
                            ),
                        ],
                    },
                    {
                        "slug": "loi-25-obligations",
                        "title": "Loi 25 : les obligations de la municipalité",
                        "summary": "Connaître les principales obligations en matière de protection des renseignements personnels et d’incidents de confidentialité.",
                        "estimated_minutes": 40,
                        "body": [
                            ("heading", "Une loi qui touche aussi les municipalités"),
                            (
                                "paragraph",
                                (
                                    "<p>La <em>Loi modernisant des dispositions législatives en matière de protection "
                                    "des renseignements personnels</em>, connue sous le nom de <strong>Loi 25</strong>, "
                                    "a modifié la loi sur l’accès à l’information applicable aux organismes publics, "
                                    "dont les municipalités. Ses obligations sont entrées en vigueur progressivement "
                                    "entre 2022 et 2024.</p>"
                                ),
                            ),
                            (
                                "heading",
                                "La personne responsable de la protection des renseignements personnels",
                            ),
                            (
                                "paragraph",
                                (
                                    "<p>Dans un organisme public, la personne ayant la plus haute autorité exerce d’office "
                                    "la fonction de <strong>responsable de la protection des renseignements "
                                    "personnels</strong>. Dans une municipalité, il s’agit du maire ou de la mairesse, "
                                    "qui peut déléguer cette fonction par écrit, souvent au greffier ou à la greffière. "
                                    "Le titre et les coordonnées de cette personne doivent être facilement accessibles "
                                    "à la population.</p>"
                                ),
                            ),
                            ("heading", "Les principales obligations"),
                            (
                                "paragraph",
                                (
                                    "<ul>"
                                    "<li>Adopter et publier des <strong>règles de gouvernance</strong> à l’égard des "
                                    "renseignements personnels.</li>"
                                    "<li>Réaliser une <strong>évaluation des facteurs relatifs à la vie privée</strong> "
                                    "(EFVP) avant tout projet d’acquisition ou de refonte d’un système qui traite des "
                                    "renseignements personnels.</li>"
                                    "<li>En cas d’<strong>incident de confidentialité</strong>, prendre rapidement des "
                                    "mesures pour réduire le risque et, s’il existe un risque de préjudice sérieux, "
                                    "aviser la Commission d’accès à l’information et les personnes concernées.</li>"
                                    "<li>Tenir un <strong>registre des incidents de confidentialité</strong>, y compris "
                                    "ceux qui ne présentent pas de risque de préjudice sérieux.</li>"
                                    "</ul>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "info",
                                    "title": "Pour aller plus loin",
                                    "text": (
                                        '<p>La <a href="https://www.cai.gouv.qc.ca/">Commission d’accès à '
                                        "l’information</a> publie des guides, des formulaires de déclaration d’incident "
                                        "et des outils pour réaliser une EFVP.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "questions-a-la-direction-generale",
                        "title": "Les questions que le conseil devrait poser à sa direction générale",
                        "summary": "Exercer son rôle de surveillance grâce à quelques questions simples et à un suivi régulier.",
                        "estimated_minutes": 40,
                        "body": [
                            ("heading", "Surveiller sans s’ingérer"),
                            (
                                "paragraph",
                                (
                                    "<p>Le conseil n’a pas à gérer la sécurité informatique au quotidien, mais il doit "
                                    "s’assurer qu’elle est prise en charge. Une bonne pratique consiste à inscrire la "
                                    "cybersécurité à l’ordre du jour d’une séance de travail au moins une fois par "
                                    "année et à demander un état de situation à la direction générale.</p>"
                                ),
                            ),
                            ("heading", "Dix questions pour amorcer la discussion"),
                            (
                                "paragraph",
                                (
                                    "<ol>"
                                    "<li>Qui est responsable de la sécurité informatique, et de quelles ressources "
                                    "dispose cette personne?</li>"
                                    "<li>L’authentification multifacteur est-elle activée pour tous les comptes, "
                                    "y compris ceux des élu·e·s?</li>"
                                    "<li>Nos sauvegardes respectent-elles la règle 3-2-1, et quand avons-nous testé une "
                                    "restauration pour la dernière fois?</li>"
                                    "<li>Les mises à jour de sécurité sont-elles appliquées dans un délai défini?</li>"
                                    "<li>Avons-nous un plan de réponse aux incidents, et a-t-il été testé?</li>"
                                    "<li>Le personnel reçoit-il une formation régulière sur l’hameçonnage?</li>"
                                    "<li>Quelle procédure encadre les changements de coordonnées bancaires des "
                                    "fournisseurs?</li>"
                                    "<li>Qui exerce la fonction de responsable de la protection des renseignements "
                                    "personnels, et le registre des incidents est-il tenu?</li>"
                                    "<li>Nos contrats avec les fournisseurs informatiques prévoient-ils des exigences "
                                    "de sécurité et d’avis en cas d’incident?</li>"
                                    "<li>Sommes-nous couverts par une assurance cyberrisques, et quelles en sont les "
                                    "conditions?</li>"
                                    "</ol>"
                                ),
                            ),
                            ("heading", "Transformer les réponses en plan d’action"),
                            (
                                "paragraph",
                                (
                                    "<p>Les réponses permettent d’établir des priorités réalistes et de prévoir les "
                                    "sommes nécessaires au budget. Demandez un suivi des actions convenues à intervalles "
                                    "réguliers : la cybersécurité est une démarche continue, pas un projet ponctuel.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Une question d’exemplarité",
                                    "text": (
                                        "<p>Lorsque les élu·e·s activent eux-mêmes l’authentification multifacteur et "
                                        "suivent la formation, le message envoyé à l’ensemble du personnel est clair : "
                                        "la sécurité est l’affaire de toutes et de tous.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Parcours 2 : Ville intelligente et données ouvertes
    # ------------------------------------------------------------------
    {
        "slug": "ville-intelligente-donnees-ouvertes",
        "title": "Ville intelligente et données ouvertes : passer à l’action",
        "summary": (
            "Ce parcours démystifie la ville intelligente et les données ouvertes, puis guide "
            "les équipes municipales de l’inventaire des données jusqu’à leur publication, en "
            "passant par la qualité, la vie privée et la gouvernance des capteurs."
        ),
        "theme": "Ville intelligente et données ouvertes",
        "estimated_hours": 5,
        "format": "online",
        "roles": {
            "director_general": "required",
            "manager": "recommended",
            "mayor": "recommended",
            "councillor": "recommended",
            "employee": "optional",
        },
        "modules": [
            {
                "slug": "comprendre-ville-intelligente-et-donnees",
                "title": "Comprendre la ville intelligente et les données ouvertes",
                "objectives": [
                    "Définir la ville intelligente en fonction des besoins de la population plutôt que de la technologie.",
                    "Reconnaître les caractéristiques d’une donnée ouverte.",
                    "Expliquer le rôle de Données Québec et les conditions de la licence CC BY 4.0.",
                ],
                "estimated_minutes": 90,
                "lessons": [
                    {
                        "slug": "ville-intelligente-au-service-des-citoyens",
                        "title": "La ville intelligente, d’abord au service des citoyens",
                        "summary": "Une ville intelligente utilise les données et le numérique pour mieux répondre aux besoins de sa population.",
                        "estimated_minutes": 30,
                        "body": [
                            ("heading", "Au-delà des gadgets"),
                            (
                                "paragraph",
                                (
                                    "<p>L’expression « ville intelligente » évoque souvent des capteurs, des tableaux de "
                                    "bord et des véhicules autonomes. Pourtant, une démarche réussie commence toujours "
                                    "par un <strong>problème concret</strong> vécu par les citoyennes et les citoyens : "
                                    "un temps d’attente trop long, une information difficile à trouver, une "
                                    "infrastructure mal entretenue faute de données fiables.</p>"
                                ),
                            ),
                            ("heading", "Quatre piliers"),
                            (
                                "paragraph",
                                (
                                    "<ul>"
                                    "<li><strong>Les besoins</strong> : partir des usages réels et mesurer les "
                                    "retombées pour la population.</li>"
                                    "<li><strong>Les données</strong> : les recueillir, les gérer et les partager "
                                    "de façon responsable.</li>"
                                    "<li><strong>La technologie</strong> : choisir des solutions ouvertes, "
                                    "interopérables et à la mesure de la municipalité.</li>"
                                    "<li><strong>La gouvernance</strong> : encadrer les décisions, la protection de "
                                    "la vie privée et la participation citoyenne.</li>"
                                    "</ul>"
                                ),
                            ),
                            ("heading", "Des exemples à échelle humaine"),
                            (
                                "paragraph",
                                (
                                    "<p>Une municipalité peut publier en ligne l’état de ses patinoires extérieures, "
                                    "aviser la population d’un avis d’ébullition par message texte, suivre la "
                                    "consommation d’eau de ses bâtiments ou planifier l’entretien de ses routes à partir "
                                    "d’un inventaire géoréférencé. Aucun de ces projets n’exige une grande équipe, mais "
                                    "tous reposent sur des données bien tenues.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "La bonne question à poser",
                                    "text": (
                                        "<p>Avant tout projet technologique, demandez : « Quel problème des citoyennes "
                                        "et des citoyens réglons-nous, et comment saurons-nous que c’est réussi? »</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "quest-ce-qu-une-donnee-ouverte",
                        "title": "Qu’est-ce qu’une donnée ouverte?",
                        "summary": "Une donnée ouverte est accessible gratuitement, dans un format exploitable, et réutilisable par toutes et tous.",
                        "estimated_minutes": 30,
                        "body": [
                            ("heading", "Une définition simple"),
                            (
                                "paragraph",
                                (
                                    "<p>Une <strong>donnée ouverte</strong> est une donnée publiée par un organisme de "
                                    "façon à ce que n’importe qui puisse la consulter, la réutiliser et la redistribuer, "
                                    "gratuitement et sans restriction autre que l’attribution de la source. Il s’agit "
                                    "surtout de données factuelles : liste des parcs, collectes des matières "
                                    "résiduelles, permis délivrés, budget, lieux culturels.</p>"
                                ),
                            ),
                            ("heading", "Les caractéristiques essentielles"),
                            (
                                "paragraph",
                                (
                                    "<ul>"
                                    "<li><strong>Accessible</strong> : disponible en ligne, sans inscription obligatoire.</li>"
                                    "<li><strong>Lisible par machine</strong> : dans un format comme CSV, JSON ou "
                                    "GeoJSON, plutôt qu’un PDF ou une image.</li>"
                                    "<li><strong>Ouverte</strong> : dans un format non propriétaire et sous une licence "
                                    "qui autorise la réutilisation.</li>"
                                    "<li><strong>Documentée et à jour</strong> : accompagnée d’une description et mise "
                                    "à jour à une fréquence connue.</li>"
                                    "</ul>"
                                ),
                            ),
                            ("heading", "Pourquoi ouvrir ses données?"),
                            (
                                "paragraph",
                                (
                                    "<p>Ouvrir ses données renforce la <strong>transparence</strong>, réduit les "
                                    "demandes d’accès répétitives, facilite le travail entre les services et avec les "
                                    "partenaires (MRC, organismes, chercheurs) et permet à des entreprises ou à des "
                                    "citoyennes et des citoyens de créer des applications utiles. Souvent, le premier "
                                    "utilisateur des données ouvertes est… la municipalité elle-même.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "info",
                                    "title": "Ouvert ne veut pas dire tout publier",
                                    "text": (
                                        "<p>Les renseignements personnels, les informations confidentielles et certaines "
                                        "données sensibles liées à la sécurité des infrastructures ne sont pas publiés. "
                                        "L’ouverture s’applique aux données qui peuvent l’être sans risque.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "donnees-quebec-et-licences",
                        "title": "Données Québec et la licence CC BY 4.0",
                        "summary": "Utiliser le portail Données Québec et une licence ouverte reconnue pour diffuser ses données.",
                        "estimated_minutes": 30,
                        "body": [
                            ("heading", "Un portail commun"),
                            (
                                "paragraph",
                                (
                                    '<p><a href="https://www.donneesquebec.ca/">Données Québec</a> est le portail '
                                    "québécois de données ouvertes. Il rassemble les jeux de données du gouvernement "
                                    "du Québec, de municipalités et d’autres organismes publics. Une municipalité peut y "
                                    "publier ses données sans avoir à développer et à entretenir son propre portail, ce "
                                    "qui est particulièrement intéressant pour les petites organisations.</p>"
                                ),
                            ),
                            ("heading", "Le rôle de la licence"),
                            (
                                "paragraph",
                                (
                                    "<p>Sans licence explicite, un utilisateur ne sait pas ce qu’il a le droit de faire "
                                    "avec une donnée. La licence <strong>Creative Commons Attribution 4.0</strong> "
                                    "(CC BY 4.0), largement utilisée sur Données Québec, permet de copier, de modifier "
                                    "et de réutiliser les données, y compris à des fins commerciales, à la seule "
                                    "condition de <strong>mentionner la source</strong>.</p>"
                                ),
                            ),
                            ("heading", "Choisir une licence reconnue"),
                            (
                                "paragraph",
                                (
                                    "<p>Rédiger sa propre licence est déconseillé : cela crée de l’incertitude juridique "
                                    "et complique le croisement des données entre organisations. Une licence standard, "
                                    "connue des réutilisateurs, favorise l’usage des données et simplifie le travail du "
                                    "greffe et du contentieux.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "S’inspirer des autres",
                                    "text": (
                                        "<p>Parcourez les jeux de données déjà publiés par des municipalités de taille "
                                        "comparable à la vôtre : vous y trouverez des modèles de description, des "
                                        "formats et des fréquences de mise à jour à reproduire.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "publier-des-donnees-de-qualite",
                "title": "Préparer et publier des données de qualité",
                "objectives": [
                    "Réaliser un inventaire des données détenues par les services municipaux.",
                    "Appliquer des critères de qualité et documenter un jeu de données à l’aide de métadonnées.",
                    "Évaluer les risques pour la vie privée avant de publier un jeu de données.",
                ],
                "estimated_minutes": 105,
                "lessons": [
                    {
                        "slug": "inventaire-des-donnees",
                        "title": "Dresser l’inventaire des données",
                        "summary": "Savoir quelles données la municipalité détient, où elles se trouvent et qui en est responsable.",
                        "estimated_minutes": 35,
                        "body": [
                            ("heading", "On ne peut gérer que ce que l’on connaît"),
                            (
                                "paragraph",
                                (
                                    "<p>Les données municipales sont dispersées : logiciels de taxation et de permis, "
                                    "système de requêtes, fichiers Excel des travaux publics, cartes du service "
                                    "d’urbanisme, registres des loisirs. L’<strong>inventaire</strong> permet d’en avoir "
                                    "une vue d’ensemble et constitue la base de toute démarche de données ouvertes.</p>"
                                ),
                            ),
                            ("heading", "Une démarche en quatre étapes"),
                            (
                                "paragraph",
                                (
                                    "<ol>"
                                    "<li>Rencontrer chaque service pour recenser les principales sources de données.</li>"
                                    "<li>Pour chacune, noter le nom, le contenu, le format, la fréquence de mise à jour "
                                    "et la personne responsable.</li>"
                                    "<li>Classer les données : publiables, publiables après traitement "
                                    "(anonymisation, agrégation) ou non publiables.</li>"
                                    "<li>Prioriser selon la demande citoyenne, la facilité de publication et la valeur "
                                    "pour les services.</li>"
                                    "</ol>"
                                ),
                            ),
                            ("heading", "Par où commencer?"),
                            (
                                "paragraph",
                                (
                                    "<p>Les jeux de données les plus souvent demandés sont aussi parmi les plus simples : "
                                    "calendrier des collectes, liste des parcs et équipements, lieux publics, "
                                    "permis de construction délivrés (sans renseignements personnels), budget et "
                                    "états financiers. Trois à cinq jeux de données bien tenus valent mieux que "
                                    "cinquante laissés à l’abandon.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Un gain immédiat",
                                    "text": (
                                        "<p>L’inventaire révèle souvent des doublons et des fichiers tenus en parallèle "
                                        "par plusieurs services. Le corriger améliore l’efficacité interne, même avant "
                                        "toute publication.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "qualite-et-metadonnees",
                        "title": "Qualité et métadonnées",
                        "summary": "Des données fiables et bien documentées inspirent confiance et sont réellement réutilisées.",
                        "estimated_minutes": 35,
                        "body": [
                            ("heading", "Les dimensions de la qualité"),
                            (
                                "paragraph",
                                (
                                    "<ul>"
                                    "<li><strong>Exactitude</strong> : les valeurs reflètent la réalité.</li>"
                                    "<li><strong>Complétude</strong> : il ne manque pas d’enregistrements ou de champs "
                                    "essentiels.</li>"
                                    "<li><strong>Actualité</strong> : la donnée est mise à jour au rythme annoncé.</li>"
                                    "<li><strong>Cohérence</strong> : mêmes formats de date, mêmes noms de rues, mêmes "
                                    "unités d’un fichier à l’autre.</li>"
                                    "</ul>"
                                ),
                            ),
                            ("heading", "Les métadonnées, mode d’emploi des données"),
                            (
                                "paragraph",
                                (
                                    "<p>Les <strong>métadonnées</strong> décrivent le jeu de données : titre, "
                                    "description, service responsable, date de mise à jour, fréquence, couverture "
                                    "géographique, licence et personne-ressource. Un <strong>dictionnaire de "
                                    "données</strong> explique chaque colonne : son nom, sa signification, son format "
                                    "et les valeurs possibles. Sans ces informations, même une donnée exacte reste "
                                    "difficile à utiliser.</p>"
                                ),
                            ),
                            ("heading", "Quelques bonnes pratiques de format"),
                            (
                                "paragraph",
                                (
                                    "<p>Utilisez une ligne d’en-tête claire, une seule information par colonne, le format "
                                    "de date AAAA-MM-JJ, l’encodage UTF-8 pour préserver les accents et des coordonnées "
                                    "géographiques dans un système de référence indiqué. Évitez les cellules fusionnées, "
                                    "les couleurs porteuses de sens et les totaux insérés au milieu des données.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Une donnée périmée nuit à la confiance",
                                    "text": (
                                        "<p>Un jeu de données publié puis oublié envoie un mauvais signal. Désignez une "
                                        "personne responsable de chaque jeu et automatisez l’extraction lorsque c’est "
                                        "possible.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "vie-privee-et-donnees-sensibles",
                        "title": "Protéger la vie privée et les données sensibles",
                        "summary": "Évaluer les risques de réidentification et de sécurité avant chaque publication.",
                        "estimated_minutes": 35,
                        "body": [
                            ("heading", "Retirer les noms ne suffit pas"),
                            (
                                "paragraph",
                                (
                                    "<p>Un jeu de données peut permettre de reconnaître une personne même sans son nom : "
                                    "une adresse précise, une date et un type d’intervention suffisent parfois, surtout "
                                    "dans une petite municipalité où « tout le monde se connaît ». C’est le risque de "
                                    "<strong>réidentification</strong>, qui augmente lorsque l’on croise plusieurs "
                                    "jeux de données.</p>"
                                ),
                            ),
                            ("heading", "Des techniques de protection"),
                            (
                                "paragraph",
                                (
                                    "<ul>"
                                    "<li><strong>Agréger</strong> : publier des totaux par secteur ou par mois plutôt "
                                    "que des enregistrements individuels.</li>"
                                    "<li><strong>Généraliser</strong> : remplacer l’adresse par le tronçon de rue ou le "
                                    "quartier.</li>"
                                    "<li><strong>Supprimer les petits nombres</strong> : masquer les cases qui "
                                    "concernent seulement une ou deux personnes.</li>"
                                    "<li><strong>Retirer les champs inutiles</strong> : ne publier que ce qui sert "
                                    "réellement aux réutilisateurs.</li>"
                                    "</ul>"
                                ),
                            ),
                            ("heading", "Un cadre à respecter"),
                            (
                                "paragraph",
                                (
                                    "<p>La publication doit respecter les règles de protection des renseignements "
                                    "personnels renforcées par la Loi 25. Consultez la personne responsable de la "
                                    "protection des renseignements personnels en cas de doute. Pensez aussi à la "
                                    "<strong>sécurité</strong> : certains détails sur les réseaux d’aqueduc ou les "
                                    "installations critiques ne doivent pas être rendus publics.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Une grille de vérification",
                                    "text": (
                                        "<p>Avant chaque publication, faites valider le jeu de données par une deuxième "
                                        "personne à l’aide d’une courte liste de contrôle : renseignements personnels, "
                                        "risque de réidentification, sécurité, exactitude, métadonnées.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "capteurs-gouvernance-et-premiers-pas",
                "title": "Capteurs, gouvernance et premiers pas",
                "objectives": [
                    "Établir les règles de gouvernance à adopter avant d’installer des capteurs dans l’espace public.",
                    "Intégrer aux contrats des clauses qui préservent la maîtrise des données par la municipalité.",
                    "Planifier des premiers pas réalistes adaptés à une petite municipalité ou à un milieu rural.",
                ],
                "estimated_minutes": 105,
                "lessons": [
                    {
                        "slug": "capteurs-et-gouvernance",
                        "title": "Capteurs et objets connectés : gouverner avant d’installer",
                        "summary": "Encadrer la finalité, la proportionnalité et la transparence des capteurs déployés sur le territoire.",
                        "estimated_minutes": 35,
                        "body": [
                            ("heading", "Des usages variés"),
                            (
                                "paragraph",
                                (
                                    "<p>Compteurs d’eau intelligents, sondes de niveau dans les postes de pompage, "
                                    "compteurs de vélos et de piétons, capteurs de qualité de l’air, stationnements "
                                    "connectés, caméras de circulation : les capteurs peuvent améliorer l’entretien des "
                                    "infrastructures et la planification. Ils soulèvent aussi des questions de vie "
                                    "privée, de sécurité et de coûts à long terme.</p>"
                                ),
                            ),
                            ("heading", "Les principes à établir"),
                            (
                                "paragraph",
                                (
                                    "<ul>"
                                    "<li><strong>Finalité</strong> : chaque capteur répond à un besoin précis et "
                                    "documenté.</li>"
                                    "<li><strong>Proportionnalité</strong> : on recueille le minimum de données "
                                    "nécessaire; un compteur de passages vaut mieux qu’une caméra si l’on veut "
                                    "seulement compter.</li>"
                                    "<li><strong>Évaluation</strong> : une EFVP est réalisée lorsque des renseignements "
                                    "personnels peuvent être recueillis.</li>"
                                    "<li><strong>Sécurité</strong> : les appareils sont mis à jour, les mots de passe "
                                    "par défaut sont changés et le réseau est segmenté.</li>"
                                    "<li><strong>Cycle de vie</strong> : on prévoit l’entretien, le remplacement et le "
                                    "retrait des équipements.</li>"
                                    "</ul>"
                                ),
                            ),
                            ("heading", "La transparence envers la population"),
                            (
                                "paragraph",
                                (
                                    "<p>Tenez un <strong>registre public des capteurs</strong> indiquant leur "
                                    "emplacement, leur fonction, les données recueillies et leur durée de conservation, "
                                    "et installez une signalisation sur place. La population accepte mieux une "
                                    "technologie qu’elle comprend.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Attention au projet pilote sans lendemain",
                                    "text": (
                                        "<p>Un projet pilote offert gratuitement peut entraîner des frais d’abonnement, "
                                        "de connectivité et d’entretien importants par la suite. Évaluez le coût total "
                                        "sur la durée de vie avant de dire oui.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "contrats-et-maitrise-des-donnees",
                        "title": "Contrats : garder la maîtrise de ses données",
                        "summary": "Prévoir dans les contrats technologiques l’accès, la propriété, la portabilité et la sécurité des données.",
                        "estimated_minutes": 35,
                        "body": [
                            ("heading", "Le risque de dépendance"),
                            (
                                "paragraph",
                                (
                                    "<p>De plus en plus de services municipaux reposent sur des plateformes infonuagiques "
                                    "et des équipements fournis par des entreprises. Sans précautions, la municipalité "
                                    "peut se retrouver incapable d’extraire ses propres données, de changer de "
                                    "fournisseur ou de les publier en données ouvertes.</p>"
                                ),
                            ),
                            ("heading", "Les clauses à prévoir"),
                            (
                                "paragraph",
                                (
                                    "<ul>"
                                    "<li>La municipalité demeure <strong>propriétaire des données</strong> produites "
                                    "sur son territoire et dans le cadre de ses services.</li>"
                                    "<li>Les données sont <strong>exportables</strong> en tout temps, dans un format "
                                    "ouvert et documenté, sans frais excessifs.</li>"
                                    "<li>Le fournisseur respecte des <strong>exigences de sécurité</strong> et avise "
                                    "sans délai la municipalité de tout incident.</li>"
                                    "<li>Le lieu d’hébergement et les sous-traitants sont connus, et les règles de "
                                    "protection des renseignements personnels sont respectées.</li>"
                                    "<li>À la fin du contrat, les données sont remises puis détruites chez le "
                                    "fournisseur.</li>"
                                    "</ul>"
                                ),
                            ),
                            ("heading", "Privilégier l’interopérabilité"),
                            (
                                "paragraph",
                                (
                                    "<p>Les solutions qui utilisent des <strong>standards ouverts</strong> et offrent "
                                    "des interfaces de programmation (API) documentées facilitent l’intégration entre les "
                                    "systèmes et la publication automatique de données ouvertes. Les exigences à ce sujet "
                                    "doivent figurer dès l’appel d’offres.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Mutualiser l’expertise",
                                    "text": (
                                        "<p>La MRC ou un regroupement de municipalités peut préparer des clauses types et "
                                        "des devis communs. Les petites municipalités y gagnent en expertise comme en "
                                        "pouvoir de négociation.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "premiers-pas-petite-municipalite",
                        "title": "Premiers pas pour une petite municipalité",
                        "summary": "Une feuille de route réaliste qui tient compte des ressources limitées et des réalités rurales.",
                        "estimated_minutes": 35,
                        "body": [
                            ("heading", "Partir de la réalité du territoire"),
                            (
                                "paragraph",
                                (
                                    "<p>En milieu rural, la transformation numérique se heurte encore à des obstacles "
                                    "concrets : des secteurs demeurent mal desservis par l’Internet haute vitesse ou la "
                                    "téléphonie cellulaire, une partie de la population est peu à l’aise avec les outils "
                                    "en ligne et l’équipe municipale compte parfois seulement quelques personnes. Toute "
                                    "démarche doit prévoir des solutions de rechange : papier, téléphone, comptoir, "
                                    "bibliothèque municipale.</p>"
                                ),
                            ),
                            ("heading", "Une feuille de route en cinq gestes"),
                            (
                                "paragraph",
                                (
                                    "<ol>"
                                    "<li>Désigner une personne responsable des données, même à temps partiel.</li>"
                                    "<li>Faire l’inventaire des données des principaux services.</li>"
                                    "<li>Publier deux ou trois jeux de données simples sur Données Québec.</li>"
                                    "<li>Choisir un premier projet qui répond à un irritant connu de la population.</li>"
                                    "<li>Mesurer les retombées et en faire rapport au conseil.</li>"
                                    "</ol>"
                                ),
                            ),
                            ("heading", "Ne pas avancer seul"),
                            (
                                "paragraph",
                                (
                                    "<p>La MRC, les municipalités voisines, les associations municipales et les "
                                    "établissements d’enseignement peuvent soutenir la démarche : partage de ressources "
                                    "en géomatique, achats regroupés, stagiaires, formation. La connectivité du "
                                    "territoire est aussi un enjeu de développement sur lequel le conseil peut "
                                    "intervenir auprès des instances régionales et des gouvernements.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "info",
                                    "title": "L’inclusion numérique d’abord",
                                    "text": (
                                        "<p>Une ville intelligente n’oublie personne. Chaque nouveau service en ligne "
                                        "devrait être accompagné d’un canal de rechange et, au besoin, d’un "
                                        "accompagnement pour les personnes moins à l’aise avec le numérique.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Parcours 3 : Collaboration et cocréation avec les citoyens
    # ------------------------------------------------------------------
    {
        "slug": "collaboration-cocreation-citoyens",
        "title": "Cocréer avec les citoyennes et les citoyens",
        "summary": (
            "Un parcours pratique pour concevoir des services municipaux avec la population : "
            "design thinking, approches participatives, budget participatif, animation d’ateliers "
            "inclusifs et évaluation des démarches."
        ),
        "theme": "Collaboration et cocréation",
        "estimated_hours": 4,
        "format": "hybrid",
        "roles": {
            "manager": "required",
            "employee": "recommended",
            "director_general": "recommended",
            "mayor": "optional",
            "councillor": "optional",
        },
        "modules": [
            {
                "slug": "design-thinking-services-municipaux",
                "title": "Le design thinking appliqué aux services municipaux",
                "objectives": [
                    "Décrire les cinq phases du design thinking : empathie, définition, idéation, prototypage et test.",
                    "Appliquer des techniques d’empathie pour comprendre l’expérience des usagers d’un service.",
                    "Concevoir un prototype simple et le tester auprès de citoyennes et de citoyens.",
                ],
                "estimated_minutes": 70,
                "lessons": [
                    {
                        "slug": "empathie-et-definition",
                        "title": "Empathie et définition du problème",
                        "summary": "Comprendre l’expérience réelle des usagers avant de chercher des solutions.",
                        "estimated_minutes": 35,
                        "body": [
                            ("heading", "Une démarche centrée sur les personnes"),
                            (
                                "paragraph",
                                (
                                    "<p>Le <strong>design thinking</strong> est une démarche de résolution de problèmes "
                                    "qui part des besoins des personnes concernées. Elle se déroule en cinq phases : "
                                    "<strong>empathie</strong>, <strong>définition</strong>, <strong>idéation</strong>, "
                                    "<strong>prototypage</strong> et <strong>test</strong>. Ces phases ne sont pas "
                                    "strictement linéaires : on revient souvent en arrière à la lumière de ce que l’on "
                                    "apprend.</p>"
                                ),
                            ),
                            ("heading", "La phase d’empathie"),
                            (
                                "paragraph",
                                (
                                    "<p>Il s’agit d’observer et d’écouter les citoyennes et les citoyens là où ils vivent "
                                    "le service : au comptoir de l’hôtel de ville, à l’écocentre, sur le site Web au "
                                    "moment de demander un permis. Quelques techniques :</p>"
                                    "<ul>"
                                    "<li>des <strong>entrevues</strong> individuelles de 20 à 30 minutes, avec des "
                                    "questions ouvertes;</li>"
                                    "<li>l’<strong>observation</strong> discrète d’un parcours réel;</li>"
                                    "<li>la <strong>carte du parcours usager</strong>, qui trace chaque étape et les "
                                    "émotions ressenties;</li>"
                                    "<li>se mettre soi-même dans la peau d’un usager, par exemple en remplissant le "
                                    "formulaire municipal sans aide.</li>"
                                    "</ul>"
                                ),
                            ),
                            ("heading", "La phase de définition"),
                            (
                                "paragraph",
                                (
                                    "<p>On synthétise ensuite les observations pour formuler le problème du point de vue "
                                    "de l’usager. Une formule utile : « Comment pourrions-nous… ». Par exemple : "
                                    "<em>Comment pourrions-nous aider les nouveaux résidents à savoir, dès leur arrivée, "
                                    "quels jours sont ramassés leurs bacs?</em> Un bon énoncé est assez précis pour "
                                    "guider l’équipe, mais assez ouvert pour laisser place à plusieurs solutions.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Écouter sans défendre",
                                    "text": (
                                        "<p>Pendant une entrevue, résistez à l’envie d’expliquer pourquoi le service "
                                        "fonctionne ainsi. Votre rôle est de comprendre, pas de justifier.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "ideation-prototypage-et-test",
                        "title": "Idéation, prototypage et test",
                        "summary": "Générer de nombreuses idées, les rendre tangibles rapidement et les mettre à l’épreuve auprès des usagers.",
                        "estimated_minutes": 35,
                        "body": [
                            ("heading", "L’idéation : la quantité avant la qualité"),
                            (
                                "paragraph",
                                (
                                    "<p>En idéation, on suspend le jugement pour produire le plus d’idées possible, y "
                                    "compris des idées audacieuses. Les règles de base : une idée par papillon adhésif, "
                                    "rebondir sur les idées des autres (« oui, et… »), viser la quantité. On regroupe "
                                    "ensuite les idées par thème, puis on sélectionne les plus prometteuses, par exemple "
                                    "par un vote à l’aide de pastilles.</p>"
                                ),
                            ),
                            ("heading", "Le prototypage : rendre l’idée concrète"),
                            (
                                "paragraph",
                                (
                                    "<p>Un <strong>prototype</strong> est une version rapide et peu coûteuse d’une "
                                    "solution : un formulaire dessiné sur papier, une maquette d’affiche, un scénario "
                                    "joué, une page Web sommaire. L’objectif n’est pas de bien faire, mais d’apprendre "
                                    "vite : un prototype qui coûte une heure peut éviter un projet raté qui en aurait "
                                    "coûté des centaines.</p>"
                                ),
                            ),
                            ("heading", "Le test : apprendre des usagers"),
                            (
                                "paragraph",
                                (
                                    "<p>On présente le prototype à cinq ou six personnes représentatives et on les "
                                    "observe l’utiliser. On note ce qui fonctionne, ce qui bloque et les surprises. Les "
                                    "résultats mènent à améliorer le prototype, à revoir l’énoncé du problème ou, "
                                    "parfois, à abandonner une idée : c’est aussi une réussite, car elle n’aura pas "
                                    "coûté cher.</p>"
                                    "<ul>"
                                    "<li>Demandez aux personnes de « penser à voix haute ».</li>"
                                    "<li>N’expliquez pas le prototype : s’il faut l’expliquer, il doit être amélioré.</li>"
                                    "<li>Testez en plusieurs courts cycles plutôt qu’en une seule grande étape.</li>"
                                    "</ul>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "info",
                                    "title": "Exemple municipal",
                                    "text": (
                                        "<p>Une équipe qui veut simplifier les demandes de permis de piscine peut "
                                        "prototyper une liste de vérification d’une page, la tester au comptoir avec "
                                        "quelques demandeurs, puis l’intégrer au site Web une fois qu’elle est claire "
                                        "pour toutes et tous.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "approches-participatives",
                "title": "Approches participatives et coproduction",
                "objectives": [
                    "Situer une démarche sur le spectre de la participation publique, de l’information à la délégation.",
                    "Choisir des techniques de consultation adaptées à l’objectif et au public visé.",
                    "Expliquer le fonctionnement d’un budget participatif et d’une démarche de coproduction.",
                ],
                "estimated_minutes": 80,
                "lessons": [
                    {
                        "slug": "spectre-et-techniques-de-consultation",
                        "title": "Le spectre de la participation et les techniques de consultation",
                        "summary": "Clarifier le degré d’influence offert à la population et choisir les techniques en conséquence.",
                        "estimated_minutes": 40,
                        "body": [
                            ("heading", "Clarifier la promesse faite à la population"),
                            (
                                "paragraph",
                                (
                                    "<p>Le spectre de la participation publique proposé par l’Association internationale "
                                    "pour la participation publique (AIP2) distingue plusieurs niveaux d’influence : "
                                    "<strong>informer</strong>, <strong>consulter</strong>, <strong>impliquer</strong>, "
                                    "<strong>collaborer</strong> et <strong>habiliter</strong>, c’est-à-dire confier la "
                                    "décision finale à la population. Chaque niveau correspond à une promesse différente. "
                                    "La pire erreur est de laisser croire à une cocréation alors que la décision est "
                                    "déjà prise.</p>"
                                ),
                            ),
                            ("heading", "Un éventail de techniques"),
                            (
                                "paragraph",
                                (
                                    "<ul>"
                                    "<li><strong>Sondage en ligne et papier</strong> : rejoindre beaucoup de personnes "
                                    "sur des questions précises.</li>"
                                    "<li><strong>Assemblée publique</strong> : informer et recueillir des commentaires, "
                                    "souvent exigée par la loi en matière d’urbanisme.</li>"
                                    "<li><strong>Café citoyen</strong> : discussions en petites tables sur quelques "
                                    "questions, avec rotation des participantes et des participants.</li>"
                                    "<li><strong>Marche exploratoire</strong> : parcourir un lieu avec les usagers pour "
                                    "repérer les problèmes d’aménagement et de sécurité.</li>"
                                    "<li><strong>Kiosque éphémère</strong> : aller à la rencontre des gens au marché, à "
                                    "l’aréna ou à la fête de quartier.</li>"
                                    "<li><strong>Panel citoyen</strong> : un petit groupe représentatif qui s’informe, "
                                    "délibère et formule des recommandations.</li>"
                                    "</ul>"
                                ),
                            ),
                            ("heading", "Le cadre québécois"),
                            (
                                "paragraph",
                                (
                                    "<p>En aménagement et en urbanisme, la <em>Loi sur l’aménagement et l’urbanisme</em> "
                                    "prévoit des assemblées publiques de consultation. Depuis 2017, une municipalité peut "
                                    "aussi adopter une <strong>politique de participation publique</strong> conforme au "
                                    "règlement provincial, ce qui lui permet notamment de soustraire certains projets à "
                                    "l’approbation référendaire. Au-delà des obligations, la participation peut enrichir "
                                    "toutes sortes de décisions : parcs, loisirs, mobilité, services en ligne.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Combiner les techniques",
                                    "text": (
                                        "<p>Aucune technique ne rejoint tout le monde. Combinez un outil en ligne, une "
                                        "activité en personne et une présence dans les lieux fréquentés pour entendre "
                                        "des voix variées.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "budget-participatif-et-coproduction",
                        "title": "Budget participatif et coproduction",
                        "summary": "Confier une part réelle de décision ou de réalisation à la population, avec un cadre clair.",
                        "estimated_minutes": 40,
                        "body": [
                            ("heading", "Le budget participatif"),
                            (
                                "paragraph",
                                (
                                    "<p>Né à Porto Alegre, au Brésil, à la fin des années 1980, le <strong>budget "
                                    "participatif</strong> permet à la population de proposer des projets et de voter "
                                    "pour décider de l’utilisation d’une partie du budget, le plus souvent du budget "
                                    "d’immobilisations. Des municipalités québécoises de toutes tailles en ont tenu. "
                                    "Les étapes habituelles :</p>"
                                    "<ol>"
                                    "<li>le conseil fixe l’enveloppe et les règles d’admissibilité;</li>"
                                    "<li>les citoyennes et les citoyens déposent leurs idées;</li>"
                                    "<li>les services municipaux analysent la faisabilité et estiment les coûts;</li>"
                                    "<li>la population vote;</li>"
                                    "<li>la municipalité réalise les projets retenus et rend compte de leur avancement.</li>"
                                    "</ol>"
                                ),
                            ),
                            ("heading", "Les conditions de réussite"),
                            (
                                "paragraph",
                                (
                                    "<p>Des règles publiées dès le départ, une enveloppe significative, un "
                                    "accompagnement des personnes qui déposent des idées, des modalités de vote "
                                    "accessibles (en ligne et en personne) et, surtout, la <strong>réalisation "
                                    "effective</strong> des projets gagnants dans un délai raisonnable. Un projet voté "
                                    "mais jamais réalisé mine la confiance pour longtemps.</p>"
                                ),
                            ),
                            ("heading", "La coproduction des services"),
                            (
                                "paragraph",
                                (
                                    "<p>Dans la <strong>coproduction</strong>, les citoyennes et les citoyens participent "
                                    "à la prestation même du service : comités de ruelles vertes, jardins collectifs, "
                                    "parrainage d’un parc ou d’un sentier, bénévoles qui animent la bibliothèque, "
                                    "signalements de problèmes par une application de requêtes. La municipalité fournit "
                                    "le cadre, le soutien et les ressources; la communauté apporte son temps, sa "
                                    "connaissance du milieu et son énergie.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Ne pas transférer sans soutenir",
                                    "text": (
                                        "<p>La coproduction ne doit pas servir à se décharger de responsabilités "
                                        "municipales. Prévoyez un point de contact, des assurances adaptées et une "
                                        "reconnaissance de l’engagement bénévole.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "animer-inclure-evaluer",
                "title": "Animer, inclure et évaluer",
                "objectives": [
                    "Planifier des démarches participatives accessibles et inclusives.",
                    "Animer un atelier de cocréation à l’aide d’un plan d’animation structuré.",
                    "Évaluer une démarche participative et rendre compte des résultats à la population.",
                ],
                "estimated_minutes": 90,
                "lessons": [
                    {
                        "slug": "accessibilite-et-inclusion",
                        "title": "Accessibilité et inclusion",
                        "summary": "Réduire les obstacles qui empêchent une partie de la population de participer.",
                        "estimated_minutes": 30,
                        "body": [
                            ("heading", "Qui n’est pas dans la salle?"),
                            (
                                "paragraph",
                                (
                                    "<p>Les démarches participatives attirent souvent les mêmes profils : des personnes "
                                    "disponibles en soirée, à l’aise pour prendre la parole en public et déjà engagées. "
                                    "Les jeunes, les familles, les personnes aînées isolées, les personnes immigrantes, "
                                    "les personnes handicapées ou les travailleuses et travailleurs de soir restent "
                                    "souvent absents. La première question à se poser est donc : <em>qui manque, et "
                                    "pourquoi?</em></p>"
                                ),
                            ),
                            ("heading", "Lever les obstacles"),
                            (
                                "paragraph",
                                (
                                    "<ul>"
                                    "<li><strong>Lieux</strong> : salles accessibles en fauteuil roulant, proches du "
                                    "transport collectif ou du centre du village.</li>"
                                    "<li><strong>Horaires</strong> : varier les moments, offrir une halte-garderie.</li>"
                                    "<li><strong>Communication</strong> : langage clair, documents en gros caractères, "
                                    "supports visuels, interprétation au besoin.</li>"
                                    "<li><strong>Canaux multiples</strong> : en ligne, par téléphone, sur papier et en "
                                    "personne, pour tenir compte de l’accès inégal à Internet.</li>"
                                    "<li><strong>Partenaires</strong> : passer par les organismes communautaires, les "
                                    "écoles et les associations qui connaissent les publics moins rejoints.</li>"
                                    "</ul>"
                                ),
                            ),
                            ("heading", "Un engagement aussi légal"),
                            (
                                "paragraph",
                                (
                                    "<p>La <em>Loi assurant l’exercice des droits des personnes handicapées en vue de "
                                    "leur intégration scolaire, professionnelle et sociale</em> oblige les municipalités "
                                    "de 15 000 habitants et plus à adopter un plan d’action annuel pour réduire les "
                                    "obstacles. Les démarches participatives gagnent à s’y arrimer, quelle que soit la "
                                    "taille de la municipalité.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Aller vers les gens",
                                    "text": (
                                        "<p>Plutôt que d’attendre la population à l’hôtel de ville, tenez un kiosque là "
                                        "où elle se trouve déjà : sortie des classes, épicerie, match de hockey "
                                        "mineur, fête nationale.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "animer-un-atelier",
                        "title": "Animer un atelier de cocréation",
                        "summary": "Préparer un plan d’animation, créer un climat de confiance et faire converger les idées.",
                        "estimated_minutes": 30,
                        "body": [
                            ("heading", "Avant l’atelier"),
                            (
                                "paragraph",
                                (
                                    "<p>Définissez un objectif précis et le livrable attendu (par exemple : trois pistes "
                                    "d’aménagement priorisées pour le parc). Préparez un <strong>plan "
                                    "d’animation</strong> minuté, le matériel (grandes feuilles, papillons adhésifs, "
                                    "crayons, pastilles de vote) et répartissez les rôles : animation, prise de notes, "
                                    "gestion du temps, accueil.</p>"
                                ),
                            ),
                            ("heading", "Un déroulement type de deux heures"),
                            (
                                "paragraph",
                                (
                                    "<ol>"
                                    "<li><strong>Accueil et cadre</strong> (15 min) : objectif, ce qui est décidé et ce "
                                    "qui reste ouvert, règles de discussion.</li>"
                                    "<li><strong>Brise-glace</strong> (10 min) : une question simple pour que chaque "
                                    "personne prenne la parole.</li>"
                                    "<li><strong>Partage des constats</strong> (20 min) : ce que l’on sait déjà.</li>"
                                    "<li><strong>Idéation en petits groupes</strong> (35 min).</li>"
                                    "<li><strong>Mise en commun et priorisation</strong> (30 min).</li>"
                                    "<li><strong>Prochaines étapes et évaluation à chaud</strong> (10 min).</li>"
                                    "</ol>"
                                ),
                            ),
                            ("heading", "Pendant l’atelier"),
                            (
                                "paragraph",
                                (
                                    "<p>L’animatrice ou l’animateur reste neutre sur le contenu et veille au processus : "
                                    "répartir la parole, reformuler, recentrer. Un <strong>stationnement "
                                    "d’idées</strong> affiché au mur permet de noter les sujets hors du cadre sans les "
                                    "écarter. Les petits groupes de quatre à six personnes favorisent la participation "
                                    "des personnes plus réservées.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "info",
                                    "title": "En mode hybride",
                                    "text": (
                                        "<p>Si des personnes participent à distance, désignez une personne chargée de "
                                        "relayer leurs interventions et utilisez un tableau blanc numérique partagé "
                                        "avec la salle pour que toutes les idées soient visibles au même endroit.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "evaluer-et-boucler-la-boucle",
                        "title": "Évaluer et boucler la boucle",
                        "summary": "Mesurer la qualité et l’influence d’une démarche et rendre compte à la population de ce qui a été retenu.",
                        "estimated_minutes": 30,
                        "body": [
                            ("heading", "Trois angles d’évaluation"),
                            (
                                "paragraph",
                                (
                                    "<ul>"
                                    "<li><strong>La participation</strong> : combien de personnes, et surtout quelle "
                                    "diversité par rapport à la population visée?</li>"
                                    "<li><strong>Le processus</strong> : les personnes se sont-elles senties écoutées? "
                                    "L’information était-elle claire? Les délais étaient-ils raisonnables?</li>"
                                    "<li><strong>L’influence</strong> : qu’est-ce que la démarche a changé concrètement "
                                    "dans la décision ou dans le service?</li>"
                                    "</ul>"
                                ),
                            ),
                            ("heading", "Des outils simples"),
                            (
                                "paragraph",
                                (
                                    "<p>Un court questionnaire à la fin de chaque activité, une fiche de présence "
                                    "facultative avec quelques données démographiques, un bilan d’équipe sur ce qui a "
                                    "bien fonctionné et ce qu’il faudrait changer, et une comparaison entre les "
                                    "propositions reçues et la décision finale suffisent souvent à tirer des leçons "
                                    "utiles.</p>"
                                ),
                            ),
                            ("heading", "Boucler la boucle"),
                            (
                                "paragraph",
                                (
                                    "<p>Rendre compte est une étape à part entière. Publiez un rapport de consultation "
                                    "en langage clair qui présente ce qui a été entendu, ce qui a été retenu, ce qui ne "
                                    "l’a pas été et <strong>pourquoi</strong>. Présentez-le au conseil et diffusez-le "
                                    "par les mêmes canaux que ceux utilisés pour inviter la population. C’est ce "
                                    "retour qui donne envie de participer la prochaine fois.</p>"
                                ),
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Vous avez dit, nous avons fait",
                                    "text": (
                                        "<p>Un tableau à deux colonnes, « Vous avez dit » et « Nous avons fait », est un "
                                        "moyen simple et efficace de montrer l’influence réelle de la participation "
                                        "citoyenne.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
]
