"""Guide content: public, source-backed reference material edited in the admin.

Long text fields hold Markdown; it is rendered and sanitised on display by
`guide.markdown.render_markdown`, so no raw editor HTML ever reaches a page.
"""

import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Source(models.Model):
    """One citation: where a statement comes from.

    The original guide often names only a domain ("tiktok.com"): that is kept in `named_as`,
    with no URL, until an editor finds the exact page. A source is *checked* only when it has
    the exact page, a checked date and the editor who checked it; `needs_verification` is kept
    in step with that on every save, so the editors' queue is never out of date.
    """

    url = models.URLField(
        _("exact page (URL)"),
        max_length=500,
        blank=True,
        help_text=_("The page itself, not the site's home page. Changing it clears the check."),
    )
    named_as = models.CharField(
        _("named in the original as"),
        max_length=200,
        blank=True,
        help_text=_('When the original guide gave only a domain, e.g. "tiktok.com". Do not change.'),
    )
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    last_verified = models.DateField(_("checked on"), null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked by"),
    )
    needs_verification = models.BooleanField(
        _("needs verification"),
        default=True,
        help_text=_("Set automatically: until the exact page has been checked by an editor."),
    )
    notes = models.TextField(_("editor notes"), blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "url"]
        verbose_name = _("source")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.needs_verification = not self.is_checked
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "needs_verification"}
        super().save(*args, **kwargs)

    @property
    def has_exact_page(self) -> bool:
        """A URL that is the cited page: for a source the original named by domain, more than its home page."""
        if not self.url:
            return False
        return not self.named_as or urlsplit(self.url).path not in ("", "/")

    @property
    def is_domain_only(self) -> bool:
        return bool(self.named_as) and not self.has_exact_page

    @property
    def is_checked(self) -> bool:
        return self.has_exact_page and self.last_verified is not None and self.checked_by_id is not None


IN_SHORT_MAX_SENTENCES = 2
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def validate_in_short(text: str) -> None:
    if len(_SENTENCE_END.findall(text.strip())) > IN_SHORT_MAX_SENTENCES:
        raise ValidationError(_("Keep “In short” to one or two sentences."), code="too_long")


def in_short_field() -> models.TextField:
    """A plain-English summary an editor writes, shown above the original text, which stays complete."""
    return models.TextField(
        _("in short (summary)"),
        max_length=400,
        blank=True,
        validators=[validate_in_short],
        help_text=_("One or two plain sentences, written by an editor. Shown above the original text as a summary."),
    )


def review_warning() -> timedelta:
    return timedelta(days=settings.GUIDE_REVIEW_WARNING_DAYS)


class GuideQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def review_overdue(self):
        return self.filter(review_due__lt=timezone.localdate())

    def review_due_soon(self):
        """Not overdue yet, but due within GUIDE_REVIEW_WARNING_DAYS."""
        today = timezone.localdate()
        return self.filter(review_due__gte=today, review_due__lt=today + review_warning())

    def review_not_due(self):
        return self.filter(review_due__gte=timezone.localdate() + review_warning())


