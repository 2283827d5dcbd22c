"""England & Wales guide, sliced from the original guide text with its wording kept.

Data only: loaded by 0002_seed_england_wales. Keys in SOURCES are referenced by items.
"""

from datetime import date

REVIEWED_ON = date(2026, 11, 25)
REVIEW_DUE = date(2027, 5, 25)

# Keys are how items below name their sources: the bare domain where the original guide named only a
# domain (needs verification), the full address where it gave one, "unnamed" where it gave none.
SOURCES = {
    "legislation.gov.uk": {
        "url": "https://legislation.gov.uk/",
        "title": "legislation.gov.uk",
        "publisher": "The National Archives",
        "needs_verification": True,
    },
    "police.uk": {
        "url": "https://police.uk/",
        "title": "police.uk",
        "publisher": "",
        "needs_verification": True,
    },
    "gov.uk": {
        "url": "https://gov.uk/",
        "title": "gov.uk",
        "publisher": "GOV.UK",
        "needs_verification": True,
    },
    "cps.gov.uk": {
        "url": "https://cps.gov.uk/",
        "title": "cps.gov.uk",
        "publisher": "Crown Prosecution Service",
        "needs_verification": True,
    },
    "nationalcrimeagency.gov.uk": {
        "url": "https://nationalcrimeagency.gov.uk/",
        "title": "nationalcrimeagency.gov.uk",
        "publisher": "National Crime Agency",
        "needs_verification": True,
    },
    "interpol.int": {
        "url": "https://interpol.int/",
        "title": "interpol.int",
        "publisher": "INTERPOL",
        "needs_verification": True,
    },
    "esafety.gov.au": {
        "url": "https://esafety.gov.au/",
        "title": "esafety.gov.au",
        "publisher": "eSafety Commissioner (Australia)",
        "needs_verification": True,
    },
    "onlineharassmentfieldmanual.pen.org": {
        "url": "https://onlineharassmentfieldmanual.pen.org/",
        "title": "onlineharassmentfieldmanual.pen.org",
        "publisher": "PEN America",
        "needs_verification": True,
    },
    "techsafety.ca": {
        "url": "https://techsafety.ca/",
        "title": "techsafety.ca",
        "publisher": "Tech Safety Canada",
        "needs_verification": True,
    },
    "rcmp.ca": {
        "url": "https://rcmp.ca/",
        "title": "rcmp.ca",
        "publisher": "Royal Canadian Mounted Police",
        "needs_verification": True,
    },
    "library.college.police.uk": {
        "url": "https://library.college.police.uk/",
        "title": "library.college.police.uk",
        "publisher": "College of Policing",
        "needs_verification": True,
    },
    "techsafety.org": {
        "url": "https://techsafety.org/",
        "title": "techsafety.org",
        "publisher": "Safety Net (NNEDV)",
        "needs_verification": True,
    },
    "copyright.gov": {
        "url": "https://copyright.gov/",
        "title": "copyright.gov",
        "publisher": "US Copyright Office",
        "needs_verification": True,
    },
    "netsafe.org.nz": {
        "url": "https://netsafe.org.nz/",
        "title": "netsafe.org.nz",
        "publisher": "Netsafe",
        "needs_verification": True,
    },
    "ic3.gov": {
        "url": "https://ic3.gov/",
        "title": "ic3.gov",
        "publisher": "FBI Internet Crime Complaint Center",
        "needs_verification": True,
    },
    "aclu.org": {
        "url": "https://aclu.org/",
        "title": "aclu.org",
        "publisher": "ACLU",
        "needs_verification": True,
    },
    "security.org": {
        "url": "https://security.org/",
        "title": "security.org",
        "publisher": "",
        "needs_verification": True,
    },
    "king5.com": {
        "url": "https://king5.com/",
        "title": "king5.com",
        "publisher": "",
        "needs_verification": True,
    },
    "tiktok.com": {
        "url": "https://tiktok.com/",
        "title": "tiktok.com",
        "publisher": "TikTok",
        "needs_verification": True,
    },
    "support.tiktok.com": {
        "url": "https://support.tiktok.com/",
        "title": "support.tiktok.com",
        "publisher": "TikTok",
        "needs_verification": True,
    },
    "newsroom.tiktok.com": {
        "url": "https://newsroom.tiktok.com/",
        "title": "newsroom.tiktok.com",
        "publisher": "TikTok",
        "needs_verification": True,
    },
    "meta.com": {
        "url": "https://meta.com/",
        "title": "meta.com",
        "publisher": "Meta",
        "needs_verification": True,
    },
    "help.x.com": {
        "url": "https://help.x.com/",
        "title": "help.x.com",
        "publisher": "X",
        "needs_verification": True,
    },
    "safety.twitch.tv": {
        "url": "https://safety.twitch.tv/",
        "title": "safety.twitch.tv",
        "publisher": "Twitch",
        "needs_verification": True,
    },
    "help.snapchat.com": {
        "url": "https://help.snapchat.com/",
        "title": "help.snapchat.com",
        "publisher": "Snap",
        "needs_verification": True,
    },
    "justice.gov": {
        "url": "https://justice.gov/",
        "title": "justice.gov",
        "publisher": "US Department of Justice",
        "needs_verification": True,
    },
    "fbi.gov": {
        "url": "https://fbi.gov/",
        "title": "fbi.gov",
        "publisher": "FBI",
        "needs_verification": True,
    },
    "coe.int": {
        "url": "https://coe.int/",
        "title": "coe.int",
        "publisher": "Council of Europe",
        "needs_verification": True,
    },
    "unnamed": {
        "url": "",
        "title": "Source not named in the original guide",
        "publisher": "",
        "needs_verification": True,
    },
    "https://www.reportfraud.police.uk/": {
        "url": "https://www.reportfraud.police.uk/",
        "title": "Report Fraud",
        "publisher": "City of London Police",
        "needs_verification": False,
    },
    "https://www.police.uk/pu/contact-the-police/report-a-crime-incident/": {
        "url": "https://www.police.uk/pu/contact-the-police/report-a-crime-incident/",
        "title": "police.uk: report a crime or incident",
        "publisher": "",
        "needs_verification": False,
    },
    "https://www.nationalcrimeagency.gov.uk": {
        "url": "https://www.nationalcrimeagency.gov.uk",
        "title": "National Crime Agency",
        "publisher": "National Crime Agency",
        "needs_verification": False,
    },
    "https://www.nationalcrimeagency.gov.uk/contact-us": {
        "url": "https://www.nationalcrimeagency.gov.uk/contact-us",
        "title": "National Crime Agency: contact us",
        "publisher": "National Crime Agency",
        "needs_verification": False,
    },
    "https://www.ncsc.gov.uk/section/about-this-website/report-scam-website": {
        "url": "https://www.ncsc.gov.uk/section/about-this-website/report-scam-website",
        "title": "NCSC: report a scam website",
        "publisher": "National Cyber Security Centre",
        "needs_verification": False,
    },
    "https://www.ofcom.org.uk/online-safety": {
        "url": "https://www.ofcom.org.uk/online-safety",
        "title": "Ofcom: online safety",
        "publisher": "Ofcom",
        "needs_verification": False,
    },
    "https://www.policeconduct.gov.uk": {
        "url": "https://www.policeconduct.gov.uk",
        "title": "Independent Office for Police Conduct",
        "publisher": "Independent Office for Police Conduct",
        "needs_verification": False,
    },
    "https://www.suzylamplugh.org/the-national-stalking-helpline": {
        "url": "https://www.suzylamplugh.org/the-national-stalking-helpline",
        "title": "The National Stalking Helpline",
        "publisher": "Suzy Lamplugh Trust",
        "needs_verification": False,
    },
    "https://www.cps.gov.uk/legal-guidance/victims-right-review-scheme": {
        "url": "https://www.cps.gov.uk/legal-guidance/victims-right-review-scheme",
        "title": "CPS: Victims' Right to Review scheme",
        "publisher": "Crown Prosecution Service",
        "needs_verification": False,
    },
    "https://www.ic3.gov": {
        "url": "https://www.ic3.gov",
        "title": "FBI Internet Crime Complaint Center (IC3)",
        "publisher": "FBI",
        "needs_verification": False,
    },
    "https://tips.fbi.gov": {
        "url": "https://tips.fbi.gov",
        "title": "FBI tips",
        "publisher": "FBI",
        "needs_verification": False,
    },
    "https://www.esafety.gov.au/report": {
        "url": "https://www.esafety.gov.au/report",
        "title": "eSafety Commissioner: report",
        "publisher": "eSafety Commissioner (Australia)",
        "needs_verification": False,
    },
    "https://netsafe.org.nz/report": {
        "url": "https://netsafe.org.nz/report",
        "title": "Netsafe: report",
        "publisher": "Netsafe",
        "needs_verification": False,
    },
    "https://105.police.govt.nz": {
        "url": "https://105.police.govt.nz",
        "title": "New Zealand Police: 105",
        "publisher": "New Zealand Police",
        "needs_verification": False,
    },
}

JURISDICTION = {"name": "England & Wales", "slug": "england-and-wales", "sources": ["legislation.gov.uk", "gov.uk"]}

