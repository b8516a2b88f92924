"""English texts of the demo pages (pure content, no import).

Every page has its English title and summary; the lessons of the first
module of the cybersecurity path are translated in full. A lesson whose
``body`` is absent here keeps its French text in its English page: its body
is then identical to the French one, which is how templates know to mark it
``lang="fr-CA"`` (see ``cms.demo.english``).
"""

HOME = {
    "title": "Virage",
    "headline": "The digital transformation of municipalities, at your own pace",
    "intro": (
        "<p>Cybersecurity, information security, digital technologies, smart cities "
        "and collaboration with citizens: blended learning paths, online and in "
        "person, designed for elected officials, general managers, managers and "
        "employees of Québec municipalities, from the metropolis to the village of "
        "500 people.</p>"
    ),
}

CATALOGUE = {
    "title": "Learning path catalogue",
    "intro": (
        "<p>Choose a path by your role and the theme that interests you. Each path "
        "says whether it is required, recommended or optional for your role.</p>"
    ),
}

ABOUT = {
    "title": "About Virage",
    "body": (
        "<p>Virage is the digital training platform of the university academy and "
        "the Union des municipalités du Québec (UMQ). Data on municipalities comes "
        "from the Répertoire des municipalités du Québec.</p><p>Source: MAMH, "
        "Répertoire des municipalités du Québec, Données Québec, CC BY 4.0. Modified "
        "data.</p>"
    ),
}

PATHS = {
    "cybersecurite-elus": {
        "title": "Cybersecurity: the role of municipal elected officials",
        "summary": (
            "A path to understand the cyber threats aimed at municipalities, adopt the "
            "right everyday habits and fully play your governance role, from incident "
            "preparedness to the obligations of Law 25."
        ),
    },
    "ville-intelligente-donnees-ouvertes": {
        "title": "Smart city and open data: taking action",
        "summary": (
            "This path demystifies the smart city and open data, then guides municipal "
            "teams from the data inventory to publication, through quality, privacy "
            "and the governance of sensors."
        ),
    },
    "collaboration-cocreation-citoyens": {
        "title": "Co-creating with citizens",
        "summary": (
            "A hands-on path to design municipal services with the population: design "
            "thinking, participatory approaches, participatory budgeting, running "
            "inclusive workshops and evaluating the process."
        ),
    },
}

MODULES = {
    "comprendre-les-menaces": {
        "title": "Understanding the threats aimed at municipalities",
        "objectives": [
            "Explain why municipalities, small and large, are attractive targets.",
            "Recognise the signs of a phishing e-mail or a fraud attempt.",
            "Describe the typical stages of a ransomware attack and its consequences "
            "for services.",
        ],
    },
    "bons-reflexes-au-quotidien": {
        "title": "Adopting the right everyday habits",
        "objectives": [
            "Apply a simple method to create and manage strong passwords.",
            "Turn on multi-factor authentication on municipal and personal accounts.",
            "Adopt safe practices for your devices and communications as an elected "
            "official.",
        ],
    },
    "gouverner-le-risque": {
        "title": "Governing risk and responding to incidents",
        "objectives": [
            "Describe the parts of an incident response plan and the council's role "
            "in a crisis.",
            "Recognise the obligations of Law 25 that apply to a municipality.",
            "Ask the general management the questions that track preparedness.",
        ],
    },
    "comprendre-ville-intelligente-et-donnees": {
        "title": "Understanding the smart city and open data",
        "objectives": [
            "Define the smart city by the population's needs rather than by "
            "technology.",
            "Recognise the characteristics of open data.",
            "Explain the role of Données Québec and the terms of the CC BY 4.0 "
            "licence.",
        ],
    },
    "publier-des-donnees-de-qualite": {
        "title": "Preparing and publishing quality data",
        "objectives": [
            "Take an inventory of the data held by municipal departments.",
            "Apply quality criteria and document a dataset with metadata.",
            "Assess privacy risks before publishing a dataset.",
        ],
    },
    "capteurs-gouvernance-et-premiers-pas": {
        "title": "Sensors, governance and first steps",
        "objectives": [
            "Set the governance rules to adopt before installing sensors in public "
            "space.",
            "Include contract clauses that keep the municipality in control of its "
            "data.",
            "Plan realistic first steps for a small municipality or a rural area.",
        ],
    },
    "design-thinking-services-municipaux": {
        "title": "Design thinking applied to municipal services",
        "objectives": [
            "Describe the five phases of design thinking: empathy, definition, "
            "ideation, prototyping and testing.",
            "Apply empathy techniques to understand users' experience of a service.",
            "Design a simple prototype and test it with citizens.",
        ],
    },
    "approches-participatives": {
        "title": "Participatory approaches and co-production",
        "objectives": [
            "Place a process on the spectrum of public participation, from informing "
            "to delegating.",
            "Choose consultation techniques suited to the goal and the audience.",
            "Explain how participatory budgeting and co-production work.",
        ],
    },
    "animer-inclure-evaluer": {
        "title": "Facilitating, including and evaluating",
        "objectives": [
            "Plan accessible and inclusive participatory processes.",
            "Run a co-creation workshop with a structured facilitation plan.",
            "Evaluate a participatory process and report the results to the "
            "population.",
        ],
    },
}

