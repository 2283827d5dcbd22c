"""The offence finder: from "what is happening to you" to offences, places to report and what to say.

The same page serves both ways of using it. With JavaScript, the browser shows and
hides the parts that apply and builds the text on the device. Without it, the form
posts once and the server renders the same page with the same parts shown; the
answers are not stored, logged or put in the URL.
"""

from dataclasses import dataclass, field
from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from guide.models import CountryGuide, Situation

HOW_OFTEN = [
    ("", _("Choose one"), ""),
    ("once", _("Once"), _("It has happened once.")),
    ("a-few-times", _("A few times"), _("It has happened a few times.")),
    ("weekly", _("Every week"), _("It happens every week.")),
    ("daily", _("Most days"), _("It happens most days.")),
    ("many-daily", _("Several times a day"), _("It happens several times a day.")),
]
SENTENCES = {
    "report": _("I want to report {offences}."),
    "report_general": _("I want to report the harassment I am receiving online."),
    "started": _("It started on {date}."),
    "ask": _("Please record this as a crime and give me a crime reference number."),
    "and": _("and"),
}


class FinderForm(forms.Form):
    situations = forms.ModelMultipleChoiceField(
        queryset=Situation.objects.none(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one thing that is happening to you.")},
    )
    country = forms.ModelChoiceField(queryset=CountryGuide.objects.none(), to_field_name="slug", required=False)
    started = forms.DateField(required=False, error_messages={"invalid": _("Enter a real date, like 4 December 2025.")})
    how_often = forms.ChoiceField(choices=[(value, label) for value, label, _phrase in HOW_OFTEN], required=False)
    what_happened = forms.CharField(
        max_length=2000,
        required=False,
        error_messages={"max_length": _("Keep this to 2,000 characters or fewer.")},
    )

    def __init__(self, *args, situations, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["situations"].queryset = situations
        self.fields["country"].queryset = countries


@dataclass
class FinderResult:
    situations: set[str] = field(default_factory=set)
    offences: set[str] = field(default_factory=set)
    channels: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)
    is_urgent: bool = False
    what_to_say: str = ""


def join_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {SENTENCES['and']} {items[-1]}"


def what_to_say(*, report_as: list[str], what_happened: str, started: date | None, how_often: str) -> str:
    """The text to read out on 101 or paste into the online form. Mirrored in static/js/finder.js."""
    parts = [SENTENCES["report"].format(offences=join_list(report_as)) if report_as else SENTENCES["report_general"]]
    if what_happened.strip():
        parts.append(what_happened.strip())
    if started:
        parts.append(SENTENCES["started"].format(date=date_format(started, "j F Y")))
    phrase = next((phrase for value, _label, phrase in HOW_OFTEN if value and value == how_often), "")
    if phrase:
        parts.append(str(phrase))
    parts.append(str(SENTENCES["ask"]))
    return " ".join(str(part) for part in parts)


def by_seriousness(offence) -> tuple[int, int]:
    """Most serious first, then the guide's order: the order the finder page lists them in."""
    return (-offence.seriousness, offence.order)


def find(data: dict, catalogue: list[Situation]) -> FinderResult:
    """What applies to the ticked situations, as sets of slugs the template shows."""
    chosen = [situation for situation in catalogue if situation in data["situations"]]
    result = FinderResult(situations={situation.slug for situation in chosen})
    offences = {}
    for situation in chosen:
        offences |= {link.offence.slug: link.offence for link in situation.offence_links}
        result.channels |= {channel.slug for channel in situation.channels.all()}
        result.groups |= {f"step-{channel.step.number}" for channel in situation.channels.all()}
        result.articles |= {article.slug for article in situation.articles.all()}
        if situation.asks_country:
            guides = {guide.slug for guide in situation.country_guides.all()}
            result.countries |= {data["country"].slug} & guides if data.get("country") else guides
        result.is_urgent |= situation.is_urgent
    result.offences = set(offences)
    result.groups |= {name for name in ("offences", "articles", "countries") if getattr(result, name)}
    result.what_to_say = what_to_say(
        report_as=[offence.report_as for offence in sorted(offences.values(), key=by_seriousness) if offence.report_as],
        what_happened=data.get("what_happened") or "",
        started=data.get("started"),
        how_often=data.get("how_often") or "",
    )
    return result