TAGS = [
    ("threats", "Threats"),
    ("stalking", "Stalking"),
    ("harassment", "Harassment"),
    ("doxxing", "Doxxing"),
    ("impersonation", "Impersonation"),
    ("blackmail-sextortion", "Blackmail and sextortion"),
    ("defamation", "Defamation"),
    ("fraud", "Fraud"),
]

SNIPPETS = [
    {
        "key": "tagline",
        "kicker": "FalseOS",
        "title": "Expose the lies. Report the abuse.",
        "body": "",
        "sources": ["police.uk"],
    },
    {
        "key": "home-intro",
        "kicker": "Online harassment reporting guide",
        "title": "Reporting online harassment in England & Wales",
        "body": "Step-by-step, source-backed guidance: where to file, the exact offences to name, and how to escalate "
        "until your case is assigned.",
        "sources": ["police.uk"],
    },
    {
        "key": "urgent-banner",
        "kicker": "Urgent",
        "title": "In immediate danger? Call 999 now.",
        "body": "999 (call and ask for the police if you or someone else is in immediate danger or a crime is in "
        "progress). 112 also connects to the same emergency operator across the EU/UK.\n"
        "\n"
        "Most people here are not in an active emergency. To start an official record, use the non-emergency steps "
        "below.",
        "sources": ["gov.uk"],
    },
    {
        "key": "offences-intro",
        "kicker": "What to report it as",
        "title": "The offences in England & Wales",
        "body": "Use the right words. Lead with threats, stalking and doxxing, not “someone is being mean.” Tap any "
        "offence for the full elements and the official source.",
        "sources": ["legislation.gov.uk"],
    },
    {
        "key": "abroad-intro",
        "kicker": "If the person is in another country",
        "title": "Report at home, and trigger action where they are",
        "body": "",
        "sources": ["interpol.int"],
    },
    {
        "key": "ladder-intro",
        "kicker": "Keep climbing",
        "title": "If you are brushed off, do this next",
        "body": "You are entitled to be heard. Work up this ladder until your case is assigned.",
        "sources": ["police.uk"],
    },
    {
        "key": "essentials-intro",
        "kicker": "Cross-cutting essentials",
        "title": "The same for everyone: evidence, safety, platforms",
        "body": "",
        "sources": ["cps.gov.uk"],
    },
]

STEPS = [
    {
        "number": 1,
        "slug": "start-the-paper-trail",
        "title": "Start the paper trail",
        "intro": "File a non-emergency report, and do the single most important thing: get your report / reference / "
        "occurrence number. That number is the key that unlocks platforms, prosecutors, employers and protective "
        "orders.",
        "sources": ["police.uk"],
        "channels": [
            {
                "slug": "police-uk-online-report",
                "order": 1,
                "name": "Local police force online crime report (via police.uk)",
                "role": "PRIMARY paper-trail channel",
                "description": "Use the online report form for non-emergency stalking, harassment, threats, "
                "defamatory/abusive content. For stalking/harassment many forces use a dedicated "
                "'Report online' button that triages you to the right form. CRITICAL for a paper "
                "trail: at the end of the report ASK FOR and record the crime reference number / "
                "occurrence / log number; the report is handled by the control room the same as if "
                "you spoke to an officer. Keep screenshots and evidence.",
                "gives_reference": "yes",
                "url": "https://www.police.uk/",
                "phone": "",
                "email": "",
                "contact_note": "",
                "sources": ["police.uk"],
            },
            {
                "slug": "101",
                "order": 2,
                "name": "101 non-emergency police phone line",
                "role": "Non-emergency police phone line",
                "description": "Call 101 to report a non-emergency crime or get advice and to generate an official "
                "log. Ask for a crime/incident reference number. Also the route for Scotland fraud "
                "reporting (Police Scotland).",
                "gives_reference": "yes",
                "url": "",
                "phone": "101",
                "email": "",
                "contact_note": "101 (24/7, UK only)",
                "sources": ["gov.uk"],
            },
            {
                "slug": "crimestoppers",
                "order": 3,
                "name": "Crimestoppers (anonymous, third-party)",
                "role": "Anonymous, third-party",
                "description": "Anonymous reporting if you do not want to give your details. NOTE: This does NOT "
                "create a victim crime report or give YOU a personal crime reference number, so it is "
                "not the channel for starting your own official paper trail; use 101 or local-force "
                "online report for that.",
                "gives_reference": "no",
                "url": "https://crimestoppers-uk.org/",
                "phone": "",
                "email": "",
                "contact_note": "",
                "sources": ["gov.uk"],
            },
            {
                "slug": "report-fraud",
                "order": 4,
                "name": "Report Fraud (national fraud & cyber-crime reporting service run by City of London Police - "
                "replaces Action Fraud)",
                "role": "Use for extortion/blackmail, identity fraud, online scams",
                "description": "Use for fraud, online extortion/sextortion demanding money, identity fraud/identity "
                "theft, and cyber-dependent crime. Generates a reference number for your paper trail. "
                "Covers England, Wales and Northern Ireland; Scotland callers report to Police "
                "Scotland on 101. Report Fraud went live 4 December 2025 with Action Fraud traffic "
                "redirecting and a full public launch in January 2026.",
                "gives_reference": "yes",
                "url": "https://www.reportfraud.police.uk/",
                "phone": "0300 123 2040",
                "email": "",
                "contact_note": "",
                "sources": ["gov.uk"],
            },
        ],
    },
    {
        "number": 2,
        "slug": "file-with-the-national-body",
        "title": "File with the national cybercrime body",
        "intro": "File here in addition to, not instead of, your local police report.",
        "sources": ["https://www.reportfraud.police.uk/"],
        "channels": [
            {
                "slug": "report-fraud-national",
                "order": 1,
                "name": "Report Fraud (operated by City of London Police; the national lead force for fraud)",
                "role": "INTAKE + TRIAGE + INTELLIGENCE, generally NOT a direct investigator of individual reports",
                "description": "INTAKE + TRIAGE + INTELLIGENCE, generally NOT a direct investigator of individual "
                "reports. National reporting front door for fraud and cyber-crime (replaced Action "
                "Fraud; full public launch January 2026, redirects began 4 Dec 2025). Reports are "
                "assessed by the Report Fraud National Crime Analysis Service (N-CAS) and "
                "disseminated to local forces or specialist units; serious/complex cases are flagged "
                "for investigation. A victim support service is provided. Phone unchanged from Action "
                "Fraud (0300 123 2040).",
                "gives_reference": "yes",
                "url": "https://www.reportfraud.police.uk/",
                "phone": "0300 123 2040",
                "email": "",
                "contact_note": "0300 123 2040",
                "sources": ["https://www.reportfraud.police.uk/"],
            },
            {
                "slug": "nca",
                "order": 2,
                "name": "National Crime Agency (NCA)",
                "role": "Investigates the most serious and organised cyber-crime, not individual intake",
                "description": "Investigates the most serious and organised cyber-crime; leads, supports and "
                "coordinates the UK response to serious/organised crime including cybercrime and "
                "economic crime that crosses borders. The public does NOT report routine cybercrime "
                "directly to the NCA - the NCA directs victims to local police (101/999) or Report "
                "Fraud; it acts on intelligence and serious-organised-crime cases, not individual "
                "intake.",
                "gives_reference": "n/a",
                "url": "https://www.nationalcrimeagency.gov.uk/",
                "phone": "",
                "email": "",
                "contact_note": "Via https://www.nationalcrimeagency.gov.uk/contact-us (no public victim-intake "
                "hotline; use 101/999/Report Fraud to report)",
                "sources": ["https://www.nationalcrimeagency.gov.uk/contact-us"],
            },
            {
                "slug": "ncsc-sers",
                "order": 3,
                "name": "National Cyber Security Centre (NCSC) - Suspicious Email Reporting Service (SERS) / "
                "phishing reporting",
                "role": "INTAKE + TECHNICAL TAKEDOWN, not a criminal investigator of harassment",
                "description": "INTAKE + TECHNICAL TAKEDOWN, not a criminal investigator of harassment. Receives "
                "reports of scam/phishing emails, texts and websites; can investigate and remove "
                "malicious sites and shares intelligence with the NCA and City of London Police. Not "
                "the channel for harassment/threats/doxxing - it is for scam/phishing infrastructure.",
                "gives_reference": "n/a",
                "url": "https://www.ncsc.gov.uk/",
                "phone": "",
                "email": "report@phishing.gov.uk",
                "contact_note": "Report scam emails to report@phishing.gov.uk; scam texts to 7726; scam websites via "
                "https://www.ncsc.gov.uk/section/about-this-website/report-scam-website",
                "sources": ["https://www.ncsc.gov.uk/section/about-this-website/report-scam-website"],
            },
            {
                "slug": "ofcom",
                "order": 4,
                "name": "Ofcom (Online Safety Act 2023 regulator)",
                "role": "PLATFORM REGULATOR, NOT an individual-complaint body",
                "description": "PLATFORM REGULATOR, NOT an individual-complaint body and does NOT investigate your "
                "specific case or give you a personal remedy. Regulates social-media and search "
                "platforms' duties to remove illegal content (including harassment, threats, "
                "intimate-image abuse). Can fine platforms up to 10% of qualifying worldwide revenue "
                "(or 18 million pounds, whichever is greater) and, in extreme cases, seek court "
                "orders to block a service. Victims still report the crime to police; Ofcom handles "
                "systemic platform compliance. Illegal-content duties live since 17 March 2025.",
                "gives_reference": "n/a",
                "url": "https://www.ofcom.org.uk/online-safety",
                "phone": "",
                "email": "",
                "contact_note": "https://www.ofcom.org.uk/online-safety (platform-level complaints/compliance, not "
                "individual victim intake)",
                "sources": ["gov.uk", "https://www.ofcom.org.uk/online-safety"],
            },
        ],
    },
]