LESSONS = {
    "pourquoi-les-municipalites": {
        "title": "Why are municipalities targeted?",
        "summary": (
            "Municipalities hold sensitive data and provide essential services, which "
            "makes them prime targets."
        ),
        "body": [
            ("heading", "An attractive target, whatever its size"),
            (
                "paragraph",
                "<p>People often think cybercriminals are mainly interested in large "
                "companies. In reality, municipalities combine several features that "
                "make them attractive: they run <strong>essential services</strong> "
                "(drinking water, fire safety, snow removal, recreation), they hold "
                "<strong>personal information</strong> about their whole population "
                "(assessment roll, taxation, permits, activity registrations) and they "
                "make large payments to suppliers every week.</p>"
                "<p>Several Québec municipalities have been hit by ransomware or "
                "e-mail fraud in recent years, with services interrupted for days or "
                "even weeks.</p>",
            ),
            ("heading", "Often limited resources"),
            (
                "paragraph",
                "<p>In many municipalities, IT rests on a single person, an outside "
                "supplier or an employee who also holds other duties. Ageing systems, "
                "postponed updates and the lack of a clear policy are all ways in. "
                "Attackers automate their searches: they do not always choose their "
                "victim, they simply exploit the first weakness they find.</p>",
            ),
            ("heading", "What this means for the council"),
            (
                "paragraph",
                "<p>Cybersecurity is not only a technical matter: it is an "
                "<strong>organisational risk</strong> that affects the continuity of "
                "services, public finances and citizens' trust. As for infrastructure "
                "or finances, the council must make sure this risk is known, assessed "
                "and handled by the administration.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Key point",
                    "text": "<p>An elected official's role is not to configure a "
                    "firewall but to <strong>ask the right questions</strong>, grant "
                    "the necessary resources and set an example in their own "
                    "practices.</p>",
                },
            ),
        ],
    },
    "hameconnage-et-fraude": {
        "title": "Phishing and CEO fraud",
        "summary": (
            "Recognise the fraudulent e-mails aimed at city hall and know how to react."
        ),
        "body": [
            ("heading", "Phishing, the number one way in"),
            (
                "paragraph",
                "<p><strong>Phishing</strong> means sending a message that imitates a "
                "trusted source (supplier, bank, ministry, colleague) to obtain a "
                "password, get a booby-trapped attachment opened or trigger a payment. "
                "When the message is tailored to a specific person, for example the "
                "mayor or the general manager, it is called <strong>spear "
                "phishing</strong>.</p>",
            ),
            ("heading", "Common scenarios in the municipal world"),
            (
                "paragraph",
                "<ul>"
                "<li><strong>CEO fraud</strong>: an e-mail, apparently sent by the "
                "mayor or the general management, asks for an urgent and confidential "
                "transfer.</li>"
                "<li><strong>Changed banking details</strong>: a “supplier” announces "
                "new payment details just before a works invoice is paid.</li>"
                "<li><strong>Fake document-sharing notice</strong>: a link to a "
                "so-called council file leads to a page that steals credentials.</li>"
                "<li><strong>Fake technical support</strong>: a call or an e-mail asks "
                "you to install software or to give a code received by text "
                "message.</li>"
                "</ul>",
            ),
            ("heading", "Warning signs"),
            (
                "paragraph",
                "<p>Be wary of a message that creates a <strong>sense of "
                "urgency</strong>, asks you to bypass the usual procedure, comes from "
                "an address slightly different from the known one or holds a link "
                "whose destination does not match the text shown. A request for "
                "payment or for a change of banking details must always be "
                "<strong>confirmed through another channel</strong>, for example a "
                "call to the supplier's number you already know.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "The right reflex",
                    "text": "<p>In doubt? Don't click, don't reply: forward the "
                    "message to the person in charge of IT. If you have already "
                    "clicked, report it at once. A quick report is far better than an "
                    "embarrassed silence.</p>",
                },
            ),
        ],
    },
    "rancongiciels": {
        "title": "Ransomware: anatomy of an attack",
        "summary": (
            "Understand how a ransomware attack unfolds and the essential role of "
            "3-2-1 backups."
        ),
        "body": [
            ("heading", "How an attack unfolds"),
            (
                "paragraph",
                "<p><strong>Ransomware</strong> is malicious software that encrypts an "
                "organisation's files and systems, then demands a ransom to unlock "
                "them. The attack usually follows a few stages:</p>"
                "<ol>"
                "<li>the intrusion, often through phishing, a stolen password or an "
                "unpatched flaw in a remote access;</li>"
                "<li>quiet exploration of the network, sometimes for several "
                "weeks;</li>"
                "<li>data theft, later used as leverage (double extortion);</li>"
                "<li>encryption of the servers and, if possible, of the backups;</li>"
                "<li>the ransom demand.</li>"
                "</ol>",
            ),
            ("heading", "The consequences for a municipality"),
            (
                "paragraph",
                "<p>In such incidents, municipalities have had to go back to paper: "
                "tax collection delayed, permits suspended, telephones or website "
                "down, recreation registrations impossible. Add to this the cost of "
                "rebuilding, overtime, the notification duties tied to personal "
                "information and the damage to reputation.</p>",
            ),
            ("heading", "The best insurance: 3-2-1 backups"),
            (
                "paragraph",
                "<p>The <strong>3-2-1</strong> rule is easy to remember: keep "
                "<strong>3 copies</strong> of the data, on <strong>2 different "
                "media</strong>, including <strong>1 off site</strong>. Today we add "
                "an <strong>offline or immutable</strong> copy, which ransomware can "
                "neither change nor erase, and regular <strong>restore tests</strong>: "
                "a backup never tested is only a hope.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Pay the ransom?",
                    "text": "<p>The authorities generally advise against paying: "
                    "nothing guarantees the data will be returned, and the payment "
                    "funds other attacks. The decision should be prepared "
                    "<em>before</em> the crisis, with the insurer, legal advisers and "
                    "the police, rather than in a rush.</p>",
                },
            ),
        ],
    },
    "mots-de-passe-et-gestionnaire": {
        "title": "Strong passwords and a password manager",
        "summary": ("Use unique passphrases and let a password manager remember them."),
    },
    "authentification-multifacteur": {
        "title": "Multi-factor authentication",
        "summary": (
            "Adding a second proof of identity blocks the vast majority of account "
            "takeovers."
        ),
    },
    "appareils-et-communications": {
        "title": "Devices, e-mail and communications of elected officials",
        "summary": (
            "Protect your devices and keep municipal communications apart from "
            "personal use."
        ),
    },
    "plan-de-reponse-aux-incidents": {
        "title": "The incident response plan",
        "summary": (
            "Prepare before the crisis to react quickly, restore services and "
            "communicate well."
        ),
    },
    "loi-25-obligations": {
        "title": "Law 25: the municipality's obligations",
        "summary": (
            "Know the main obligations on the protection of personal information and "
            "on confidentiality incidents."
        ),
    },
    "questions-a-la-direction-generale": {
        "title": "The questions the council should ask its general management",
        "summary": (
            "Play your oversight role with a few simple questions and regular "
            "follow-up."
        ),
    },
    "ville-intelligente-au-service-des-citoyens": {
        "title": "The smart city, first at the service of citizens",
        "summary": (
            "A smart city uses data and digital tools to better meet its population's "
            "needs."
        ),
    },
    "quest-ce-qu-une-donnee-ouverte": {
        "title": "What is open data?",
        "summary": (
            "Open data is available free of charge, in a usable format, and reusable "
            "by everyone."
        ),
    },
    "donnees-quebec-et-licences": {
        "title": "Données Québec and the CC BY 4.0 licence",
        "summary": (
            "Use the Données Québec portal and a recognised open licence to publish "
            "your data."
        ),
    },
    "inventaire-des-donnees": {
        "title": "Taking an inventory of data",
        "summary": (
            "Know what data the municipality holds, where it is and who is "
            "responsible for it."
        ),
    },
    "qualite-et-metadonnees": {
        "title": "Quality and metadata",
        "summary": "Reliable, well-documented data earns trust and is actually reused.",
    },
    "vie-privee-et-donnees-sensibles": {
        "title": "Protecting privacy and sensitive data",
        "summary": (
            "Assess re-identification and security risks before every publication."
        ),
    },
    "capteurs-et-gouvernance": {
        "title": "Sensors and connected objects: govern before installing",
        "summary": (
            "Frame the purpose, proportionality and transparency of the sensors "
            "deployed on the territory."
        ),
    },
    "contrats-et-maitrise-des-donnees": {
        "title": "Contracts: staying in control of your data",
        "summary": (
            "Provide in technology contracts for access to, ownership, portability "
            "and security of the data."
        ),
    },
    "premiers-pas-petite-municipalite": {
        "title": "First steps for a small municipality",
        "summary": (
            "A realistic roadmap that takes limited resources and rural realities "
            "into account."
        ),
    },
    "empathie-et-definition": {
        "title": "Empathy and defining the problem",
        "summary": ("Understand users' real experience before looking for solutions."),
    },
    "ideation-prototypage-et-test": {
        "title": "Ideation, prototyping and testing",
        "summary": (
            "Generate many ideas, make them tangible quickly and put them to the test "
            "with users."
        ),
    },
    "spectre-et-techniques-de-consultation": {
        "title": "The participation spectrum and consultation techniques",
        "summary": (
            "Clarify how much influence the population is offered and choose the "
            "techniques accordingly."
        ),
    },
    "budget-participatif-et-coproduction": {
        "title": "Participatory budgeting and co-production",
        "summary": (
            "Give the population a real share of decision or delivery, within a "
            "clear framework."
        ),
    },
    "accessibilite-et-inclusion": {
        "title": "Accessibility and inclusion",
        "summary": (
            "Reduce the barriers that keep part of the population from taking part."
        ),
    },
    "animer-un-atelier": {
        "title": "Running a co-creation workshop",
        "summary": (
            "Prepare a facilitation plan, build a climate of trust and bring ideas "
            "together."
        ),
    },
    "evaluer-et-boucler-la-boucle": {
        "title": "Evaluating and closing the loop",
        "summary": (
            "Measure the quality and influence of a process and report back to the "
            "population on what was kept."
        ),
    },
}
