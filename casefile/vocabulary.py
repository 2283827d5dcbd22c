"""Fixed choices the case-file forms offer. Stored on the device as the value, shown as the label."""

from django.utils.translation import gettext_lazy as _

from guide.models import Channel, EscalationRung

PLATFORMS = [
    "Facebook",
    "Instagram",
    "X (Twitter)",
    "TikTok",
    "Snapchat",
    "WhatsApp",
    "YouTube",
    "Reddit",
    "Discord",
    "Telegram",
    "LinkedIn",
    "Email",
    "Text message",
    "Phone call",
]

# The police forces of England and Wales, and the British Transport Police, offered as suggestions:
# each force can link parallel reports only when it knows the others' reference numbers.
POLICE_FORCES = [
    "Avon and Somerset Police",
    "Bedfordshire Police",
    "British Transport Police",
    "Cambridgeshire Constabulary",
    "Cheshire Constabulary",
    "City of London Police",
    "Cleveland Police",
    "Cumbria Constabulary",
    "Derbyshire Constabulary",
    "Devon and Cornwall Police",
    "Dorset Police",
    "Durham Constabulary",
    "Dyfed-Powys Police",
    "Essex Police",
    "Gloucestershire Constabulary",
    "Greater Manchester Police",
    "Gwent Police",
    "Hampshire and Isle of Wight Constabulary",
    "Hertfordshire Constabulary",
    "Humberside Police",
    "Kent Police",
    "Lancashire Constabulary",
    "Leicestershire Police",
    "Lincolnshire Police",
    "Merseyside Police",
    "Metropolitan Police Service",
    "Norfolk Constabulary",
    "North Wales Police",
    "North Yorkshire Police",
    "Northamptonshire Police",
    "Northumbria Police",
    "Nottinghamshire Police",
    "South Wales Police",
    "South Yorkshire Police",
    "Staffordshire Police",
    "Suffolk Constabulary",
    "Surrey Police",
    "Sussex Police",
    "Thames Valley Police",
    "Warwickshire Police",
    "West Mercia Police",
    "West Midlands Police",
    "West Yorkshire Police",
    "Wiltshire Police",
]

REFERENCE_STATUSES = [
    ("reported", _("Reported, no reply yet")),
    ("acknowledged", _("Acknowledged")),
    ("investigating", _("Being investigated")),
    ("waiting", _("Waiting for them to reply")),
    ("refused", _("Refused or no further action")),
    ("closed", _("Closed")),
]

RUNG_STATUSES = [
    ("not-started", _("Not started")),
    ("waiting", _("Waiting")),
    ("done", _("Done")),
    ("refused", _("Refused")),
]


# Agencies that are not guide channels. Report Harmful Content reviews a platform's answer, so it is listed by name.
def agency(value: str, label, *, is_platform: bool = False, needs_name: bool = False) -> dict:
    return {"value": value, "label": label, "is_platform": is_platform, "needs_name": needs_name}


EXTRA_AGENCIES = [
    agency("Report Harmful Content", _("Report Harmful Content")),
    agency("platform", _("A platform (social network, app or website)"), is_platform=True, needs_name=True),
    agency("other", _("Someone else (type the name)"), needs_name=True),
]


def agencies() -> list[dict]:
    """Where a reference number can come from: the guide's reporting channels, then the rest."""
    channels = Channel.objects.published().order_by("step__number", "order").only("name")
    return [agency(channel.name, channel.name) for channel in channels] + EXTRA_AGENCIES


def tracker_rungs() -> list[EscalationRung]:
    """The published escalation ladder: the same for everyone, so the page can be saved offline."""
    return list(EscalationRung.objects.published().only("number", "slug", "title"))
