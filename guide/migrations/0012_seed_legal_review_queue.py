"""Seeds the legal review queue with the findings of the review of the original guide (issue #17).

Nothing here changes what the law text says: each item is flagged with a short neutral notice
for readers and, for editors only, the finding and what to check. Editors decide after checking.
"""

from datetime import date

from django.db import migrations

from ._content_version import bump_content_version

FLAGGED_ON = date(2026, 12, 4)

MCA_NOTICE = "An editor is checking whether the Online Safety Act 2023 changed this offence in England and Wales."
MCA_DETAIL = (
    "Review finding: the Online Safety Act 2023 may have repealed, for England and Wales, the limbs of section 1 "
    "of the Malicious Communications Act 1988 about threats and information known or believed to be false, and "
    "added a false communications offence (Online Safety Act 2023, section 179; threatening communications are "
    "section 181). Check section 1 of the 1988 Act as in force on legislation.gov.uk, and the repeals the 2023 Act "
    "made with those offences. Then decide on this entry and the offence-finder lines built on it."
)
FINDER_MCA_NOTICE = "An editor is checking whether a change in the law affects this offence."
BLACKMAIL_NOTICE = "An editor is checking whether this fits a demand for intimate images as well as for money."
BLACKMAIL_DETAIL = (
    "Review finding: the finder maps “Demanding money or intimate images” to blackmail (Theft Act 1968, "
    "section 21). The guide's own key elements for blackmail need a view to gain or intent to cause loss "
    "(economic). Check what gain and loss mean in the Theft Act 1968 (section 34), CPS guidance on sextortion, "
    "and whether another offence fits a demand for images. Then decide this line; the offence entry is unchanged."
)
NCSC_NOTICE = "An editor is checking how this service is described: it takes reports of scam emails and texts."
NCSC_DETAIL = (
    "Review finding: this card is tagged “Not a reporting channel for individuals”, yet its own text says the "
    "NCSC receives reports of scam emails (report@phishing.gov.uk) and scam texts (7726). Check what a person "
    "who reports there gets, then choose the tag. The card's text is the original's and is unchanged."
)

ITEMS = [
    ("Offence", {"slug": "malicious-communications"}, MCA_NOTICE, MCA_DETAIL),
    ("Channel", {"slug": "ncsc-sers"}, NCSC_NOTICE, NCSC_DETAIL),
    (
        "SituationOffence",
        {"offence__slug": "malicious-communications"},
        FINDER_MCA_NOTICE,
        "See the flag on the Malicious Communications Act 1988 offence: this line is built on it.\n\n" + MCA_DETAIL,
    ),
    (
        "SituationOffence",
        {"situation__slug": "demands", "offence__slug": "blackmail"},
        BLACKMAIL_NOTICE,
        BLACKMAIL_DETAIL,
    ),
]


def flag(apps, schema_editor):
    for model_name, lookup, notice, detail in ITEMS:
        apps.get_model("guide", model_name).objects.filter(**lookup, legal_flag_note="").update(
            legal_flag_note=notice, legal_flag_detail=detail, legal_flagged_on=FLAGGED_ON
        )
    bump_content_version(apps)


def unflag(apps, schema_editor):
    for model_name, lookup, notice, _detail in ITEMS:
        apps.get_model("guide", model_name).objects.filter(**lookup, legal_flag_note=notice).update(
            legal_flag_note="", legal_flag_detail="", legal_flagged_on=None
        )


class Migration(migrations.Migration):
    dependencies = [("guide", "0011_cross_border_guides_heading")]

    operations = [migrations.RunPython(flag, unflag)]
