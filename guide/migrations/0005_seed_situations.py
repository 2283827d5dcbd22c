"""Seeds the offence finder: situations in plain words and what each points to in the guide."""

from datetime import date

from django.contrib.auth.management import create_permissions
from django.db import migrations

REVIEWED_ON = date(2026, 11, 25)
REVIEW_DUE = date(2027, 5, 25)

# Higher is listed first: by maximum penalty, civil-only last.
SERIOUSNESS = {
    "blackmail": 100,
    "stalking-fear-of-violence": 90,
    "identity-fraud-impersonation": 85,
    "threatening-communications": 80,
    "malicious-communications": 70,
    "stalking": 60,
    "harassment": 50,
    "improper-use-of-communications-network": 45,
    "doxxing": 40,
    "defamation": 10,
}
REPORT_AS = {
    "harassment": "harassment, section 2 of the Protection from Harassment Act 1997",
    "stalking": "stalking, section 2A of the Protection from Harassment Act 1997",
    "stalking-fear-of-violence": (
        "stalking or harassment causing fear of violence, sections 4 and 4A of the Protection from Harassment Act 1997"
    ),
    "threatening-communications": "threatening communications, section 181 of the Online Safety Act 2023",
    "malicious-communications": (
        "sending threatening or grossly offensive messages, section 1 of the Malicious Communications Act 1988"
    ),
    "improper-use-of-communications-network": (
        "improper use of a public communications network, section 127 of the Communications Act 2003"
    ),
    "defamation": "",  # civil only: not something to report as a crime
    "blackmail": "blackmail, section 21 of the Theft Act 1968",
    "identity-fraud-impersonation": "fraud by false representation, sections 1 and 2 of the Fraud Act 2006",
    "doxxing": (
        "disclosing my personal data without consent, section 170 of the Data Protection Act 2018,"
        " as part of harassment under the Protection from Harassment Act 1997"
    ),
}

POLICE, PHONE_101 = "police-uk-online-report", "101"
REPORT_FRAUD, REPORT_FRAUD_NATIONAL = "report-fraud", "report-fraud-national"

SITUATIONS = [
    {
        "slug": "threats",
        "label": "Threats to kill or hurt me",
        "help_text": "Including threats against people close to me.",
        "is_urgent": True,
        "offences": {
            "threatening-communications": "A message threatening death or serious harm is an offence in itself.",
            "malicious-communications": "A single threatening message can be enough: no pattern is needed.",
            "stalking-fear-of-violence": "Threats on two or more occasions that make you fear violence.",
            "improper-use-of-communications-network": "Menacing messages sent over a phone or internet network.",
        },
        "channels": [POLICE, PHONE_101],
        "articles": ["evidence"],
    },
    {
        "slug": "following-watching",
        "label": "Following me, watching me, turning up",
        "help_text": "Online or in person: monitoring my accounts, loitering, turning up where I am.",
        "offences": {
            "stalking": "Following, watching, monitoring and turning up are acts the law links to stalking.",
            "stalking-fear-of-violence": (
                "If it makes you fear violence, or causes serious alarm or distress that changes your daily life."
            ),
            "harassment": "Conduct on two or more occasions that amounts to harassment.",
        },
        "channels": [POLICE, PHONE_101],
        "articles": ["evidence"],
    },
    {
        "slug": "repeated-messages",
        "label": "Repeated unwanted messages or calls",
        "help_text": "From one person, or from accounts you believe are theirs.",
        "offences": {
            "harassment": "Unwanted contact on two or more occasions can be a course of conduct.",
            "stalking": "Repeated contact is one of the acts the law links to stalking.",
            "malicious-communications": "Messages that are grossly offensive or threatening, sent to cause distress.",
            "improper-use-of-communications-network": "Menacing messages over a phone or internet network.",
        },
        "channels": [POLICE, PHONE_101],
        "articles": ["evidence", "platform-reporting"],
    },
    {
        "slug": "private-details",
        "label": "Posting my home address or private details",
        "help_text": "Sometimes called doxxing.",
        "offences": {
            "doxxing": "There is no single doxxing offence: police use data protection and harassment law.",
            "stalking": "Publishing material about you is an act the law links to stalking.",
        },
        "channels": [POLICE, PHONE_101],
        "articles": ["doxxing-status", "swatting", "platform-reporting"],
    },
    {
        "slug": "impersonation",
        "label": "Pretending to be me, or fake accounts",
        "help_text": "Accounts or messages that claim to be from me.",
        "offences": {
            "identity-fraud-impersonation": "Pretending to be you can be fraud by false representation.",
            "stalking": "Publishing material that claims to come from you is an act linked to stalking.",
        },
        "channels": [POLICE, REPORT_FRAUD, REPORT_FRAUD_NATIONAL],
        "articles": ["platform-reporting", "evidence"],
    },
    {
        "slug": "demands",
        "label": "Demanding money or intimate images",
        "help_text": "Including “pay or I publish” threats (sextortion).",
        "offences": {
            "blackmail": "An unwarranted demand with menaces, such as “pay or I publish”, is blackmail.",
            "threatening-communications": "A threat of serious harm, which includes serious financial loss.",
        },
        "channels": [REPORT_FRAUD, POLICE, REPORT_FRAUD_NATIONAL],
        "articles": ["evidence"],
    },
    {
        "slug": "lies",
        "label": "Spreading lies about me",
        "help_text": "False claims about me, posted or sent to others.",
        "offences": {
            "defamation": "Lies that harm your reputation are a civil matter in England and Wales, not a crime.",
            "malicious-communications": "Sending information the sender knows is false, to cause distress, can be a crime.",
            "harassment": "A campaign of lies on two or more occasions can amount to harassment.",
        },
        "channels": [POLICE],
        "articles": ["platform-reporting"],
    },
    {
        "slug": "account-access",
        "label": "Getting into my accounts",
        "help_text": "Logging in as me, or taking over my email or social media.",
        "offences": {
            "identity-fraud-impersonation": "Using your identity or log-in details dishonestly can be fraud.",
            "doxxing": "Taking your personal data without permission; computer misuse law may apply too.",
        },
        "channels": [REPORT_FRAUD, REPORT_FRAUD_NATIONAL, "ncsc-sers"],
        "articles": ["evidence"],
    },
    {
        "slug": "fake-emergency-call",
        "label": "I fear a fake emergency call to my home",
        "help_text": "Someone may send police to my address with a false report (swatting).",
        "offences": {
            "stalking-fear-of-violence": "Conduct that makes you fear violence on two or more occasions.",
            "doxxing": "If your address was published, that may be a data protection offence.",
        },
        "channels": [PHONE_101, POLICE],
        "articles": ["swatting"],
    },
    {
        "slug": "abroad",
        "label": "The person is in another country",
        "help_text": "Tell us which country below.",
        "asks_country": True,
        "offences": {},
        "channels": [POLICE],
        "articles": ["cross-border-police-work"],
        "countries": ["united-states", "canada", "australia", "new-zealand", "south-africa"],
    },
    {
        "slug": "others-targeted",
        "label": "They are doing this to other people too",
        "help_text": "Friends, family, colleagues or strangers targeted by the same person.",
        "offences": {
            "harassment": "Harassment of two or more people can be one course of conduct.",
        },
        "channels": [POLICE],
        "articles": ["linked-cases"],
    },
]


