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
        "body": [
            ("heading", "The real problem: reuse"),
            (
                "paragraph",
                "<p>Every year, millions of credentials stolen in data breaches are "
                "published or sold. If you use the same password for an online shop "
                "and for your municipal e-mail, a breach at the retailer is enough to "
                "open your inbox. The golden rule: <strong>one unique password per "
                "account</strong>.</p>",
            ),
            ("heading", "Count on length: the passphrase"),
            (
                "paragraph",
                "<p>A <strong>passphrase</strong> made of four or five unrelated "
                "words, for example <em>maple-brass-band-wharf-light-43</em>, is both "
                "easier to remember and much harder to guess than a short, complex "
                "password. Avoid public information: the name of your municipality, "
                "your ward, your children or your hockey team.</p>",
            ),
            ("heading", "The password manager"),
            (
                "paragraph",
                "<p>Nobody can remember dozens of unique passwords. A "
                "<strong>password manager</strong> generates them, stores them "
                "encrypted and fills them in automatically on the right sites, which "
                "also helps to foil fake phishing sites. You only have one passphrase "
                "left to remember, protected by multi-factor "
                "authentication.</p><ul><li>Prefer the solution approved by your "
                "municipality, if there is one.</li><li>Never keep your passwords in "
                "a text file or an e-mail.</li><li>Do not share an account: each "
                "person must have their own access.</li></ul>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Practical exercise",
                    "text": "<p>List your five most important accounts (municipal "
                    "e-mail, personal e-mail, bank, council platform, social media) "
                    "and check that no two of them share the same password.</p>",
                },
            ),
        ],
    },
    "authentification-multifacteur": {
        "title": "Multi-factor authentication",
        "summary": (
            "Adding a second proof of identity blocks the vast majority of account "
            "takeovers."
        ),
        "body": [
            ("heading", "The principle"),
            (
                "paragraph",
                "<p><strong>Multi-factor authentication</strong> (MFA) requires, on "
                "top of the password, a second proof of identity: a code generated by "
                "an app, a notification to approve on your phone or a physical "
                "security key. Even if your password is stolen, the attacker cannot "
                "sign in without this second factor.</p>",
            ),
            ("heading", "Which accounts to protect first?"),
            (
                "paragraph",
                "<ol>"
                "<li>Your municipal and personal e-mail: they are used to reset every "
                "other account.</li>"
                "<li>The platforms where council documents circulate.</li>"
                "<li>Your bank accounts and social media, especially the public pages "
                "you use to communicate with residents.</li>"
                "</ol>",
            ),
            ("heading", "Not all methods are equal"),
            (
                "paragraph",
                "<p>A code received by text message is better than nothing, but it "
                "can be intercepted or diverted. An <strong>authenticator "
                "app</strong> or a <strong>security key</strong> offers better "
                "protection. Also beware of “notification fatigue”: if you receive an "
                "approval request you did not trigger, <strong>deny it</strong> and "
                "report it, because someone probably knows your password.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Never give out a code",
                    "text": "<p>No IT department, bank or legitimate supplier will "
                    "ever ask you to read them an authentication code over the phone. "
                    "Such a request is a sure sign of fraud.</p>",
                },
            ),
        ],
    },
    "appareils-et-communications": {
        "title": "Devices, e-mail and communications of elected officials",
        "summary": (
            "Protect your devices and keep municipal communications apart from "
            "personal use."
        ),
        "body": [
            ("heading", "Devices kept up to date and locked"),
            (
                "paragraph",
                "<p>Your phone and tablet often hold working documents, e-mails from "
                "residents and exchanges with the chief administrative officer. A few "
                "simple habits greatly reduce the risks:</p>"
                "<ul>"
                "<li>install <strong>updates</strong> as soon as they are offered;</li>"
                "<li>turn on <strong>automatic locking</strong> with a PIN or "
                "biometrics;</li>"
                "<li>turn on location and remote wipe in case of loss;</li>"
                "<li>download apps only from the official stores.</li>"
                "</ul>",
            ),
            ("heading", "Use the municipality's tools"),
            (
                "paragraph",
                "<p>Handling municipal business from a personal e-mail address raises "
                "several problems: these exchanges remain records covered by the rules "
                "on access to information, they escape the municipality's security and "
                "archiving measures, and they may expose personal information. Use the "
                "address and tools provided by the municipality for any communication "
                "related to your office.</p>",
            ),
            ("heading", "On the road and on social media"),
            (
                "paragraph",
                "<p>Avoid opening confidential documents on an unprotected public "
                "Wi-Fi network, and never leave a device unlocked and unattended. On "
                "social media, limit the information that makes spear phishing "
                "easier: travel schedules, names of relatives, details of internal "
                "processes.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "End of term",
                    "text": "<p>When an elected official leaves office, their access "
                    "must be removed promptly, and municipal documents kept on "
                    "personal devices must be returned or deleted as the municipality "
                    "directs.</p>",
                },
            ),
        ],
    },
    "plan-de-reponse-aux-incidents": {
        "title": "The incident response plan",
        "summary": (
            "Prepare before the crisis to react quickly, restore services and "
            "communicate well."
        ),
        "body": [
            ("heading", "Why a written plan?"),
            (
                "paragraph",
                "<p>During an incident, the usual systems (e-mail, directory, shared "
                "documents) may be unavailable. An <strong>incident response "
                "plan</strong>, printed and known to the key people, avoids "
                "improvisation: who decides, whom to call, what to disconnect, how to "
                "communicate.</p>",
            ),
            ("heading", "The essential components"),
            (
                "paragraph",
                "<ul>"
                "<li>A <strong>crisis team</strong> with defined roles: chief "
                "administrative officer, IT lead, communications, clerk, person in "
                "charge of the protection of personal information.</li>"
                "<li>An <strong>offline contact list</strong>: IT supplier, insurer, "
                "legal advisers, police.</li>"
                "<li>The steps of <strong>containment</strong>, analysis, restoration "
                "and return to normal, starting with essential services.</li>"
                "<li>A <strong>communication plan</strong> for staff, council and "
                "residents.</li>"
                "<li>Fallback <strong>manual procedures</strong> for critical "
                "services.</li>"
                "</ul>",
            ),
            ("heading", "The council's role during the crisis"),
            (
                "paragraph",
                "<p>During the incident, elected officials support the administration "
                "without taking its place: they receive information from the chief "
                "administrative officer, adopt the necessary resolutions (emergency "
                "spending, for example) and relay official messages rather than "
                "guesses. After the crisis, the council asks for a review and an "
                "improvement plan.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Tabletop exercise",
                    "text": "<p>Once a year, simulate a scenario (for example: "
                    "“Monday morning, every computer displays a ransom demand”) and "
                    "walk through the plan around a table. The gaps show up quickly, "
                    "without the cost of a real crisis.</p>",
                },
            ),
            (
                "paragraph",
                '<p>The <a href="https://www.cyber.gc.ca/">Canadian Centre for Cyber '
                "Security</a> publishes free guides to help small organisations "
                "prepare their plan and report an incident.</p>",
            ),
        ],
    },
    "loi-25-obligations": {
        "title": "Law 25: the municipality's obligations",
        "summary": (
            "Know the main obligations on the protection of personal information and "
            "on confidentiality incidents."
        ),
        "body": [
            ("heading", "A law that also applies to municipalities"),
            (
                "paragraph",
                "<p>The <em>Act to modernize legislative provisions as regards the "
                "protection of personal information</em>, known as <strong>Law "
                "25</strong>, amended the access to information act that applies to "
                "public bodies, municipalities included. Its obligations came into "
                "force gradually between 2022 and 2024.</p>",
            ),
            (
                "heading",
                "The person in charge of the protection of personal information",
            ),
            (
                "paragraph",
                "<p>In a public body, the person with the highest authority is, by "
                "virtue of office, the <strong>person in charge of the protection of "
                "personal information</strong>. In a municipality, this is the mayor, "
                "who may delegate the function in writing, often to the clerk. This "
                "person's title and contact information must be easy for residents to "
                "find.</p>",
            ),
            ("heading", "The main obligations"),
            (
                "paragraph",
                "<ul><li>Adopt and publish <strong>governance rules</strong> for "
                "personal information.</li><li>Carry out a <strong>privacy impact "
                "assessment</strong> (PIA) before any project to acquire or overhaul "
                "a system that processes personal information.</li><li>In the event "
                "of a <strong>confidentiality incident</strong>, act quickly to "
                "reduce the risk and, if there is a risk of serious injury, notify "
                "the Commission d’accès à l’information and the persons "
                "concerned.</li><li>Keep a <strong>register of confidentiality "
                "incidents</strong>, including those that present no risk of serious "
                "injury.</li></ul>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "To learn more",
                    "text": '<p>The <a href="https://www.cai.gouv.qc.ca/">Commission '
                    "d’accès à l’information</a> publishes guides, incident report "
                    "forms and tools for carrying out a PIA.</p>",
                },
            ),
        ],
    },
    "questions-a-la-direction-generale": {
        "title": "The questions the council should ask its general management",
        "summary": (
            "Play your oversight role with a few simple questions and regular "
            "follow-up."
        ),
        "body": [
            ("heading", "Oversee without interfering"),
            (
                "paragraph",
                "<p>The council does not manage IT security day to day, but it must "
                "make sure someone does. A good practice is to put cybersecurity on "
                "the agenda of a working session at least once a year and to ask the "
                "chief administrative officer for a status report.</p>",
            ),
            ("heading", "Ten questions to start the discussion"),
            (
                "paragraph",
                "<ol>"
                "<li>Who is responsible for IT security, and what resources does this "
                "person have?</li>"
                "<li>Is multi-factor authentication turned on for every account, "
                "elected officials' included?</li>"
                "<li>Do our backups follow the 3-2-1 rule, and when did we last test a "
                "restore?</li>"
                "<li>Are security updates applied within a set time?</li>"
                "<li>Do we have an incident response plan, and has it been tested?</li>"
                "<li>Do staff receive regular training on phishing?</li>"
                "<li>What procedure governs changes to suppliers' banking "
                "details?</li>"
                "<li>Who acts as the person in charge of the protection of personal "
                "information, and is the incident register kept?</li>"
                "<li>Do our contracts with IT suppliers include security requirements "
                "and incident notification?</li>"
                "<li>Are we covered by cyber-risk insurance, and on what "
                "conditions?</li>"
                "</ol>",
            ),
            ("heading", "Turn the answers into an action plan"),
            (
                "paragraph",
                "<p>The answers make it possible to set realistic priorities and to "
                "plan the sums needed in the budget. Ask for follow-up on the agreed "
                "actions at regular intervals: cybersecurity is an ongoing effort, "
                "not a one-off project.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Leading by example",
                    "text": "<p>When elected officials turn on multi-factor "
                    "authentication themselves and take the training, the message to "
                    "all staff is clear: security is everyone's business.</p>",
                },
            ),
        ],
    },
    "ville-intelligente-au-service-des-citoyens": {
        "title": "The smart city, first at the service of citizens",
        "summary": (
            "A smart city uses data and digital tools to better meet its population's "
            "needs."
        ),
        "body": [
            ("heading", "Beyond the gadgets"),
            (
                "paragraph",
                "<p>The phrase “smart city” often brings to mind sensors, dashboards "
                "and self-driving vehicles. Yet a successful approach always starts "
                "with a <strong>concrete problem</strong> that residents live with: a "
                "wait that is too long, information that is hard to find, "
                "infrastructure poorly maintained for lack of reliable data.</p>",
            ),
            ("heading", "Four pillars"),
            (
                "paragraph",
                "<ul>"
                "<li><strong>Needs</strong>: start from real uses and measure the "
                "benefits for residents.</li>"
                "<li><strong>Data</strong>: collect, manage and share it "
                "responsibly.</li>"
                "<li><strong>Technology</strong>: choose open, interoperable solutions "
                "sized for the municipality.</li>"
                "<li><strong>Governance</strong>: frame decisions, privacy protection "
                "and public participation.</li>"
                "</ul>",
            ),
            ("heading", "Examples on a human scale"),
            (
                "paragraph",
                "<p>A municipality can publish the condition of its outdoor rinks "
                "online, warn residents of a boil-water advisory by text message, "
                "track the water use of its buildings or plan road maintenance from a "
                "georeferenced inventory. None of these projects needs a large team, "
                "but all of them rely on well-kept data.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "The right question to ask",
                    "text": "<p>Before any technology project, ask: “Which residents' "
                    "problem are we solving, and how will we know it worked?”</p>",
                },
            ),
        ],
    },
    "quest-ce-qu-une-donnee-ouverte": {
        "title": "What is open data?",
        "summary": (
            "Open data is available free of charge, in a usable format, and reusable "
            "by everyone."
        ),
        "body": [
            ("heading", "A simple definition"),
            (
                "paragraph",
                "<p><strong>Open data</strong> is data published by an organisation "
                "so that anyone can view, reuse and redistribute it, free of charge "
                "and with no restriction other than crediting the source. It is "
                "mostly factual data: the list of parks, waste collection, permits "
                "issued, the budget, cultural venues.</p>",
            ),
            ("heading", "The essential features"),
            (
                "paragraph",
                "<ul><li><strong>Accessible</strong>: available online, with no "
                "mandatory registration.</li><li><strong>Machine-readable</strong>: "
                "in a format such as CSV, JSON or GeoJSON rather than a PDF or an "
                "image.</li><li><strong>Open</strong>: in a non-proprietary format "
                "and under a licence that allows reuse.</li><li><strong>Documented "
                "and up to date</strong>: with a description, and updated at a known "
                "frequency.</li></ul>",
            ),
            ("heading", "Why open your data?"),
            (
                "paragraph",
                "<p>Opening your data strengthens <strong>transparency</strong>, "
                "reduces repeated access requests, makes work easier between "
                "departments and with partners (RCMs, organisations, researchers) and "
                "lets businesses or residents build useful applications. Often, the "
                "first user of open data is… the municipality itself.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Open does not mean publishing everything",
                    "text": "<p>Personal information, confidential information and "
                    "some sensitive data about the security of infrastructure are not "
                    "published. Openness applies to the data that can be opened "
                    "without risk.</p>",
                },
            ),
        ],
    },
    "donnees-quebec-et-licences": {
        "title": "Données Québec and the CC BY 4.0 licence",
        "summary": (
            "Use the Données Québec portal and a recognised open licence to publish "
            "your data."
        ),
        "body": [
            ("heading", "A shared portal"),
            (
                "paragraph",
                '<p><a href="https://www.donneesquebec.ca/">Données Québec</a> is '
                "Québec's open data portal. It brings together the datasets of the "
                "Québec government, municipalities and other public bodies. A "
                "municipality can publish its data there without building and "
                "maintaining its own portal, which is especially useful for small "
                "organisations.</p>",
            ),
            ("heading", "What the licence is for"),
            (
                "paragraph",
                "<p>Without an explicit licence, a user does not know what they may "
                "do with the data. The <strong>Creative Commons Attribution "
                "4.0</strong> licence (CC BY 4.0), widely used on Données Québec, "
                "allows the data to be copied, modified and reused, commercial "
                "purposes included, on the sole condition of <strong>crediting the "
                "source</strong>.</p>",
            ),
            ("heading", "Choose a recognised licence"),
            (
                "paragraph",
                "<p>Writing your own licence is not recommended: it creates legal "
                "uncertainty and makes it harder to combine data across organisations. "
                "A standard licence, known to reusers, encourages the use of the data "
                "and simplifies the work of the clerk's office and legal "
                "services.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Learn from others",
                    "text": "<p>Browse the datasets already published by "
                    "municipalities of a size comparable to yours: you will find "
                    "description templates, formats and update frequencies worth "
                    "copying.</p>",
                },
            ),
        ],
    },
    "inventaire-des-donnees": {
        "title": "Taking an inventory of data",
        "summary": (
            "Know what data the municipality holds, where it is and who is "
            "responsible for it."
        ),
        "body": [
            ("heading", "You can only manage what you know"),
            (
                "paragraph",
                "<p>Municipal data is scattered: taxation and permit software, the "
                "request system, public works Excel files, planning department maps, "
                "recreation registers. The <strong>inventory</strong> gives an "
                "overview of it and is the basis of any open data initiative.</p>",
            ),
            ("heading", "A four-step approach"),
            (
                "paragraph",
                "<ol><li>Meet each department to list the main data "
                "sources.</li><li>For each one, note its name, content, format, "
                "update frequency and the person responsible.</li><li>Classify the "
                "data: publishable, publishable after processing (anonymisation, "
                "aggregation) or not publishable.</li><li>Set priorities according to "
                "public demand, ease of publication and value for the "
                "departments.</li></ol>",
            ),
            ("heading", "Where to start?"),
            (
                "paragraph",
                "<p>The most requested datasets are also among the simplest: the "
                "collection calendar, the list of parks and facilities, public "
                "places, building permits issued (without personal information), the "
                "budget and financial statements. Three to five well-kept datasets "
                "are worth more than fifty left to gather dust.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "An immediate gain",
                    "text": "<p>The inventory often reveals duplicates and files kept "
                    "in parallel by several departments. Fixing this improves "
                    "internal efficiency, even before anything is published.</p>",
                },
            ),
        ],
    },
    "qualite-et-metadonnees": {
        "title": "Quality and metadata",
        "summary": "Reliable, well-documented data earns trust and is actually reused.",
        "body": [
            ("heading", "The dimensions of quality"),
            (
                "paragraph",
                "<ul>"
                "<li><strong>Accuracy</strong>: the values reflect reality.</li>"
                "<li><strong>Completeness</strong>: no essential records or fields are "
                "missing.</li>"
                "<li><strong>Timeliness</strong>: the data is updated at the announced "
                "pace.</li>"
                "<li><strong>Consistency</strong>: the same date formats, street names "
                "and units from one file to the next.</li>"
                "</ul>",
            ),
            ("heading", "Metadata, the data's user manual"),
            (
                "paragraph",
                "<p><strong>Metadata</strong> describes the dataset: title, "
                "description, responsible department, update date, frequency, "
                "geographic coverage, licence and contact person. A <strong>data "
                "dictionary</strong> explains each column: its name, meaning, format "
                "and possible values. Without this information, even accurate data "
                "remains hard to use.</p>",
            ),
            ("heading", "A few good format practices"),
            (
                "paragraph",
                "<p>Use a clear header row, one piece of information per column, the "
                "YYYY-MM-DD date format, UTF-8 encoding to keep accents, and "
                "geographic coordinates in a stated reference system. Avoid merged "
                "cells, colours that carry meaning and totals inserted in the middle "
                "of the data.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Stale data undermines trust",
                    "text": "<p>A dataset published and then forgotten sends the "
                    "wrong signal. Name a person responsible for each dataset and "
                    "automate the extraction where possible.</p>",
                },
            ),
        ],
    },
    "vie-privee-et-donnees-sensibles": {
        "title": "Protecting privacy and sensitive data",
        "summary": (
            "Assess re-identification and security risks before every publication."
        ),
        "body": [
            ("heading", "Removing names is not enough"),
            (
                "paragraph",
                "<p>A dataset can make it possible to recognise a person even without "
                "their name: a precise address, a date and a type of intervention are "
                "sometimes enough, especially in a small municipality where "
                "“everybody knows everybody”. This is the risk of "
                "<strong>re-identification</strong>, which grows when several "
                "datasets are combined.</p>",
            ),
            ("heading", "Protection techniques"),
            (
                "paragraph",
                "<ul><li><strong>Aggregate</strong>: publish totals by area or by "
                "month rather than individual "
                "records.</li><li><strong>Generalise</strong>: replace the address "
                "with the street segment or the "
                "neighbourhood.</li><li><strong>Suppress small numbers</strong>: hide "
                "the cells that concern only one or two "
                "people.</li><li><strong>Remove needless fields</strong>: publish "
                "only what reusers actually need.</li></ul>",
            ),
            ("heading", "A framework to respect"),
            (
                "paragraph",
                "<p>Publication must respect the rules on the protection of personal "
                "information strengthened by Law 25. When in doubt, consult the person "
                "in charge of the protection of personal information. Think of "
                "<strong>security</strong> too: some details about water networks or "
                "critical facilities must not be made public.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "A checklist",
                    "text": "<p>Before each publication, have a second person validate "
                    "the dataset with a short checklist: personal information, risk of "
                    "re-identification, security, accuracy, metadata.</p>",
                },
            ),
        ],
    },
    "capteurs-et-gouvernance": {
        "title": "Sensors and connected objects: govern before installing",
        "summary": (
            "Frame the purpose, proportionality and transparency of the sensors "
            "deployed on the territory."
        ),
        "body": [
            ("heading", "Many uses"),
            (
                "paragraph",
                "<p>Smart water meters, level probes in pumping stations, bicycle and "
                "pedestrian counters, air quality sensors, connected parking, traffic "
                "cameras: sensors can improve infrastructure maintenance and planning. "
                "They also raise questions of privacy, security and long-term "
                "cost.</p>",
            ),
            ("heading", "The principles to set"),
            (
                "paragraph",
                "<ul><li><strong>Purpose</strong>: each sensor meets a specific, "
                "documented need.</li><li><strong>Proportionality</strong>: collect "
                "the minimum data needed; a passage counter is better than a camera "
                "if all you want is to count.</li><li><strong>Assessment</strong>: a "
                "PIA is carried out when personal information may be "
                "collected.</li><li><strong>Security</strong>: devices are updated, "
                "default passwords are changed and the network is "
                "segmented.</li><li><strong>Life cycle</strong>: maintenance, "
                "replacement and removal of the equipment are planned.</li></ul>",
            ),
            ("heading", "Transparency towards residents"),
            (
                "paragraph",
                "<p>Keep a <strong>public register of sensors</strong> stating their "
                "location, function, the data collected and how long it is kept, and "
                "put up signs on site. People accept a technology they understand more "
                "readily.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Beware of the pilot project with no future",
                    "text": "<p>A pilot project offered free of charge can lead to "
                    "large subscription, connectivity and maintenance fees "
                    "afterwards. Assess the total cost over the equipment's lifetime "
                    "before saying yes.</p>",
                },
            ),
        ],
    },
    "contrats-et-maitrise-des-donnees": {
        "title": "Contracts: staying in control of your data",
        "summary": (
            "Provide in technology contracts for access to, ownership, portability "
            "and security of the data."
        ),
        "body": [
            ("heading", "The risk of dependence"),
            (
                "paragraph",
                "<p>More and more municipal services rely on cloud platforms and "
                "equipment supplied by companies. Without precautions, the "
                "municipality may find itself unable to extract its own data, change "
                "suppliers or publish the data as open data.</p>",
            ),
            ("heading", "The clauses to include"),
            (
                "paragraph",
                "<ul><li>The municipality remains the <strong>owner of the "
                "data</strong> produced on its territory and through its "
                "services.</li><li>The data can be <strong>exported</strong> at any "
                "time, in an open, documented format, without excessive "
                "fees.</li><li>The supplier meets <strong>security "
                "requirements</strong> and notifies the municipality of any incident "
                "without delay.</li><li>The hosting location and subcontractors are "
                "known, and the rules on the protection of personal information are "
                "respected.</li><li>At the end of the contract, the data is handed "
                "back and then destroyed at the supplier's.</li></ul>",
            ),
            ("heading", "Favour interoperability"),
            (
                "paragraph",
                "<p>Solutions that use <strong>open standards</strong> and offer "
                "documented application programming interfaces (APIs) make it easier "
                "to connect systems and to publish open data automatically. "
                "Requirements on this must appear in the call for tenders.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Pool expertise",
                    "text": "<p>The RCM or a group of municipalities can prepare model "
                    "clauses and joint specifications. Small municipalities gain both "
                    "expertise and bargaining power.</p>",
                },
            ),
        ],
    },
    "premiers-pas-petite-municipalite": {
        "title": "First steps for a small municipality",
        "summary": (
            "A realistic roadmap that takes limited resources and rural realities "
            "into account."
        ),
        "body": [
            ("heading", "Start from the reality of the territory"),
            (
                "paragraph",
                "<p>In rural areas, the digital shift still meets concrete obstacles: "
                "some areas remain poorly served by high-speed Internet or cellular "
                "service, part of the population is not comfortable with online tools, "
                "and the municipal team sometimes counts only a few people. Any "
                "initiative must plan alternatives: paper, telephone, counter, the "
                "municipal library.</p>",
            ),
            ("heading", "A roadmap in five steps"),
            (
                "paragraph",
                "<ol>"
                "<li>Name a person responsible for data, even part time.</li>"
                "<li>Take an inventory of the main departments' data.</li>"
                "<li>Publish two or three simple datasets on Données Québec.</li>"
                "<li>Choose a first project that addresses an irritant residents know "
                "well.</li>"
                "<li>Measure the benefits and report them to the council.</li>"
                "</ol>",
            ),
            ("heading", "Do not go it alone"),
            (
                "paragraph",
                "<p>The RCM, neighbouring municipalities, municipal associations and "
                "educational institutions can support the effort: shared geomatics "
                "resources, group purchasing, interns, training. Connectivity of the "
                "territory is also a development issue on which the council can act "
                "with regional bodies and governments.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Digital inclusion first",
                    "text": "<p>A smart city leaves no one behind. Each new online "
                    "service should come with an alternative channel and, where "
                    "needed, support for people less at ease with digital tools.</p>",
                },
            ),
        ],
    },
    "empathie-et-definition": {
        "title": "Empathy and defining the problem",
        "summary": ("Understand users' real experience before looking for solutions."),
        "body": [
            ("heading", "A people-centred approach"),
            (
                "paragraph",
                "<p><strong>Design thinking</strong> is a problem-solving approach "
                "that starts from the needs of the people concerned. It unfolds in "
                "five phases: <strong>empathy</strong>, <strong>definition</strong>, "
                "<strong>ideation</strong>, <strong>prototyping</strong> and "
                "<strong>testing</strong>. These phases are not strictly linear: you "
                "often go back in light of what you learn.</p>",
            ),
            ("heading", "The empathy phase"),
            (
                "paragraph",
                "<p>The aim is to observe and listen to residents where they "
                "experience the service: at the town hall counter, at the eco-centre, "
                "on the website when applying for a permit. A few "
                "techniques:</p><ul><li>individual <strong>interviews</strong> of 20 "
                "to 30 minutes, with open questions;</li><li>discreet "
                "<strong>observation</strong> of a real journey;</li><li>the "
                "<strong>user journey map</strong>, which traces each step and the "
                "emotions felt;</li><li>putting yourself in a user's shoes, for "
                "example by filling in the municipal form without help.</li></ul>",
            ),
            ("heading", "The definition phase"),
            (
                "paragraph",
                "<p>The observations are then summed up to state the problem from the "
                "user's point of view. A useful formula: “How might we…”. For "
                "example: <em>How might we help new residents know, as soon as they "
                "arrive, which days their bins are collected?</em> A good statement "
                "is precise enough to guide the team, yet open enough to leave room "
                "for several solutions.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Listen without defending",
                    "text": "<p>During an interview, resist the urge to explain why "
                    "the service works the way it does. Your role is to understand, "
                    "not to justify.</p>",
                },
            ),
        ],
    },
    "ideation-prototypage-et-test": {
        "title": "Ideation, prototyping and testing",
        "summary": (
            "Generate many ideas, make them tangible quickly and put them to the test "
            "with users."
        ),
        "body": [
            ("heading", "Ideation: quantity before quality"),
            (
                "paragraph",
                "<p>In ideation, judgement is suspended to produce as many ideas as "
                "possible, bold ones included. The ground rules: one idea per sticky "
                "note, build on other people's ideas (“yes, and…”), aim for quantity. "
                "The ideas are then grouped by theme, and the most promising are "
                "selected, for example by a dot vote.</p>",
            ),
            ("heading", "Prototyping: make the idea concrete"),
            (
                "paragraph",
                "<p>A <strong>prototype</strong> is a quick, inexpensive version of a "
                "solution: a form drawn on paper, a poster mock-up, an acted-out "
                "scenario, a bare-bones web page. The goal is not to do it well but "
                "to learn fast: a prototype that costs an hour can prevent a failed "
                "project that would have cost hundreds.</p>",
            ),
            ("heading", "Testing: learn from users"),
            (
                "paragraph",
                "<p>The prototype is shown to five or six representative people, who "
                "are watched as they use it. Note what works, what gets stuck and the "
                "surprises. The results lead to improving the prototype, revisiting "
                "the problem statement or, sometimes, dropping an idea: that is a "
                "success too, since it will not have cost much.</p><ul><li>Ask people "
                "to “think aloud”.</li><li>Do not explain the prototype: if it needs "
                "explaining, it needs improving.</li><li>Test in several short cycles "
                "rather than in one big step.</li></ul>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "A municipal example",
                    "text": "<p>A team that wants to simplify pool permit applications "
                    "can prototype a one-page checklist, test it at the counter with a "
                    "few applicants, then add it to the website once it is clear to "
                    "everyone.</p>",
                },
            ),
        ],
    },
    "spectre-et-techniques-de-consultation": {
        "title": "The participation spectrum and consultation techniques",
        "summary": (
            "Clarify how much influence the population is offered and choose the "
            "techniques accordingly."
        ),
        "body": [
            ("heading", "Make clear what is promised to residents"),
            (
                "paragraph",
                "<p>The spectrum of public participation put forward by the "
                "International Association for Public Participation (IAP2) "
                "distinguishes several levels of influence: <strong>inform</strong>, "
                "<strong>consult</strong>, <strong>involve</strong>, "
                "<strong>collaborate</strong> and <strong>empower</strong>, that is, "
                "placing the final decision in the hands of the public. Each level "
                "carries a different promise. The worst mistake is to suggest "
                "co-creation when the decision has already been made.</p>",
            ),
            ("heading", "A range of techniques"),
            (
                "paragraph",
                "<ul><li><strong>Online and paper survey</strong>: reach many people "
                "on specific questions.</li><li><strong>Public meeting</strong>: "
                "inform and gather comments, often required by law in planning "
                "matters.</li><li><strong>Citizen café</strong>: small-table "
                "discussions on a few questions, with participants "
                "rotating.</li><li><strong>Exploratory walk</strong>: go through a "
                "place with its users to spot design and safety "
                "problems.</li><li><strong>Pop-up booth</strong>: meet people at the "
                "market, the arena or the neighbourhood "
                "party.</li><li><strong>Citizen panel</strong>: a small "
                "representative group that learns, deliberates and makes "
                "recommendations.</li></ul>",
            ),
            ("heading", "The Québec framework"),
            (
                "paragraph",
                "<p>In land use and planning, the <em>Act respecting land use planning "
                "and development</em> provides for public consultation meetings. Since "
                "2017, a municipality may also adopt a <strong>public participation "
                "policy</strong> that complies with the provincial regulation, which "
                "notably allows it to exempt some projects from referendum approval. "
                "Beyond the obligations, participation can enrich all kinds of "
                "decisions: parks, recreation, mobility, online services.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Combine techniques",
                    "text": "<p>No technique reaches everyone. Combine an online "
                    "tool, an in-person activity and a presence in busy places to "
                    "hear a variety of voices.</p>",
                },
            ),
        ],
    },
    "budget-participatif-et-coproduction": {
        "title": "Participatory budgeting and co-production",
        "summary": (
            "Give the population a real share of decision or delivery, within a "
            "clear framework."
        ),
        "body": [
            ("heading", "Participatory budgeting"),
            (
                "paragraph",
                "<p>Born in Porto Alegre, Brazil, in the late 1980s, "
                "<strong>participatory budgeting</strong> lets residents propose "
                "projects and vote to decide how part of the budget is spent, most "
                "often the capital budget. Québec municipalities of all sizes have "
                "held one. The usual steps:</p><ol><li>the council sets the envelope "
                "and the eligibility rules;</li><li>residents submit their "
                "ideas;</li><li>municipal departments assess feasibility and estimate "
                "costs;</li><li>the public votes;</li><li>the municipality carries "
                "out the chosen projects and reports on their progress.</li></ol>",
            ),
            ("heading", "The conditions for success"),
            (
                "paragraph",
                "<p>Rules published from the start, a meaningful envelope, support for "
                "the people who submit ideas, accessible voting (online and in person) "
                "and, above all, the <strong>actual delivery</strong> of the winning "
                "projects within a reasonable time. A project voted for but never "
                "carried out undermines trust for a long time.</p>",
            ),
            ("heading", "Co-producing services"),
            (
                "paragraph",
                "<p>In <strong>co-production</strong>, residents take part in "
                "delivering the service itself: green alley committees, community "
                "gardens, adopting a park or a trail, volunteers running library "
                "activities, reporting problems through a request app. The "
                "municipality provides the framework, support and resources; the "
                "community brings its time, its knowledge of the area and its "
                "energy.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Do not hand over without supporting",
                    "text": "<p>Co-production must not be a way to offload municipal "
                    "responsibilities. Provide a point of contact, suitable insurance "
                    "and recognition of volunteer commitment.</p>",
                },
            ),
        ],
    },
    "accessibilite-et-inclusion": {
        "title": "Accessibility and inclusion",
        "summary": (
            "Reduce the barriers that keep part of the population from taking part."
        ),
        "body": [
            ("heading", "Who is not in the room?"),
            (
                "paragraph",
                "<p>Participatory processes often attract the same profiles: people "
                "free in the evening, comfortable speaking in public and already "
                "involved. Young people, families, isolated seniors, immigrants, "
                "people with disabilities and evening-shift workers are often "
                "missing. The first question to ask is therefore: <em>who is missing, "
                "and why?</em></p>",
            ),
            ("heading", "Remove the barriers"),
            (
                "paragraph",
                "<ul><li><strong>Venues</strong>: wheelchair-accessible rooms, close "
                "to public transit or the village "
                "centre.</li><li><strong>Schedules</strong>: vary the times, offer "
                "childcare.</li><li><strong>Communication</strong>: plain language, "
                "large-print documents, visual aids, interpretation when "
                "needed.</li><li><strong>Multiple channels</strong>: online, by "
                "phone, on paper and in person, to allow for unequal Internet "
                "access.</li><li><strong>Partners</strong>: work through community "
                "organisations, schools and associations that know the groups less "
                "often reached.</li></ul>",
            ),
            ("heading", "A legal commitment too"),
            (
                "paragraph",
                "<p>The <em>Act to secure handicapped persons in the exercise of "
                "their rights with a view to achieving social, school and workplace "
                "integration</em> requires municipalities of 15,000 residents or more "
                "to adopt a yearly action plan to reduce barriers. Participatory "
                "processes benefit from being aligned with it, whatever the size of "
                "the municipality.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Go to the people",
                    "text": "<p>Rather than waiting for residents at the town hall, "
                    "set up a booth where they already are: school pick-up, the "
                    "grocery store, a minor hockey game, the Fête nationale.</p>",
                },
            ),
        ],
    },
    "animer-un-atelier": {
        "title": "Running a co-creation workshop",
        "summary": (
            "Prepare a facilitation plan, build a climate of trust and bring ideas "
            "together."
        ),
        "body": [
            ("heading", "Before the workshop"),
            (
                "paragraph",
                "<p>Set a precise objective and the expected deliverable (for example: "
                "three prioritised design options for the park). Prepare a timed "
                "<strong>facilitation plan</strong> and the materials (large sheets, "
                "sticky notes, pens, voting dots), and share out the roles: "
                "facilitation, note-taking, timekeeping, welcome.</p>",
            ),
            ("heading", "A typical two-hour agenda"),
            (
                "paragraph",
                "<ol>"
                "<li><strong>Welcome and framework</strong> (15 min): the objective, "
                "what is decided and what remains open, discussion rules.</li>"
                "<li><strong>Icebreaker</strong> (10 min): a simple question so that "
                "everyone speaks.</li>"
                "<li><strong>Sharing findings</strong> (20 min): what is already "
                "known.</li>"
                "<li><strong>Ideation in small groups</strong> (35 min).</li>"
                "<li><strong>Pooling and prioritising</strong> (30 min).</li>"
                "<li><strong>Next steps and a quick evaluation</strong> (10 min).</li>"
                "</ol>",
            ),
            ("heading", "During the workshop"),
            (
                "paragraph",
                "<p>The facilitator stays neutral on content and looks after the "
                "process: sharing the floor, rephrasing, refocusing. An <strong>idea "
                "parking lot</strong> posted on the wall lets you note topics outside "
                "the scope without dismissing them. Small groups of four to six people "
                "encourage quieter people to take part.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "In hybrid mode",
                    "text": "<p>If some people take part remotely, name someone to "
                    "relay their contributions and use a digital whiteboard shared "
                    "with the room so that all ideas are visible in one place.</p>",
                },
            ),
        ],
    },
    "evaluer-et-boucler-la-boucle": {
        "title": "Evaluating and closing the loop",
        "summary": (
            "Measure the quality and influence of a process and report back to the "
            "population on what was kept."
        ),
        "body": [
            ("heading", "Three angles of evaluation"),
            (
                "paragraph",
                "<ul><li><strong>Participation</strong>: how many people, and above "
                "all how diverse compared with the target "
                "population?</li><li><strong>Process</strong>: did people feel heard? "
                "Was the information clear? Were the timelines "
                "reasonable?</li><li><strong>Influence</strong>: what did the process "
                "actually change in the decision or in the service?</li></ul>",
            ),
            ("heading", "Simple tools"),
            (
                "paragraph",
                "<p>A short questionnaire at the end of each activity, an optional "
                "attendance sheet with a few demographic details, a team debrief on "
                "what worked and what should change, and a comparison between the "
                "proposals received and the final decision are often enough to draw "
                "useful lessons.</p>",
            ),
            ("heading", "Closing the loop"),
            (
                "paragraph",
                "<p>Reporting back is a step in its own right. Publish a consultation "
                "report in plain language that presents what was heard, what was kept, "
                "what was not and <strong>why</strong>. Present it to the council and "
                "share it through the same channels used to invite residents. This "
                "feedback is what makes people want to take part next time.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "You said, we did",
                    "text": "<p>A two-column table, “You said” and “We did”, is a "
                    "simple and effective way to show the real influence of public "
                    "participation.</p>",
                },
            ),
        ],
    },
}