OFFENCES = [
    {
        "slug": "harassment",
        "order": 1,
        "title": "Criminal harassment",
        "act": "Protection from Harassment Act 1997",
        "section": "s.2 (offence of harassment), breaching the s.1 prohibition",
        "kind": "criminal",
        "mode_of_trial": "summary",
        "classification": "Criminal (summary)",
        "max_penalty": "Summary only: imprisonment up to 6 months, or a fine up to level 5 on the standard scale "
        "(unlimited), or both.",
        "covers": "Pursuing a course of conduct that amounts to harassment of another which the defendant knows or ought "
        "to know amounts to harassment.",
        "key_elements": "Requires a 'course of conduct' (conduct on at least two occasions, or against two persons once "
        "each under s.1(1A)); the conduct must amount to harassment; mens rea is objective - defendant "
        "knows OR ought to know (reasonable-person test) it amounts to harassment. Statutory defences in "
        "s.1(3) (e.g. preventing/detecting crime, lawful authority, reasonableness).",
        "tags": ["harassment"],
        "sources": ["legislation.gov.uk"],
    },
    {
        "slug": "stalking",
        "order": 2,
        "title": "Stalking",
        "act": "Protection from Harassment Act 1997",
        "section": "s.2A (offence of stalking)",
        "kind": "criminal",
        "mode_of_trial": "summary",
        "classification": "Criminal (summary)",
        "max_penalty": "Summary only: imprisonment up to 51 weeks (in practice 6 months until the relevant "
        "magistrates'-powers provisions are commenced), or a fine up to level 5 (unlimited), or both.",
        "covers": "A course of conduct that amounts to harassment AND amounts to stalking (i.e. involves acts associated "
        "with stalking).",
        "key_elements": "Course of conduct amounting to harassment; the acts are 'associated with stalking' per the "
        "s.2A(3) non-exhaustive list: following; contacting/attempting contact by any means; publishing "
        "material relating to or purporting to come from the person; monitoring use of "
        "internet/email/electronic communication; loitering; interfering with property; watching or "
        "spying. Objective mens rea (knows or ought to know).",
        "tags": ["stalking", "harassment"],
        "sources": ["legislation.gov.uk"],
    },
    {
        "slug": "stalking-fear-of-violence",
        "order": 3,
        "title": "Stalking / harassment causing fear of violence (aggravated)",
        "act": "Protection from Harassment Act 1997",
        "section": "s.4 (putting people in fear of violence) and s.4A (stalking involving fear of violence or serious "
        "alarm/distress)",
        "kind": "criminal",
        "mode_of_trial": "either-way",
        "classification": "Criminal (either-way)",
        "max_penalty": "Either-way. On indictment: imprisonment up to 10 years, or a fine, or both. On summary conviction: "
        "up to the general magistrates' court limit (6 months for older offences), or a fine up to the "
        "statutory maximum, or both.",
        "covers": "s.4: course of conduct causing another to fear, on at least two occasions, that violence will be used "
        "against them. s.4A: stalking that either causes fear of violence (on at least two occasions) OR causes "
        "serious alarm or distress with a substantial adverse effect on the victim's usual day-to-day "
        "activities.",
        "key_elements": "Course of conduct (s.4) / stalking (s.4A); causes the victim either to fear violence on at least "
        "two occasions, or (s.4A) serious alarm or distress substantially affecting daily activities; "
        "objective mens rea (defendant knows or ought to know). Statutory defences (crime "
        "prevention/detection, legal authority, reasonable protection of self/others/property).",
        "tags": ["stalking", "harassment", "threats"],
        "sources": ["legislation.gov.uk"],
    },
    {
        "slug": "threatening-communications",
        "order": 4,
        "title": "Criminal threats / death threats / threatening communications",
        "act": "Online Safety Act 2023",
        "section": "s.181 (threatening communications offence)",
        "kind": "criminal",
        "mode_of_trial": "either-way",
        "classification": "Criminal (either-way)",
        "max_penalty": "On indictment: imprisonment up to 5 years, or a fine, or both. On summary conviction (England & "
        "Wales): up to the general magistrates' court limit, or a fine, or both.",
        "covers": "Sending a message that conveys a threat of death or serious harm, intending or being reckless as to "
        "whether the recipient (or another seeing it) would fear the threat would be carried out. In force 31 "
        "January 2024.",
        "key_elements": "(1) sends a message (broadly defined, s.182); (2) the message conveys a threat of death or "
        "'serious harm' (GBH, rape, assault by penetration, or serious financial loss); (3) mens rea - "
        "intends an individual to fear the threat would be carried out, OR is reckless as to whether they "
        "would fear it. Defence where the threat is used to reinforce a reasonable demand and the "
        "defendant reasonably believed it a proper means.",
        "tags": ["threats"],
        "sources": ["legislation.gov.uk"],
    },
    {
        "slug": "malicious-communications",
        "order": 5,
        "title": "Criminal threats / threatening or grossly offensive electronic messages (alternative charge)",
        "act": "Malicious Communications Act 1988",
        "section": "s.1 (offence of sending letters etc with intent to cause distress or anxiety)",
        "kind": "criminal",
        "mode_of_trial": "either-way",
        "classification": "Criminal (either-way)",
        "max_penalty": "On indictment: imprisonment up to 2 years, or a fine, or both. On summary conviction: imprisonment "
        "up to 12 months (12-month limit applies to offences on/after 2 May 2022; 6 months for earlier "
        "offences), or a fine, or both.",
        "covers": "Sending to another a letter, electronic communication or article that is indecent, grossly offensive, "
        "threatening, or contains information known/believed to be false, with purpose of causing distress or "
        "anxiety.",
        "key_elements": "Sends a message/article (including electronic communication); content is indecent or grossly "
        "offensive, OR a threat, OR known/believed-false information; mens rea is purpose (one of the "
        "purposes) of causing distress or anxiety to the recipient or intended recipient. A single message "
        "suffices (no course of conduct required, unlike PHA).",
        "tags": ["threats", "harassment"],
        "sources": ["legislation.gov.uk"],
    },
    {
        "slug": "improper-use-of-communications-network",
        "order": 6,
        "title": "Criminal threats / improper use of communications network (alternative charge)",
        "act": "Communications Act 2003",
        "section": "s.127 (improper use of public electronic communications network)",
        "kind": "criminal",
        "mode_of_trial": "summary",
        "classification": "Criminal (summary)",
        "max_penalty": "Summary only: imprisonment up to 6 months, or a fine up to level 5 (unlimited), or both.",
        "covers": "s.127(1): sending by a public electronic communications network a message that is grossly offensive or "
        "of an indecent, obscene or menacing character. s.127(2): sending a known-false message, or persistently "
        "using the network, to cause annoyance, inconvenience or needless anxiety.",
        "key_elements": "Message sent over a public electronic communications network; s.127(1) content is grossly "
        "offensive/indecent/obscene/menacing; s.127(2) requires purpose of causing "
        "annoyance/inconvenience/needless anxiety. NOTE: s.127(2)(a)-(b) (false-message limb) were "
        "repealed (E.W.N.I.) on 31 January 2024 by the Online Safety Act 2023, with the new OSA "
        "false/threatening communications offences taking precedence. s.127(1) (grossly "
        "offensive/menacing) remains in force.",
        "tags": ["threats", "harassment"],
        "sources": ["legislation.gov.uk"],
    },
    {
        "slug": "defamation",
        "order": 7,
        "title": "Criminal defamation / defamatory libel",
        "act": "Coroners and Justice Act 2009 (abolishing the common-law offence); civil remedy under the Defamation Act "
        "2013",
        "section": "s.73 Coroners and Justice Act 2009 (abolition)",
        "kind": "civil",
        "mode_of_trial": "none",
        "classification": "Civil only (criminal libel abolished)",
        "max_penalty": "None (no criminal offence). Civil remedy only: damages and/or injunction; no imprisonment.",
        "covers": "DEFAMATION IS CIVIL-ONLY IN ENGLAND & WALES. The common-law criminal offences of defamatory libel (and "
        "sedition/seditious libel and obscene libel) were ABOLISHED by s.73 of the Coroners and Justice Act "
        "2009, in force 12 January 2010. There is no criminal libel charge; the remedy is a civil claim (sue for "
        "damages/injunction) under the Defamation Act 2013, which requires proof of serious harm (s.1).",
        "key_elements": "No criminal elements (offence abolished). Civil claim under Defamation Act 2013 requires: a "
        "defamatory statement published to a third party that has caused or is likely to cause 'serious "
        "harm' to reputation (s.1); defences include truth (s.2), honest opinion (s.3), publication on a "
        "matter of public interest (s.4). Note: threatening/abusive ONLINE content can still be criminal "
        "under PHA 1997, MCA 1988, Communications Act 2003 or OSA 2023 - just not as 'libel'.",
        "tags": ["defamation"],
        "sources": ["legislation.gov.uk"],
    },
    {
        "slug": "blackmail",
        "order": 8,
        "title": "Extortion / blackmail",
        "act": "Theft Act 1968",
        "section": "s.21 (blackmail)",
        "kind": "criminal",
        "mode_of_trial": "indictable",
        "classification": "Criminal (indictable only)",
        "max_penalty": "Indictable only: imprisonment up to 14 years.",
        "covers": "Making an unwarranted demand with menaces, with a view to gain for oneself or another, or with intent "
        "to cause loss to another.",
        "key_elements": "(1) a demand; (2) the demand is 'unwarranted' - it is unwarranted UNLESS the defendant believed "
        "both that they had reasonable grounds for making it AND that the use of the menaces was a proper "
        "means of reinforcing the demand; (3) 'with menaces' (threats); (4) with a view to gain or intent "
        "to cause loss (economic). Nature of the act demanded, and who is to carry out the menaces, is "
        "immaterial. Covers sextortion / 'pay or I publish' demands.",
        "tags": ["blackmail-sextortion", "threats"],
        "sources": ["legislation.gov.uk"],
    },
    {
        "slug": "identity-fraud-impersonation",
        "order": 9,
        "title": "Identity theft / identity fraud / online impersonation",
        "act": "Fraud Act 2006",
        "section": "s.1 (fraud) via s.2 (fraud by false representation)",
        "kind": "criminal",
        "mode_of_trial": "either-way",
        "classification": "Criminal (either-way)",
        "max_penalty": "Either-way. On indictment: imprisonment up to 10 years, or a fine, or both. On summary conviction: "
        "up to the general magistrates' court limit, or a fine up to the statutory maximum, or both.",
        "covers": "There is no standalone offence called 'identity theft'; identity fraud and online impersonation are "
        "prosecuted as fraud by false representation: dishonestly making a false representation (e.g. pretending "
        "to be someone else, using their identity/credentials) intending to make a gain or cause loss.",
        "key_elements": "(1) a representation that is false (untrue or misleading) - includes pretending to be another "
        "person or representing facts about identity, express or implied, and representations made to a "
        "machine/system; (2) the defendant knows it is or might be untrue/misleading; (3) dishonesty; (4) "
        "intent to make a gain for self/another OR to cause loss or risk of loss to another. "
        "(Impersonation for non-financial harassment may instead be charged under PHA 1997 / s.2A stalking "
        "'publishing material purporting to originate from a person'.)",
        "tags": ["impersonation", "fraud"],
        "sources": ["legislation.gov.uk"],
    },
    {
        "slug": "doxxing",
        "order": 10,
        "title": "Doxxing (publishing private/personal information)",
        "act": "Data Protection Act 2018 (data offence) PLUS Protection from Harassment Act 1997 (when part of a "
        "campaign); also consider Computer Misuse Act 1990 s.1 where data was obtained by unauthorised access",
        "section": "DPA 2018 s.170 (unlawful obtaining etc of personal data); also PHA 1997 s.2/2A/4A",
        "kind": "criminal",
        "mode_of_trial": "varies",
        "classification": "Criminal (DPA s.170 fine-only; PHA route can be custodial)",
        "max_penalty": "DPA 2018 s.170: FINE ONLY (unlimited fine on indictment / statutory maximum summarily) - NO "
        "imprisonment and NO power of arrest for this offence (penalty per DPA 2018 s.196). The "
        "harassment/stalking route (PHA s.2A up to 51 weeks; s.4A up to 10 years on indictment) carries the "
        "custodial penalties where doxxing is part of a harassment campaign.",
        "covers": "THERE IS NO STANDALONE 'DOXXING' OFFENCE in England & Wales. Doxxing is prosecuted via existing law: "
        "(a) DPA 2018 s.170 where personal data is knowingly/recklessly obtained, disclosed, procured or "
        "retained without the data controller's consent; and (b) PHA 1997 harassment/stalking (s.2/2A) or s.4A "
        "where the doxxing is part of a course of conduct causing alarm/distress or fear of violence. The OSA "
        "2023 communications offences and CMA 1990 s.1 may also apply.",
        "key_elements": "DPA 2018 s.170: knowingly or recklessly, without the controller's consent, "
        "obtaining/disclosing/procuring disclosure of/retaining personal data; defences include crime "
        "prevention/detection, legal authority and public interest. PHA route: course of conduct amounting "
        "to harassment/stalking, objective mens rea. CMA 1990 s.1: unauthorised access to obtain the data.",
        "tags": ["doxxing", "harassment", "stalking"],
        "sources": ["legislation.gov.uk"],
    },
]