def load(apps, schema_editor):
    model = apps.get_model
    Offence = model("guide", "Offence")
    for offence in Offence.objects.all():
        offence.seriousness = SERIOUSNESS.get(offence.slug, 0)
        offence.report_as = REPORT_AS.get(offence.slug, "")
        offence.save(update_fields=["seriousness", "report_as"])

    jurisdiction = model("guide", "Jurisdiction").objects.get(slug="england-and-wales")
    for order, data in enumerate(SITUATIONS, start=1):
        situation = model("guide", "Situation").objects.create(
            jurisdiction=jurisdiction,
            order=order,
            slug=data["slug"],
            label=data["label"],
            help_text=data["help_text"],
            is_urgent=data.get("is_urgent", False),
            asks_country=data.get("asks_country", False),
            is_published=True,
            reviewed_on=REVIEWED_ON,
            review_due=REVIEW_DUE,
        )
        for slug, why in data["offences"].items():
            model("guide", "SituationOffence").objects.create(
                situation=situation, offence=Offence.objects.get(slug=slug), why=why
            )
        situation.channels.set(model("guide", "Channel").objects.filter(slug__in=data["channels"]))
        articles = model("guide", "Article").objects.filter(slug__in=data["articles"])
        situation.articles.set(articles)
        situation.country_guides.set(model("guide", "CountryGuide").objects.filter(slug__in=data.get("countries", [])))
        # The situation rests on the same sources as what it points to.
        sources = model("guide", "Source").objects.filter(article_items__in=articles).distinct()
        offence_sources = model("guide", "Source").objects.filter(offence_items__slug__in=list(data["offences"]))
        situation.sources.set({*sources, *offence_sources})

    guide_config = apps.get_app_config("guide")
    guide_config.models_module = True
    create_permissions(guide_config, apps=apps, verbosity=0)
    guide_config.models_module = None
    group = model("auth", "Group").objects.get(name="Content editors")
    group.permissions.add(
        *model("auth", "Permission").objects.filter(
            content_type__app_label="guide", content_type__model__in=["situation", "situationoffence"]
        )
    )


def unload(apps, schema_editor):
    apps.get_model("guide", "Situation").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("guide", "0004_situations"), ("guide", "0003_content_editors_group")]

    operations = [migrations.RunPython(load, unload)]
