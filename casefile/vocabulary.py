"""Fixed choices the case-file forms offer. Stored on the device as the value, shown as the label."""

from django.utils.translation import gettext_lazy as _

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