class LegalFlag(models.Model):
    """The legal review queue: an editor flags text the law may have changed under.

    The public page shows a short neutral notice with the date; editors decide what changes.
    """

    legal_flag_note = models.CharField(
        _("possible change in the law: notice"),
        max_length=300,
        blank=True,
        help_text=_("Shown to readers on the page. Short and neutral. Leave empty when nothing is flagged."),
    )
    legal_flag_detail = models.TextField(
        _("what to check (editors only)"),
        blank=True,
        help_text=_("The finding, with the legislation to check. Not shown to readers."),
    )
    legal_flagged_on = models.DateField(_("flagged on"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_legally_flagged(self) -> bool:
        return bool(self.legal_flag_note)


class GuideItem(LegalFlag):
    """Fields every piece of guide content shares: where the text came from, review, sources."""

    class Origin(models.TextChoices):
        ORIGINAL = "original", _("From the original guide")
        EDITORS = "editors", _("Written by our editors")

    class ReviewerRole(models.TextChoices):
        EDITOR = "content editor", _("content editor")
        LEGAL = "legal reviewer", _("legal reviewer")

    is_published = models.BooleanField(_("published"), default=True)
    origin = models.CharField(_("where the text came from"), max_length=10, choices=Origin, default=Origin.EDITORS)
    imported_on = models.DateField(_("imported on"), null=True, blank=True)
    reviewed_on = models.DateField(_("reviewed by an editor on"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewer_role = models.CharField(
        _("reviewer's role"), max_length=20, choices=ReviewerRole, blank=True, help_text=_("Shown to readers.")
    )
    review_due = models.DateField(_("review due"))
    sources = models.ManyToManyField(Source, related_name="%(class)s_items", blank=True, verbose_name=_("sources"))
    suggested_sources = models.ManyToManyField(
        Source,
        related_name="%(class)s_suggestions",
        blank=True,
        verbose_name=_("editor suggestions"),
        help_text=_("Possible sources the original guide did not give. Not shown to readers."),
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = GuideQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_review_overdue(self) -> bool:
        return self.review_due < timezone.localdate()

    @property
    def is_reviewed(self) -> bool:
        """Reviewed only when an editor did it: a date and a role, never the import date alone."""
        return self.reviewed_on is not None and bool(self.reviewer_role)


class Jurisdiction(GuideItem):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("jurisdiction")

    def __str__(self) -> str:
        return self.name


class Snippet(GuideItem):
    """A named block of page text: the urgent banner, section introductions."""

    key = models.SlugField(_("key"), unique=True, help_text=_("Where the text appears. Do not change."))
    kicker = models.CharField(_("kicker"), max_length=100, blank=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body (Markdown)"), blank=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("page text")
        verbose_name_plural = _("page texts")

    def __str__(self) -> str:
        return self.title

    @property
    def first_paragraph(self) -> str:
        return self.body.strip().split("\n\n", 1)[0]


class Step(GuideItem):
    """A numbered step of the reporting route, e.g. "Start the paper trail"."""

    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="steps")
    number = models.PositiveSmallIntegerField(_("step number"))
    slug = models.SlugField(unique=True)
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction (Markdown)"))

    class Meta:
        ordering = ["jurisdiction", "number"]
        verbose_name = _("step")

    def __str__(self) -> str:
        return f"Step {self.number}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("guide:step", args=[self.slug])


class Channel(GuideItem):
    """A place to report, within a step: police.uk, 101, Report Fraud, NCA…"""

    class Reference(models.TextChoices):
        YES = "yes", _("Gives you a reference number")
        NO = "no", _("Does not give you a reference number")
        NOT_APPLICABLE = "n/a", _("Not a reporting channel for individuals")

    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="channels")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=300)
    role = models.CharField(_("role"), max_length=300, help_text=_('For example "intake + triage, not investigator".'))
    description = models.TextField(_("what it is for (Markdown)"))
    gives_reference = models.CharField(
        _("reference number"), max_length=3, choices=Reference.choices, default=Reference.YES
    )
    url = models.URLField(_("website"), max_length=500, blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    email = models.EmailField(_("email"), blank=True)
    contact_note = models.TextField(_("how to contact (Markdown)"), blank=True)
    in_short = in_short_field()

    class Meta:
        ordering = ["step", "order"]
        verbose_name = _("channel")

    def __str__(self) -> str:
        return self.name

    @property
    def website_label(self) -> str:
        """The website as people say it: "police.uk", "ofcom.org.uk/online-safety"."""
        parts = urlsplit(self.url)
        return (parts.hostname or "").removeprefix("www.") + parts.path.rstrip("/")


class Tag(models.Model):
    """A plain-language label the offence finder groups offences by."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")

    def __str__(self) -> str:
        return self.name


class Offence(GuideItem):
    class Kind(models.TextChoices):
        CRIMINAL = "criminal", _("Criminal")
        CIVIL = "civil", _("Civil only")

    class ModeOfTrial(models.TextChoices):
        SUMMARY = "summary", _("Summary only")
        EITHER_WAY = "either-way", _("Either way")
        INDICTABLE = "indictable", _("Indictable only")
        VARIES = "varies", _("Depends on the route charged")
        NONE = "none", _("None (no criminal offence)")

    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="offences")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    slug = models.SlugField(unique=True)
    title = models.CharField(_("title"), max_length=300)
    act = models.CharField(_("act"), max_length=500)
    section = models.CharField(_("section"), max_length=300)
    kind = models.CharField(_("criminal or civil"), max_length=10, choices=Kind.choices)
    mode_of_trial = models.CharField(_("mode of trial"), max_length=12, choices=ModeOfTrial.choices)
    classification = models.CharField(
        _("classification as worded"), max_length=300, help_text=_('As shown to readers, e.g. "Criminal (summary)".')
    )
    max_penalty = models.TextField(_("maximum penalty"))
    in_short = in_short_field()
    covers = models.TextField(_("what it covers (Markdown)"))
    key_elements = models.TextField(_("key elements (Markdown)"))
    tags = models.ManyToManyField(Tag, related_name="offences", blank=True, verbose_name=_("tags"))
    seriousness = models.PositiveSmallIntegerField(
        _("seriousness"), default=0, help_text=_("Higher is listed first by the offence finder.")
    )
    report_as = models.CharField(
        _("how to name it when reporting"),
        max_length=300,
        blank=True,
        help_text=_(
            'Used in "I want to report …", e.g. "stalking, section 2A of the Protection from Harassment Act 1997".'
        ),
    )

    class Meta:
        ordering = ["jurisdiction", "order"]
        verbose_name = _("offence")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guide:offence", args=[self.slug])


class Article(GuideItem):
    class Kind(models.TextChoices):
        NOTE = "note", _("Note")
        ESSENTIAL = "essential", _("Cross-cutting essential")

    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="articles")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    slug = models.SlugField(unique=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences for lists."))
    body = models.TextField(_("body (Markdown)"))

    class Meta:
        ordering = ["kind", "order"]
        verbose_name = _("article")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guide:article", args=[self.slug])


class CountryGuide(GuideItem):
    """What to do when the person harassing you is in another country."""

    jurisdiction = models.ForeignKey(
        Jurisdiction,
        on_delete=models.PROTECT,
        related_name="country_guides",
        help_text=_("Where the reader is (the guide is written for them)."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    slug = models.SlugField(unique=True)
    country = models.CharField(_("country"), max_length=100)
    in_short = in_short_field()
    intro = models.TextField(_("introduction (Markdown)"))
    fastest_lever = models.TextField(_("fastest lever (Markdown)"))
    how_case_reaches = models.TextField(_("how the case reaches them (Markdown)"))
    more = models.TextField(_("more detail (Markdown)"), blank=True)
    honest_truth = models.TextField(_("the honest truth (Markdown)"))

    class Meta:
        ordering = ["jurisdiction", "order"]
        verbose_name = _("country guide")

    def __str__(self) -> str:
        return self.country

    def get_absolute_url(self) -> str:
        return reverse("guide:country", args=[self.slug])


class EscalationRung(GuideItem):
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="escalation_rungs")
    number = models.PositiveSmallIntegerField(_("rung"))
    slug = models.SlugField(unique=True)
    title = models.CharField(_("title"), max_length=200)
    what_to_do = models.TextField(_("what to do (Markdown)"))
    in_short = in_short_field()
    when_to_move_up = models.TextField(_("when to move up (Markdown)"), blank=True)

    class Meta:
        ordering = ["jurisdiction", "number"]
        verbose_name = _("escalation rung")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("guide:ladder") + f"#{self.slug}"


class Situation(GuideItem):
    """A plain-language answer to "What is happening to you?" and what it points to in the guide."""

    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="situations")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    slug = models.SlugField(unique=True)
    label = models.CharField(
        _("label"), max_length=200, help_text=_('As the reader would say it: "Threats to kill or hurt me".')
    )
    help_text = models.CharField(_("hint"), max_length=300, blank=True)
    is_urgent = models.BooleanField(_("show the 999 advice"), default=False)
    asks_country = models.BooleanField(_("asks which country"), default=False)
    offences = models.ManyToManyField(
        Offence, through="SituationOffence", related_name="situations", blank=True, verbose_name=_("offences")
    )
    channels = models.ManyToManyField(Channel, related_name="situations", blank=True, verbose_name=_("where to report"))
    articles = models.ManyToManyField(Article, related_name="situations", blank=True, verbose_name=_("essentials"))
    country_guides = models.ManyToManyField(
        CountryGuide, related_name="situations", blank=True, verbose_name=_("country guides")
    )

    class Meta:
        ordering = ["jurisdiction", "order"]
        verbose_name = _("situation")

    def __str__(self) -> str:
        return self.label


class SituationOffence(LegalFlag):
    situation = models.ForeignKey(Situation, on_delete=models.CASCADE)
    offence = models.ForeignKey(Offence, on_delete=models.CASCADE)
    why = models.CharField(_("why this may fit"), max_length=300)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["situation", "offence"], name="unique_situation_offence")]
        verbose_name = _("offence that may apply")

    def __str__(self) -> str:
        return f"{self.situation} → {self.offence}"


class ContentVersion(models.Model):
    """One row whose number goes up on every change to guide content.

    The offline manifest and page ETags use it, so installed apps pick up
    corrections without anyone clearing a cache.
    """

    number = models.PositiveIntegerField(default=1)
    changed = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("content version")

    def __str__(self) -> str:
        return f"v{self.number}"