ARTICLES = [
    {
        "slug": "doxxing-status",
        "kind": "note",
        "order": 1,
        "title": "Doxxing status in England & Wales",
        "body": "No standalone 'doxxing' offence exists in England & Wales. It is prosecuted through existing law "
        "depending on facts: (1) Data Protection Act 2018 s.170 (knowingly/recklessly obtaining or disclosing "
        "personal data without the controller's consent) - but this is FINE-ONLY with no power of arrest (penalty "
        "per DPA 2018 s.196); (2) Protection from Harassment Act 1997 s.2/s.2A (harassment/stalking) or s.4A where "
        "doxxing is part of a course of conduct causing alarm/distress or fear of violence - this carries "
        "custodial penalties (s.2A up to 51 weeks; s.4A up to 10 years on indictment) and is the stronger route "
        "when doxxing is part of a harassment campaign; (3) Computer Misuse Act 1990 s.1 if the data was obtained "
        "by unauthorised access; (4) Online Safety Act 2023 communications offences (s.181 threatening "
        "communications) for the publishing/threat element. Privacy civil remedies (misuse of private information, "
        "UK GDPR) also exist alongside the criminal route. Practical advice: report doxxing to the police as "
        "harassment/stalking (with a crime reference number) rather than expecting a 'doxxing charge', and to the "
        "platform under its OSA illegal-content duties.",
        "sources": ["legislation.gov.uk"],
        "summary": "No standalone 'doxxing' offence exists in England & Wales.",
    },
    {
        "slug": "recording-your-calls",
        "kind": "note",
        "order": 2,
        "title": "Recording your calls",
        "body": "One-party consent (for personal use). A participant who records their own telephone call or conversation "
        "for personal use commits NO interception offence.",
        "sources": ["unnamed"],
        "summary": "One-party consent (for personal use).",
    },
    {
        "slug": "evidence",
        "kind": "essential",
        "order": 1,
        "title": "Documenting and preserving your evidence",
        "body": "Good documentation is the backbone of every other step. It builds the pattern that proves intent, it "
        "gives police and courts something to act on, and it survives even if the perpetrator deletes accounts. "
        "The guidance below comes from official safety and policing bodies across several countries.\n"
        "\n"
        "## Capture context, not just the bad comment\n"
        "\n"
        "Australia's eSafety Commissioner advises capturing \"the full conversation (rather than the abusive "
        'comment on its own), as well as account details, dates and times," and noting the web page address (URL) '
        "and the other person's user profile. Both screenshots and screen recordings are endorsed (screen "
        "recording is useful for content that scrolls). The practical takeaway: a good capture shows the username, "
        "the URL, and the date and time together, not a bare cropped screenshot. PEN America's Online Harassment "
        "Field Manual makes the same point about why this matters over time: documenting harassment creates a "
        'record that "alerts you and others to abuse patterns and escalations." Capturing the perpetrator\'s own '
        "words and behavior across time is how you surface intent and escalation.\n"
        "\n"
        "## Keep the original file, because metadata is provenance\n"
        "\n"
        'Tech Safety Canada advises that you "should always safely store the digital original" rather than '
        "forwarding or re-copying it, capture the person's profile URL and a visible date and time, and print or "
        'save "directly after you have captured it," because "opposing counsel could claim there was manipulation '
        'of evidence... if there was a delay." Saving the original file (rather than forwarding or screenshotting '
        "a copy) is the practical mechanism by which authenticating metadata survives. Canadian law-enforcement "
        "cyberbullying guidance (RCMP) reinforces recording dates and times, capturing full conversation context "
        "with visible timestamps, usernames, and platform, and saving originals.\n"
        "\n"
        "## Back up in more than one place\n"
        "\n"
        'Accounts and content can be deleted, so keep redundant copies. Tech Safety Canada suggests you "email or '
        'text the document to a device that you will continue to have secure access to so you have an extra copy." '
        "Canadian guidance recommends backups in multiple locations (for example cloud plus physical plus a "
        "printed hard copy kept in chronological order).\n"
        "\n"
        "## Keep a contemporaneous log\n"
        "\n"
        "UK College of Policing stalking and harassment guidance treats the victim's own diary or log of "
        "incidents, and retained correspondence from the suspect, as key evidence; officers are advised to ask "
        "victims to keep a diary and explain how to complete it, and some forces issue formal stalking and "
        "harassment diary sheets. A dated, ongoing log of incidents is recognized, valuable evidence.\n"
        "\n"
        "## Email evidence: preserve the headers\n"
        "\n"
        "Emailing a copy of evidence to yourself or a trusted contact can give you an independent third-party "
        "(mail-server) timestamp and a redundant copy. But there is an important caveat: forwarding or "
        "screenshotting an email strips or overwrites the original metadata. As the Safety Net email-evidence "
        'guidance explains, "in a forward, the original email header is replaced with a header that contains the '
        'forwarder\'s information," and "it is also not possible to uncover the header with just a screenshot or '
        'photo of the email body." To preserve provenance, keep the original message and its full headers (access '
        "the original electronic version via your webmail account, device, or email server). A self-generated "
        "email timestamp is corroborating, not conclusive.\n"
        "\n"
        "## Why a postmark (or self-mailed copy) is weak proof\n"
        "\n"
        "Mailing yourself a copy, or relying on a postmark, proves only that an item existed and was in your "
        "possession on a date. It does not prove who wrote it, that any official action was taken, or that the "
        'content is unaltered, and it is tamperable. This is the well-documented "poor man\'s copyright" fallacy: '
        'the US Copyright Office states "there is no provision in the copyright law regarding any such type of '
        'protection, and it is not a substitute for registration." The same logic applies to reporting: a postmark '
        "or self-mailed copy does not prove a crime was reported. The durable proof that a report exists is the "
        "official police report or file reference number issued by police, which you should keep for follow-up. "
        "(This police-report analogy is a reasoned synthesis of the poor-man's-copyright point plus the role of "
        "official report numbers, not a single direct citation.)\n"
        "\n"
        '## New Zealand caution: preserve before you block, and do not store "objectionable" content\n'
        "\n"
        "New Zealand's Netsafe advises screenshotting harmful content; for emails, saving both the message "
        "contents (with the date and time received) and the email headers; and recording the full URL of each "
        'page. Critically, it advises: "Contact Netsafe, or the Police first before deleting any content or '
        'blocking the abuser\'s number or profile (as this can be important evidence)." Netsafe also warns: "Do '
        "not screenshot or store content you believe is objectionable. It's illegal in NZ to store, send or share "
        'objectionable content. Instead contact Netsafe or the Department of Internal Affairs immediately." This '
        'jurisdiction-specific caution matters for any cross-border situation, because blanket "screenshot '
        'everything" advice can backfire.\n'
        "\n"
        "General legal information, not legal advice.",
        "sources": [
            "esafety.gov.au",
            "onlineharassmentfieldmanual.pen.org",
            "techsafety.ca",
            "rcmp.ca",
            "library.college.police.uk",
            "techsafety.org",
            "copyright.gov",
            "netsafe.org.nz",
        ],
        "summary": "Good documentation is the backbone of every other step.",
    },
    {
        "slug": "swatting",
        "kind": "essential",
        "order": 2,
        "title": "Swatting: protecting yourself from a fake emergency call to your home",
        "body": "Swatting is when someone makes a false emergency report (such as a hostage situation or active shooter) "
        "to send armed police to your address. If you have been doxxed or threatened, this is a real risk, and "
        "there are concrete, sourced precautions.\n"
        "\n"
        "## What the FBI advises\n"
        "\n"
        'The FBI/IC3 swatting public service announcement (29 April 2025) advises victims to "retain all '
        "information regarding the incident, such as usernames, email addresses, websites, or names of platforms "
        'used for communication, photos, or videos," to immediately report it to local law enforcement and to '
        'IC3/FBI, and to "discuss swatting with your family members or colleagues and have a plan in place in the '
        'event of law enforcement contact" at the residence. Important: this FBI PSA does not tell victims to '
        "pre-emptively register or notify police that they are a swatting target before an incident. Its "
        "preventive advice is limited to retaining incident information and having a family or colleague plan. The "
        "proactive pre-notification step below is supported by other authoritative sources, but should not be "
        "attributed to the FBI.\n"
        "\n"
        "## The proactive notification precaution\n"
        "\n"
        "The core proactive precaution is to give your local police context in advance, so that a later fake "
        "emergency call to your address is met with caution rather than a maximal armed response. The ACLU "
        'advises: "If you are concerned about this kind of attack and you trust your local police to be '
        "reasonable, consider calling your local police's nonemergency number to alert them to the likelihood of "
        'false reports about your address," and it links a verbal script to request that extra precautions be '
        'taken by first responders if a report is received about your address. The "if you trust your local police '
        'to be reasonable" caveat is worth keeping in mind. Mainstream security guides give the same advice in '
        'operational terms: "Contact your local police department. Tell them what you do for a living and that you '
        "might be a target for swatting attacks. Tell the police that if they get a call about an active threat at "
        "your home address, they should first contact you to confirm that it's true.\" The goal is to turn an "
        "unverified hostage or shooting report into one the dispatcher already knows to treat with suspicion.\n"
        "\n"
        "## Formal registries exist in some places, but are not universal\n"
        "\n"
        "Some jurisdictions offer a formal opt-in flag. The Seattle Police Department runs an opt-in anti-swatting "
        "program (launched 2018): residents who fear being targeted register their address through the Smart911 / "
        'Rave Facility system, and "when the 911 call center receives a report of a critical incident, they can '
        "dispatch responders and simultaneously check to see if residents at the address registered a concern for "
        'swatting on Rave Facility," passing that context to responding officers. Most jurisdictions, however, '
        "have no formal swatting registry. Where none exists, the realistic fallback is the ACLU's advice: call "
        "the local police non-emergency line and give them context. Do not assume a national or standard registry "
        "exists.\n"
        "\n"
        "General legal information, not legal advice.",
        "sources": [
            "ic3.gov",
            "aclu.org",
            "security.org",
            "king5.com",
        ],
        "summary": "Swatting is when someone makes a false emergency report (such as a hostage situation or active "
        "shooter) to send armed police to your address.",
    },
    {
        "slug": "linked-cases",
        "kind": "essential",
        "order": 3,
        "title": "When one person targets many: treat it as one linked case",
        "body": "If a single perpetrator is harassing several people, the strongest approach is to treat it as one "
        "connected pattern rather than a scatter of unrelated, isolated complaints. A documented multi-victim "
        "pattern is powerful evidence of intent and fixation, and the law recognizes it.\n"
        "\n"
        "## Coordinated harassment of multiple people can be one legal pattern\n"
        "\n"
        "UK Crown Prosecution Service guidance establishes that coordinated harassment of multiple victims can "
        'legally constitute a single "course of conduct." The CPS states: "Harassment may be committed against two '
        'or more persons," and "this covers collective harassment, whether directed towards members of the same '
        'family, neighbourhood, protected characteristics, trade or profession, organisation, or institution." '
        'Prosecutors are told that gathering evidence "should focus on the wider pattern of behaviour and on the '
        'cumulative impact on a victim." A campaign connected by a common motive or behavior links together as one '
        "pattern. That is precisely why a documented multi-victim pattern is strong evidence of intent and "
        "fixation.\n"
        "\n"
        "## Why a cross-victim pattern matters\n"
        "\n"
        "Criminal harassment and stalking charges typically require demonstrating a sustained course of conduct, "
        "and often a specific intent, rather than a single offensive comment. A single instance of bad language or "
        "an opinion is generally not enough on its own. A pattern across multiple complainants helps establish the "
        "sustained conduct and the intent that a single instance cannot. (The broad legal logic here is "
        "authoritative via the CPS course-of-conduct framework; specific intake-categorization wording from "
        "non-official sources should be treated as illustrative.)\n"
        "\n"
        "## Cross-referencing official report numbers\n"
        "\n"
        "When victims of the same perpetrator coordinate, the durable link between their cases is the official "
        "police report or file reference number, not the mere fact that they know each other. When you file a "
        "report, police give you a file or report number that you should keep for follow-up, and reports help "
        'police "identify patterns... repeat suspects." Co-victims cross-referencing each other\'s official '
        "reference numbers lets the forces link, retrieve, and corroborate related reports, and lets a Legat or "
        "NCB match parallel cases across borders. This cross-referencing of reference numbers is presented as "
        "best-practice reasoning grounded in two verified pillars (official report numbers exist and are kept for "
        "follow-up, and the CPS treats a one-offender, multiple-victim campaign as a single course of conduct). It "
        "is a sound operational extrapolation, not a directly quoted official instruction.\n"
        "\n"
        "General legal information, not legal advice.",
        "sources": ["cps.gov.uk", "rcmp.ca"],
        "summary": "If a single perpetrator is harassing several people, the strongest approach is to treat it as one "
        "connected pattern rather than a scatter of unrelated, isolated complaints.",
    },
    {
        "slug": "platform-reporting",
        "kind": "essential",
        "order": 4,
        "title": "Reporting to the platform: what actually forces removal",
        "body": "When someone is harassing you, impersonating you, or spreading content about you on a social platform, it "
        "helps to understand what genuinely makes a platform take content down, and what is a waste of time.\n"
        "\n"
        "## The three levers that actually force removal\n"
        "\n"
        "In practice there are only three things that force a platform to remove content or an account:\n"
        "\n"
        "1. A court order or injunction. A judge orders the content removed. This requires a lawsuit and a court.\n"
        "2. A law-enforcement request submitted through the platform's official legal portal. A sworn officer "
        "working your case submits a request through the platform's dedicated law-enforcement webform. This is why "
        "a police report and reference number matter: it is an officer with an open case, using the official "
        "portal, who can move this lever, not you directly.\n"
        "3. The platform's own Community Guidelines enforcement after a report. The platform reviews the reported "
        "content against its rules and removes it if it violates them.\n"
        "\n"
        "Of these three, Community Guidelines enforcement is the only free, immediate lever a victim can pull "
        "directly. The first two require either a lawsuit and a court, or a sworn officer with an open case. You "
        "cannot invoke the court-order or law-enforcement levers yourself.\n"
        "\n"
        "## Informal emails are ignored\n"
        "\n"
        "Do not waste time emailing a platform's general or legal@-style inbox, or messaging from a personal email "
        "address, to demand a takedown. Platforms route real legal and law-enforcement requests only through their "
        "official portals. TikTok's own Law Enforcement Guidelines state plainly that it \"will not respond to "
        "requests for user data sent by non-law enforcement officials or when they are sent through informal "
        'channels (such as personal email addresses)." Emergency law-enforcement requests must come from a sworn '
        "law-enforcement official and from an official law-enforcement email domain. The same pattern holds across "
        "platforms: Meta requires a government-issued email at facebook.com/records; X requires a government "
        "agency to use legalrequests.x.com; Twitch requires legal process served through the Amazon Law "
        'Enforcement Request Tracker and "does not accept requests... or service of process, via e-mail or fax." '
        "The informal-email path simply is not the path that gets actioned. The officer working your case is the "
        "one who uses the portal.\n"
        "\n"
        "## Report each item, per video and per comment\n"
        "\n"
        "On TikTok you can report any post (video), comment, account, or direct message for violating Community "
        'Guidelines, from the app or a web browser. Reporting is confidential: TikTok states it "will not disclose '
        "your identity to the person whose content or account you're reporting.\" To report a video: In the app, "
        "open the post, tap the Share button (or press and hold the post), tap Report, select a reason (and a "
        "subtopic if prompted), then tap Submit. On the web, hover over the More options (...) button on the "
        "video, click Report, select a reason and subtopic, then click Submit. To report a comment: TikTok has a "
        "separate, dedicated comment-report flow (press and hold the comment, then tap Report). Report harassing "
        "comments individually, per comment, rather than only reporting the video.\n"
        "\n"
        "## Impersonation has its own separate report flow\n"
        "\n"
        "If someone is pretending to be you, that is not the same as reporting a single offensive video, and it "
        "uses a different path. TikTok provides a separate impersonation report flow: go to the impersonating "
        "profile, tap the three dots (top right), tap Report, then Report account, then select the impersonation "
        'reason ("Pretending to be someone"). There is also a web impersonation form that can require a real ID '
        "and lets you list multiple fake accounts in one report. TikTok's policy bans impersonation: it \"does not "
        'allow accounts that impersonate individuals or organizations in a misleading or malicious way," while '
        "permitting clearly labeled fan or parody accounts that do not confuse users. Other platforms have their "
        "own impersonation report forms too (for example, X's impersonation reporting is filed by the impersonated "
        "person or an authorized representative).\n"
        "\n"
        "## Do not use mass-reporting tools or organize a brigade\n"
        "\n"
        'It is tempting to rally friends or use a third-party "mass report" tool or bot to pile reports onto an '
        "impersonator. It does not work, and it can backfire. TikTok's own position is explicit: \"Mass reporting "
        'content or accounts does not lead to an automatic removal or to a greater likelihood of removal" by its '
        "Safety team. Removal turns on whether the content actually violates the Community Guidelines, reviewed by "
        "human moderators, not on how many reports it receives. Mass-reporting tools violate platform policy and "
        "are the wrong move. Use the legitimate per-item report, the separate impersonation report, or the "
        "law-enforcement and court routes instead.\n"
        "\n"
        "General legal information, not legal advice.",
        "sources": [
            "tiktok.com",
            "support.tiktok.com",
            "newsroom.tiktok.com",
            "meta.com",
            "help.x.com",
            "safety.twitch.tv",
            "help.snapchat.com",
        ],
        "summary": "When someone is harassing you, impersonating you, or spreading content about you on a social platform, "
        "it helps to understand what genuinely makes a platform take content down, and what is a waste of "
        "time.",
    },
    {
        "slug": "cross-border-police-work",
        "kind": "essential",
        "order": 5,
        "title": "When the harasser is in another country: how cross-border police work moves",
        "body": "If the person harassing you lives in a different country, the case has to move between police forces. "
        "Understanding how that works tells you what to ask for and why your role is to keep your officer supplied "
        "with what they need.\n"
        "\n"
        "## You cannot self-start INTERPOL or an MLAT, only police can\n"
        "\n"
        "INTERPOL is the world's largest police organization, with 196 member countries. But it works through each "
        "country's National Central Bureau (NCB), and the public cannot report to it directly. INTERPOL's own NCB "
        'page states: "INTERPOL NCBs do not respond to requests from the general public. Anyone wishing to report '
        "a crime or provide information on an international investigation should contact their local or national "
        'police, who will in turn contact the NCB." The US side says the same: private citizens report crimes '
        "through their local police or law-enforcement agency, which may then contact INTERPOL Washington if "
        "international assistance is required. The same is true of formal evidence requests between countries. A "
        "Mutual Legal Assistance Treaty (MLAT) request can only be made by government authorities (prosecutors, "
        "investigating judges, criminal investigators) and must be transmitted through a country's legally "
        'designated Central Authority. "All requests made pursuant to MLATs must be submitted through the Central '
        'Authority," and MLATs "are not available for use by private parties." A victim cannot file an MLAT '
        "request, only the investigating officer or prosecutor can. So your leverage is the explicit ask. You "
        "cannot trigger INTERPOL or an MLAT yourself; you trigger them by getting your investigating officer to "
        "make the request.\n"
        "\n"
        "## The FBI's overseas offices (Legats) coordinate, they do not police\n"
        "\n"
        'The FBI runs legal attache (Legat) offices in "dozens of locations" around the globe, "providing coverage '
        'for more than 180 countries, territories, and islands," with about 250 special agents and support '
        "personnel stationed abroad. Legats sit in US embassies and cover the countries most relevant here, "
        "including London (covering the UK, Ireland, and the Channel Islands), Ottawa (Canada), Mexico City, "
        "Canberra (Australia), and Wellington (New Zealand). The FBI opened a standalone Legat office in "
        "Wellington on 31 July 2025; it had been a suboffice of the Canberra Legat since 2017. Crucially, Legats "
        'have no law-enforcement powers overseas. "Since FBI agents do not have traditional law enforcement powers '
        'overseas, they must rely on strong, mutually beneficial relationships with their foreign counterparts." '
        'The FBI "conducts investigations abroad only when invited by the host country. In most cases, our '
        "international partners gather evidence and make arrests on behalf of, or in close cooperation with, the "
        'Bureau." Legat duties include coordinating requests for assistance and coordinating victim assistance. '
        "They are a coordination channel, not a force that swoops in.\n"
        "\n"
        "## The US entry points: a local field office and IC3\n"
        "\n"
        "For a US-connected victim, the practical entry points are your local FBI field office and the FBI's "
        'Internet Crime Complaint Center (IC3) at ic3.gov. IC3 itself does not investigate; "trained analysts at '
        "the IC3 review and research the complaints, disseminating information to law enforcement and partner "
        'agencies, as appropriate," and "investigation and prosecution are at the discretion of the receiving '
        'agencies." IC3 explicitly accepts cross-border reports, including from "citizens of another country or '
        'who may be reporting a subject in another country." For an ongoing crime or a threat to life, contact '
        "your local field office or call 911.\n"
        "\n"
        "## Formal evidence channels differ by country\n"
        "\n"
        "Bilateral MLATs with the United States are in force for the UK (entry into force 2 December 1996), Canada "
        "(24 January 1990), Mexico (3 May 1991), and Australia (30 September 1999), but not for New Zealand. US to "
        "New Zealand formal assistance runs instead through multilateral conventions and non-treaty letters "
        "rogatory and comity. For multilateral cooperation, the Council of Europe Budapest Convention on "
        "Cybercrime provides a standing framework for cross-border preservation and exchange of electronic "
        "evidence, including a 24/7 contact-point network. Among the countries here, the US, UK, Canada, "
        "Australia, and New Zealand are parties. New Zealand became the 81st party (acceded 28 August 2025; in "
        "force for New Zealand 1 December 2025), so the multilateral channel is available US to New Zealand even "
        "though no bilateral US to New Zealand MLAT exists. Mexico is not a party to the Budapest Convention; for "
        "a Mexico-based perpetrator the correct formal evidence channel is the US to Mexico bilateral MLAT, not "
        "the Budapest Convention.\n"
        "\n"
        "## The realistic playbook\n"
        "\n"
        "Putting the verified mechanics together:\n"
        "\n"
        "- Report at home and in the perpetrator's country. Each country's police are the ones who can open the "
        "NCB or MLAT channel on their end, and IC3 explicitly accepts reports about a subject in another country.\n"
        "- Keep and cross-reference every reference and complaint number. Cross-referencing lets each force link "
        "to the parallel case so a Legat or NCB can match them.\n"
        "- Explicitly ask each investigating officer to pursue international coordination, through the "
        "NCB/INTERPOL channel, an MLAT via the Central Authority, and/or the in-country FBI Legat. You cannot "
        "self-initiate these; only the officers can.\n"
        "\n"
        "This consolidated playbook is a reasoned synthesis; each underlying mechanism is individually verified "
        "from FBI, DOJ, INTERPOL, and IC3 sources, though no single official page states the four-part script "
        "verbatim.\n"
        "\n"
        "General legal information, not legal advice.",
        "sources": [
            "interpol.int",
            "justice.gov",
            "fbi.gov",
            "ic3.gov",
            "coe.int",
        ],
        "summary": "If the person harassing you lives in a different country, the case has to move between police forces.",
    },
]

