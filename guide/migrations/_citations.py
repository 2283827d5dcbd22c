"""Every citation the original guide gives, item by item, in its order: data for 0010_restore_citations.

A full address is the page the original links; a bare domain is all the original named
("Official source · legislation.gov.uk"), so each is its own citation, never merged with
another item's citation of the same site. UNNAMED is the original's bare "Source" link.
Anything an item links that is not listed here was never given by the original for it.
"""

UNNAMED = "unnamed"
LEGISLATION = ["legislation.gov.uk"]

CITATIONS = {
    ("Jurisdiction", "england-and-wales"): [],
    ("Step", "start-the-paper-trail"): [],
    ("Step", "file-with-the-national-body"): [],
    ("Channel", "police-uk-online-report"): ["police.uk"],
    ("Channel", "101"): ["gov.uk"],
    ("Channel", "crimestoppers"): ["gov.uk"],
    ("Channel", "report-fraud"): ["gov.uk"],
    # Step 2 cards name no "Official source": each keeps the full address its own text gives.
    ("Channel", "report-fraud-national"): ["https://www.reportfraud.police.uk/"],
    ("Channel", "nca"): ["https://www.nationalcrimeagency.gov.uk/contact-us"],
    ("Channel", "ncsc-sers"): ["https://www.ncsc.gov.uk/section/about-this-website/report-scam-website"],
    ("Channel", "ofcom"): ["https://www.ofcom.org.uk/online-safety"],
    **{
        ("Offence", slug): LEGISLATION
        for slug in [
            "harassment",
            "stalking",
            "stalking-fear-of-violence",
            "threatening-communications",
            "malicious-communications",
            "improper-use-of-communications-network",
            "defamation",
            "blackmail",
            "identity-fraud-impersonation",
            "doxxing",
        ]
    },
    ("Article", "doxxing-status"): [],
    ("Article", "recording-your-calls"): [UNNAMED],
    ("Article", "evidence"): [
        "esafety.gov.au",
        "onlineharassmentfieldmanual.pen.org",
        "techsafety.ca",
        "rcmp.ca",
        "library.college.police.uk",
        "techsafety.org",
        "copyright.gov",
        "netsafe.org.nz",
    ],
    ("Article", "swatting"): ["ic3.gov", "aclu.org", "security.org", "king5.com"],
    ("Article", "linked-cases"): ["cps.gov.uk", "rcmp.ca"],
    ("Article", "platform-reporting"): [
        "tiktok.com",
        "tiktok.com",
        "tiktok.com",
        "support.tiktok.com",
        "support.tiktok.com",
        "support.tiktok.com",
        "tiktok.com",
        "newsroom.tiktok.com",
        "meta.com",
        "help.x.com",
        "help.x.com",
        "safety.twitch.tv",
        "help.snapchat.com",
    ],
    ("Article", "cross-border-police-work"): [
        "interpol.int",
        "interpol.int",
        "justice.gov",
        "justice.gov",
        "fbi.gov",
        "fbi.gov",
        "fbi.gov",
        "ic3.gov",
        "justice.gov",
        "coe.int",
    ],
    ("CountryGuide", "united-states"): ["https://www.ic3.gov", "https://tips.fbi.gov"],
    ("CountryGuide", "canada"): [],
    ("CountryGuide", "australia"): ["https://www.esafety.gov.au/report"],
    ("CountryGuide", "new-zealand"): ["https://netsafe.org.nz/report", "https://105.police.govt.nz"],
    ("CountryGuide", "south-africa"): [],
    # The ladder names no sources; the full addresses in each rung's own text are its citations.
    ("EscalationRung", "front-line"): [
        "https://www.police.uk/pu/contact-the-police/report-a-crime-incident/",
        "https://www.reportfraud.police.uk/",
    ],
    ("EscalationRung", "specialist-unit"): [],
    ("EscalationRung", "supervisor-professional-standards"): ["https://www.policeconduct.gov.uk"],
    ("EscalationRung", "national-agency"): [
        "https://www.nationalcrimeagency.gov.uk",
        "https://www.suzylamplugh.org/the-national-stalking-helpline",
    ],
    ("EscalationRung", "elected-representative-pressure-valve"): [],
    ("EscalationRung", "cps-prosecution"): ["https://www.cps.gov.uk/legal-guidance/victims-right-review-scheme"],
    ("EscalationRung", "international-liaison"): [],
    **{
        ("Snippet", key): []
        for key in [
            "tagline",
            "home-intro",
            "urgent-banner",
            "offences-intro",
            "abroad-intro",
            "ladder-intro",
            "essentials-intro",
        ]
    },
    # Written by the FalseOS team: the helpline number comes from rung 4's text and its cited page.
    ("Snippet", "support-helplines"): ["https://www.suzylamplugh.org/the-national-stalking-helpline"],
}