COUNTRIES = [
    {
        "slug": "united-states",
        "order": 1,
        "country": "the United States",
        "intro": "Keep doing everything above in England & Wales. At the same time, the fastest leverage often sits in the "
        "United States, where the person actually is.",
        "fastest_lever": "The fastest practical levers against a U.S.-located perpetrator are: (a) platform reporting and "
        "content removal directly to the host service (the U.S. has no general government takedown order "
        "against a private individual's speech, and platforms have Section 230 immunity for user posts, "
        "so the platform's own abuse/terms process is the front-line removal tool); and (b) a state civil "
        "or criminal protective / restraining order (a stalking or harassment protection order, process "
        "varies by state), which once issued is enforceable against the U.S.-located respondent and makes "
        "any further contact a new, more readily charged offense. Where the conduct is interstate threats "
        "or cyberstalking, a U.S. federal case (18 U.S.C. § 875(c), § 2261A) opened via the FBI is the "
        "route to criminal action and to compelling evidence from U.S. providers.",
        "how_case_reaches": "A foreign victim whose harasser is located in the United States does not file with U.S. "
        "federal agencies from abroad and wait. The reliable inbound path is police-to-police: report "
        "the matter to your own national police / cybercrime unit in your home country and ask them to "
        "channel it to U.S. authorities. Two official conduits carry it: (1) INTERPOL, where your "
        "country's National Central Bureau transmits the request to INTERPOL Washington (the U.S. NCB "
        "inside the DOJ, the U.S. contact point for the 196-member INTERPOL network), and (2) a Mutual "
        "Legal Assistance Treaty (MLAT) or letter rogatory, the formal government-to-government "
        "request handled on the U.S. side by DOJ's Office of International Affairs, used to compel "
        "evidence such as subscriber records and content from U.S. platforms. U.S. platforms (where "
        "most of the abusive content sits) are themselves in the U.S., so a U.S.-based investigation "
        "or valid U.S. legal process is the lever that reaches them. In parallel, a victim can and "
        "should file directly with the FBI Internet Crime Complaint Center (https://www.ic3.gov) and "
        "the FBI tip line (https://tips.fbi.gov); IC3 accepts international complaints and may refer "
        "them to the appropriate U.S. or partner agency.",
        "more": "There is no single U.S. government body that will unmask an anonymous account or order a takedown on a "
        "foreign victim's request without a U.S. investigation or U.S. legal process. The most effective sequence "
        "is: preserve evidence (dated screenshots, URLs, usernames, headers), report to your home-country police "
        "so they can engage INTERPOL Washington / the MLAT process, file directly with the FBI/IC3, and pursue "
        "platform removal plus a state protective order against the named or identified U.S. perpetrator.",
        "honest_truth": "you cannot contact Interpol yourself, only police can. Ask your own investigating officer to "
        "pursue international coordination, and keep them supplied with your evidence.",
        "sources": ["https://www.ic3.gov", "https://tips.fbi.gov"],
    },
    {
        "slug": "canada",
        "order": 2,
        "country": "Canada",
        "intro": "Keep doing everything above in England & Wales. At the same time, the fastest leverage often sits in "
        "Canada, where the person actually is.",
        "fastest_lever": "The fastest practical relief against content or conduct from a Canada-based perpetrator runs "
        "through (a) the Canadian police service of jurisdiction, which can investigate and charge under "
        "the Criminal Code (criminal harassment s.264, uttering threats s.264.1, extortion s.346, "
        "identity theft/fraud s.402.2/403, and for intimate-image exposure s.162.1), and (b) "
        "platform-level takedown plus provincial civil remedies. Canada has no single national takedown "
        "regulator equivalent to Australia’s eSafety or the UK’s Ofcom. For intimate images there is a "
        "Criminal Code removal/forfeiture pathway tied to s.162.1, and victims can seek provincial civil "
        "and protective remedies (peace bonds, restraining orders, provincial intimate-image laws) while "
        "a criminal investigation proceeds.",
        "how_case_reaches": "When the perpetrator is located in Canada and the victim is abroad, the foreign victim does "
        "not contact Canadian police directly. The victim reports to their OWN national police, who "
        "route a police-to-police request to Canada through INTERPOL. Canada's international channel "
        "is the INTERPOL National Central Bureau (NCB) Ottawa, run by the RCMP at National "
        "Headquarters and operating 24/7; it receives, evaluates and processes assistance requests to "
        "and from the 195 INTERPOL member countries and administers the Foreign Criminal Investigators "
        "in Canada Protocol. For obtaining EVIDENCE in Canada or extradition FROM Canada, the foreign "
        "state's central authority works through a Mutual Legal Assistance Treaty (MLAT), coordinated "
        "on the Canadian side by the federal Department of Justice International Assistance Group. For "
        "US requests, the counterpart is INTERPOL Washington (USNCB) plus FBI Legal Attache channels; "
        "NCB Ottawa and INTERPOL Washington have a standing memorandum of cooperation. The local "
        "Canadian police service of jurisdiction is the one that actually investigates a perpetrator "
        "on Canadian soil.",
        "more": "A victim cannot invoke INTERPOL or MLAT channels personally; the investigating police service and the "
        "Crown initiate INTERPOL notices and MLAT requests. The realistic victim action is to file with their own "
        "national police and provide the Canadian police service or the foreign police with the file/occurrence "
        "numbers and preserved evidence.",
        "honest_truth": "you cannot contact Interpol yourself, only police can. Ask your own investigating officer to "
        "pursue international coordination, and keep them supplied with your evidence.",
        "sources": ["interpol.int"],
    },
    {
        "slug": "australia",
        "order": 3,
        "country": "Australia",
        "intro": "Keep doing everything above in England & Wales. At the same time, the fastest leverage often sits in "
        "Australia, where the person actually is.",
        "fastest_lever": "The fastest protection lever against a perpetrator located in Australia is the eSafety "
        "Commissioner's civil removal scheme under the Online Safety Act 2021. eSafety can issue REMOVAL "
        "NOTICES to platforms and end-users under the Adult Cyber Abuse Scheme (18+), the Image-Based "
        "Abuse Scheme, the Cyberbullying Scheme (under-18) and the Online Content Scheme; non-compliant "
        "services can face civil penalties of up to 500 penalty units. For most schemes the victim must "
        "first report to the platform or service, then lodge at https://www.esafety.gov.au/report. This "
        "is a civil takedown route that runs alongside, and does not replace, a criminal police report. "
        "Note the deliberately high 'serious harm' threshold for the Adult Cyber Abuse Scheme. In "
        "parallel, where the victim fears ongoing harm, an Apprehended Violence Order (AVO) / personal "
        "safety intervention order can be sought against a locally-located perpetrator via the local "
        "court or police.",
        "how_case_reaches": "When the perpetrator is located in Australia and the victim is overseas, the foreign victim's "
        "own police refer the matter to Australian law enforcement through police-to-police channels: "
        "the foreign country's INTERPOL National Central Bureau contacts the AFP-hosted INTERPOL "
        "National Central Bureau (NCB) Canberra (within AFP International Operations, operating 24/7), "
        "which channels notices, information-sharing and assistance requests. The matter is then "
        "assessed and, for an individual harassment case, typically referred to the relevant "
        "Australian state or territory police where the perpetrator is located. For evidence-gathering "
        "or prosecution that needs formal cooperation, a Mutual Legal Assistance (MLAT) request is "
        "coordinated by the Commonwealth Attorney-General's Department under the Mutual Assistance in "
        "Criminal Matters Act 1987. A victim cannot trigger these channels directly; they ask the "
        "investigating police to route the matter through INTERPOL Canberra or MLAT.",
        "more": "eSafety is a civil regulator and does not prosecute, award damages, or replace police. The criminal route "
        "remains state/territory police (or the AFP for serious/transnational matters), reachable from abroad only "
        "via the police-to-police INTERPOL Canberra channel described above.",
        "honest_truth": "you cannot contact Interpol yourself, only police can. Ask your own investigating officer to "
        "pursue international coordination, and keep them supplied with your evidence.",
        "sources": ["https://www.esafety.gov.au/report"],
    },
    {
        "slug": "new-zealand",
        "order": 4,
        "country": "New Zealand",
        "intro": "Keep doing everything above in England & Wales. At the same time, the fastest leverage often sits in New "
        "Zealand, where the person actually is.",
        "fastest_lever": "The fastest practical lever against a perpetrator located in New Zealand is the Harmful Digital "
        "Communications Act 2015 civil route: complain to Netsafe (the Approved Agency, "
        "https://netsafe.org.nz/report, 0508 638 723), and if it cannot resolve the matter, use Netsafe's "
        "written summary to apply to the District Court for an HDCA order (takedown, cease publication, "
        "correction, right of reply, or identity disclosure). For serious threats or criminal conduct, NZ "
        "Police can act under the Crimes Act / HDCA s 22 directly because the offender is locally located "
        "and within jurisdiction. NOTE: where the poster is offshore the HDCA's real limit is "
        "service-of-process (no statutory provision for serving an overseas defendant; leave of the "
        "District Court under District Court Rules Part 6 is required); that limit does not bite when the "
        "perpetrator is in New Zealand.",
        "how_case_reaches": "When the perpetrator is in New Zealand and the victim is overseas, the foreign victim should "
        "report through their OWN local/national police, who relay the matter police-to-police to "
        "INTERPOL Wellington (the NZ National Central Bureau hosted at Police National Headquarters). "
        "Neither the public nor a foreign victim can contact INTERPOL or the NCB directly: 'INTERPOL "
        "NCBs do not respond to requests from the general public... contact their local or national "
        "police, who will in turn contact the NCB.' NZ Police can also be reported to directly via 105 "
        "(https://105.police.govt.nz) for the criminal record. For evidence held in or action needed "
        "in New Zealand, the foreign authority uses a Mutual Legal Assistance (MLAT) request handled "
        "under New Zealand's Mutual Assistance in Criminal Matters Act 1992 via the Crown central "
        "authority. New Zealand is also a Party to the Budapest Convention on Cybercrime (in force for "
        "NZ 1 December 2025), which provides additional cross-border cooperation channels for "
        "electronic evidence. An FBI Legal Attache now operates a standalone office in Wellington "
        "(opened 31 July 2025) for liaison with US authorities.",
        "more": "Because the perpetrator is locally located, NZ Police and the District Court can act without the "
        "cross-border MLAT or INTERPOL delays that slow cases where the offender is abroad. If Netsafe’s role "
        "changes, NZ Police on 105 is the fallback intake.",
        "honest_truth": "you cannot contact Interpol yourself, only police can. Ask your own investigating officer to "
        "pursue international coordination, and keep them supplied with your evidence.",
        "sources": ["https://netsafe.org.nz/report", "https://105.police.govt.nz"],
    },
    {
        "slug": "south-africa",
        "order": 5,
        "country": "South Africa",
        "intro": "Keep doing everything above in England & Wales. At the same time, the fastest leverage often sits in "
        "South Africa, where the person actually is.",
        "fastest_lever": "The fastest live protection/unmasking lever against a locally-located perpetrator is the "
        "Protection from Harassment Act. A South African magistrate's court can, under s.4, direct a "
        "South African electronic communications service provider to FURNISH the unknown harasser's name, "
        "identity number and address - identifying an SA-based harasser without any extradition - and "
        "then issue an interim and final protection order (s.10), breach of which is a crime (up to 5 "
        "years, s.18(1)(a)). This means a victim does NOT need extradition to get relief: the SA courts "
        "act directly against SA-based persons and SA-licensed service providers. IMPORTANT CORRECTION: "
        "the Cybercrimes Act s.20 takedown order and s.21 unmasking direction are NOT yet in operation "
        "(Part VI of Chapter 2 has not been commenced as of 2026), so there is currently no operative "
        "Cybercrimes Act statutory takedown order; content removal goes through the protection-order "
        "conditions plus direct reporting to the platform/host. A foreign victim typically needs a local "
        "contact (e.g. SA-based counsel, or coordination via SAPS once a docket exists) to drive the "
        "magistrate's-court application, since these orders are made by SA courts against SA-licensed "
        "providers.",
        "how_case_reaches": "When the perpetrator is located in South Africa and the victim is abroad, the inbound "
        "police-to-police route runs through INTERPOL NCB Pretoria. A foreign victim reports to their "
        "OWN national police, who route a request through their INTERPOL National Central Bureau to "
        "NCB Pretoria (which sits inside SAPS Crime Intelligence). NCB Pretoria is the channel for "
        "international investigations requiring SAPS cooperation and triggers SAPS action against a "
        "South Africa-based suspect. For formal evidence-gathering and execution, requests run as "
        "Mutual Legal Assistance under the International Cooperation in Criminal Matters Act 75 of "
        "1996, with the South African Department of Justice & Constitutional Development as the "
        "Central Authority; dual criminality is not a strict requirement for incoming requests. NOTE: "
        "the Cybercrimes Act's 's.52 designated point of contact' and the Chapter 5 mutual-assistance "
        "provisions (ss.46-52) are enacted but NOT yet in force as of 2026, so they cannot currently "
        "be relied on - use INTERPOL NCB Pretoria and the 1996 MLA Act.",
        "more": "For US-nexus matters the FBI maintains a Legal Attache (Legat) office at the U.S. Embassy in Pretoria; "
        "confirm current contact details with the U.S. Embassy Pretoria.",
        "honest_truth": "you cannot contact Interpol yourself, only police can. Ask your own investigating officer to "
        "pursue international coordination, and keep them supplied with your evidence.",
        "sources": ["interpol.int"],
    },
]

RUNGS = [
    {
        "number": 1,
        "slug": "front-line",
        "title": "Front-line",
        "what_to_do": "Report to your local police force online "
        "(https://www.police.uk/pu/contact-the-police/report-a-crime-incident/) or call 101 (999 if in "
        "immediate danger). ALWAYS obtain and record the crime reference / occurrence number - this is the "
        "spine of your paper trail. For fraud/extortion/identity fraud, report to Report Fraud "
        "(https://www.reportfraud.police.uk/, 0300 123 2040) and keep the reference.",
        "sources": [
            "https://www.police.uk/pu/contact-the-police/report-a-crime-incident/",
            "https://www.reportfraud.police.uk/",
        ],
    },
    {
        "number": 2,
        "slug": "specialist-unit",
        "title": "Specialist unit",
        "what_to_do": "Ask the call handler / officer to refer the case to the force's dedicated Stalking & Harassment "
        "unit, Cyber Crime Unit, or a domestic-abuse/VAWG team. Many forces have Stalking Protection Order "
        "powers (Stalking Protection Act 2019). Ask whether a Stalking Protection Order or restraining order "
        "is being considered and request a named officer in the case (OIC).",
        "sources": ["legislation.gov.uk"],
    },
    {
        "number": 3,
        "slug": "supervisor-professional-standards",
        "title": "Supervisor / professional standards",
        "what_to_do": "If the report stalls or is closed without action, ask to speak to the investigating officer's "
        "supervisor (sergeant/inspector). If still unresolved, make a formal complaint to the force's "
        "Professional Standards Department, and escalate to the Independent Office for Police Conduct (IOPC, "
        "https://www.policeconduct.gov.uk) for how the force handled it. You can also raise it with your "
        "local Police and Crime Commissioner (PCC), who holds the Chief Constable to account (PCCs cannot "
        "direct an individual investigation but can apply scrutiny).",
        "sources": ["https://www.policeconduct.gov.uk"],
    },
    {
        "number": 4,
        "slug": "national-agency",
        "title": "National agency",
        "what_to_do": "For serious, organised or cross-border cyber-crime, the case can be escalated to the National Crime "
        "Agency (https://www.nationalcrimeagency.gov.uk). The NCA acts on serious/organised cases referred "
        "by forces or intelligence; it is not a routine victim-intake line. The National Stalking Helpline "
        "(Suzy Lamplugh Trust, 0808 802 0300, https://www.suzylamplugh.org/the-national-stalking-helpline) "
        "and Victim Support (08 08 16 89 111) can advocate and help push the case.",
        "sources": [
            "https://www.nationalcrimeagency.gov.uk",
            "https://www.suzylamplugh.org/the-national-stalking-helpline",
        ],
    },
    {
        "number": 5,
        "slug": "elected-representative-pressure-valve",
        "title": "Elected representative (pressure valve)",
        "what_to_do": "Contact your Member of Parliament with your crime reference numbers and a timeline. An MP can take "
        "up your case with the Chief Constable, the Home Office, or the IOPC as casework and apply political "
        "pressure. IMPORTANT: an MP, PCC or minister CANNOT direct or interfere with an operational police "
        "investigation - they apply scrutiny and ask questions, they do not order arrests or charging "
        "decisions (which rest with police and the Crown Prosecution Service).",
        "sources": ["unnamed"],
    },
    {
        "number": 6,
        "slug": "cps-prosecution",
        "title": "CPS / prosecution",
        "what_to_do": "If police investigate but decline to charge, you can request a Victim's Right to Review (VRR) of a "
        "CPS decision not to prosecute (https://www.cps.gov.uk/legal-guidance/victims-right-review-scheme). "
        "The CPS (not the police, and not your MP) makes the charging decision in most serious cases.",
        "sources": ["https://www.cps.gov.uk/legal-guidance/victims-right-review-scheme"],
    },
    {
        "number": 7,
        "slug": "international-liaison",
        "title": "International liaison",
        "what_to_do": "Where the offender is overseas, the case is routed through the NCA acting as the UK's INTERPOL "
        "National Central Bureau (see cross-border mechanism) and via mutual legal assistance - this is "
        "force-to-NCA, not something the victim initiates directly.",
        "sources": ["nationalcrimeagency.gov.uk"],
    },
]
