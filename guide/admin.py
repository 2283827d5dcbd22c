"""Admin for content editors: grouped the way an editor thinks, what needs attention first."""

from django.apps import apps
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from guide import services
from guide.models import (
    Article,
    Channel,
    ContentVersion,
    CountryGuide,
    EscalationRung,
    GuideItem,
    Jurisdiction,
    Offence,
    Situation,
    SituationOffence,
    Snippet,
    Source,
    Step,
    Tag,
)

REVIEW_FIELDS = (
    _("Publishing, provenance and review"),
    {
        "fields": ("is_published", "origin", "imported_on", "reviewed_on", "reviewer_role", "review_due"),
        "description": _(
            "Where the text came from is kept apart from review. Use the action “Mark as reviewed by me today” "
            "on the list once you have read the item against its sources."
        ),
    },
)
LEGAL_FIELDS = (
    _("Legal review queue"),
    {
        "fields": ("legal_flag_note", "legal_flag_detail", "legal_flagged_on"),
        "classes": ("collapse",),
        "description": _(
            "Flag text the law may have changed under. Readers see the notice and the date; do not rewrite the "
            "law here: cite what to check, and decide after checking."
        ),
    },
)
SUGGESTION_FIELDS = (_("Editor suggestions (not shown to readers)"), {"fields": ("suggested_sources",)})
ITEM_FIELDSETS = (SUGGESTION_FIELDS, LEGAL_FIELDS, REVIEW_FIELDS)


class ReviewOverdueFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", _("Overdue")), ("soon", _("Due soon")), ("ok", _("Not due"))]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.review_overdue()
        if self.value() == "soon":
            return queryset.review_due_soon()
        if self.value() == "ok":
            return queryset.review_not_due()
        return queryset


class EditorialReviewFilter(admin.SimpleListFilter):
    title = _("editorial review")
    parameter_name = "reviewed"

    def lookups(self, request, model_admin):
        return [("no", _("Not yet reviewed by an editor")), ("yes", _("Reviewed"))]

    def queryset(self, request, queryset):
        reviewed = queryset.filter(reviewed_on__isnull=False).exclude(reviewer_role="")
        if self.value() == "yes":
            return reviewed
        if self.value() == "no":
            return queryset.exclude(pk__in=reviewed.values("pk"))
        return queryset


class LegalFlagFilter(admin.SimpleListFilter):
    title = _("legal review")
    parameter_name = "legal"

    def lookups(self, request, model_admin):
        return [("flagged", _("Possible change in the law"))]

    def queryset(self, request, queryset):
        if self.value() == "flagged":
            flagged = Q(legal_flag_note__gt="")
            if queryset.model is Situation:  # a finder line under it is flagged
                flagged |= Q(situationoffence__legal_flag_note__gt="")
            return queryset.filter(flagged).distinct()
        return queryset


class NeedsVerificationFilter(admin.SimpleListFilter):
    title = _("sources")
    parameter_name = "sources"

    def lookups(self, request, model_admin):
        return [("unverified", _("A source needs verification")), ("verified", _("All sources verified"))]

    def queryset(self, request, queryset):
        if self.value() == "unverified":
            return queryset.filter(has_unverified_source=True)
        if self.value() == "verified":
            return queryset.filter(has_unverified_source=False)
        return queryset


class GuideItemAdmin(admin.ModelAdmin):
    """Shared by every guide model: review status, sources inline, attention flags."""

    list_filter = ("is_published", LegalFlagFilter, EditorialReviewFilter, ReviewOverdueFilter, NeedsVerificationFilter)
    readonly_fields = ("origin", "imported_on", "reviewed_on", "reviewer_role", "created", "updated")
    autocomplete_fields = ("suggested_sources",)
    actions = ["mark_reviewed_today"]
    list_per_page = 50
    save_on_top = True

    @admin.action(description=_("Mark as reviewed by me today"))
    def mark_reviewed_today(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = 0
        for item in queryset:
            services.mark_reviewed(item=item, user=request.user)
            count += 1
        message = ngettext("%d item marked as reviewed.", "%d items marked as reviewed.", count) % count
        self.message_user(request, message, messages.SUCCESS)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        through = self.model.sources.through
        item_field = f"{self.model._meta.model_name}_id"
        unverified = through.objects.filter(**{item_field: OuterRef("pk")}, source__needs_verification=True)
        return super().get_queryset(request).annotate(has_unverified_source=Exists(unverified))

    def get_inlines(self, request, obj):
        return [*self.inlines, _sources_inline(self.model)]

    @admin.display(description=_("needs attention"), ordering="review_due")
    def needs_attention(self, obj) -> str:
        reasons = []
        if obj.is_legally_flagged:
            reasons.append(str(_("possible change in the law")))
        if not obj.is_reviewed:
            reasons.append(str(_("not yet reviewed")))
        if obj.review_due < timezone.localdate():
            reasons.append(str(_("review overdue")))
        if getattr(obj, "has_unverified_source", False):
            reasons.append(str(_("source to verify")))
        return ", ".join(reasons) or "—"


class SourcesFormSet(BaseInlineFormSet):
    """Text the editors write needs a source; text from the original keeps exactly what the original cited."""

    def clean(self):
        super().clean()
        if self.instance.origin == GuideItem.Origin.ORIGINAL:
            return
        kept = [form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        if not kept:
            raise ValidationError(_("Give at least one source for text the editors wrote."))


class SourcesInline(admin.TabularInline):
    """The citations shown to readers. Possible sources the original did not give go in the suggestions."""

    extra = 1
    formset = SourcesFormSet
    autocomplete_fields = ["source"]
    verbose_name = _("source")
    verbose_name_plural = _("sources shown to readers (as the original cites them)")


def _sources_inline(model) -> type[admin.TabularInline]:
    return type(f"{model.__name__}SourcesInline", (SourcesInline,), {"model": model.sources.through})


@admin.register(Jurisdiction)
class JurisdictionAdmin(GuideItemAdmin):
    list_display = ("name", "is_published", "review_due", "needs_attention")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = ((_("Jurisdiction"), {"fields": ("name", "slug")}), *ITEM_FIELDSETS)


@admin.register(Snippet)
class SnippetAdmin(GuideItemAdmin):
    list_display = ("title", "key", "is_published", "review_due", "needs_attention")
    search_fields = ("title", "body", "key")
    ordering = ("key",)
    fieldsets = ((_("Text"), {"fields": ("key", "kicker", "title", "body")}), *ITEM_FIELDSETS)


class ChannelInline(admin.StackedInline):
    model = Channel
    extra = 0
    fields = ("order", "name", "slug", "role", "gives_reference", "is_published")
    show_change_link = True


@admin.register(Step)
class StepAdmin(GuideItemAdmin):
    list_display = ("__str__", "jurisdiction", "is_published", "review_due", "needs_attention")
    list_filter = ("jurisdiction", *GuideItemAdmin.list_filter)
    search_fields = ("title", "intro")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [ChannelInline]
    fieldsets = ((_("Content"), {"fields": ("jurisdiction", "number", "title", "slug", "intro")}), *ITEM_FIELDSETS)


@admin.register(Channel)
class ChannelAdmin(GuideItemAdmin):
    list_display = ("name", "step", "order", "gives_reference", "is_published", "review_due", "needs_attention")
    list_filter = ("step", "gives_reference", *GuideItemAdmin.list_filter)
    search_fields = ("name", "role", "description", "phone", "email")
    ordering = ("step", "order")
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = (
        (
            _("Content"),
            {"fields": ("step", "order", "name", "slug", "role", "in_short", "description", "gives_reference")},
        ),
        (_("How to contact"), {"fields": ("url", "phone", "email", "contact_note")}),
        *ITEM_FIELDSETS,
    )


@admin.register(Offence)
class OffenceAdmin(GuideItemAdmin):
    list_display = ("title", "act", "kind", "mode_of_trial", "is_published", "review_due", "needs_attention")
    list_filter = ("kind", "mode_of_trial", "tags", *GuideItemAdmin.list_filter)
    search_fields = ("title", "act", "section", "covers", "key_elements")
    ordering = ("order",)
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("tags",)
    fieldsets = (
        (_("Content"), {"fields": ("jurisdiction", "order", "title", "slug", "in_short", "covers", "key_elements")}),
        (
            _("Legal detail"),
            {"fields": ("act", "section", "kind", "mode_of_trial", "classification", "max_penalty")},
        ),
        (_("Offence finder"), {"fields": ("tags", "seriousness", "report_as")}),
        *ITEM_FIELDSETS,
    )


@admin.register(Article)
class ArticleAdmin(GuideItemAdmin):
    list_display = ("title", "kind", "order", "is_published", "review_due", "needs_attention")
    list_filter = ("kind", *GuideItemAdmin.list_filter)
    search_fields = ("title", "summary", "body")
    ordering = ("kind", "order")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (_("Content"), {"fields": ("jurisdiction", "kind", "order", "title", "slug", "summary", "body")}),
        *ITEM_FIELDSETS,
    )


@admin.register(CountryGuide)
class CountryGuideAdmin(GuideItemAdmin):
    list_display = ("country", "order", "is_published", "review_due", "needs_attention")
    search_fields = ("country", "fastest_lever", "how_case_reaches", "more", "honest_truth")
    ordering = ("order",)
    prepopulated_fields = {"slug": ("country",)}
    fieldsets = (
        (_("Country"), {"fields": ("jurisdiction", "order", "country", "slug", "in_short", "intro")}),
        (_("What to do"), {"fields": ("fastest_lever", "how_case_reaches", "more", "honest_truth")}),
        *ITEM_FIELDSETS,
    )


@admin.register(EscalationRung)
class EscalationRungAdmin(GuideItemAdmin):
    list_display = ("__str__", "is_published", "review_due", "needs_attention")
    search_fields = ("title", "what_to_do", "when_to_move_up")
    ordering = ("number",)
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (
            _("Rung"),
            {"fields": ("jurisdiction", "number", "title", "slug", "in_short", "what_to_do", "when_to_move_up")},
        ),
        *ITEM_FIELDSETS,
    )


class SituationOffenceInline(admin.TabularInline):
    model = SituationOffence
    extra = 1
    fields = ("offence", "why", "legal_flag_note", "legal_flagged_on")
    autocomplete_fields = ["offence"]
    verbose_name_plural = _("offences that may apply, with why")


@admin.register(Situation)
class SituationAdmin(GuideItemAdmin):
    list_display = ("label", "order", "is_urgent", "asks_country", "is_published", "review_due", "needs_attention")
    list_filter = ("is_urgent", *GuideItemAdmin.list_filter)
    search_fields = ("label", "help_text")
    ordering = ("order",)
    prepopulated_fields = {"slug": ("label",)}
    inlines = [SituationOffenceInline]
    filter_horizontal = ("channels", "articles", "country_guides")
    fieldsets = (
        (_("What the reader ticks"), {"fields": ("jurisdiction", "order", "label", "slug", "help_text")}),
        (
            _("What it points to"),
            {"fields": ("is_urgent", "channels", "articles", "asks_country", "country_guides")},
        ),
        *ITEM_FIELDSETS,
    )


def _items_using(source: Source, relation: str) -> list:
    items = []
    for model in apps.get_app_config("guide").get_models():
        if issubclass(model, GuideItem):
            items += getattr(source, f"{model._meta.model_name}_{relation}").all()
    return items


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    """The verification queue: a source is checked only with its exact page, a date and who checked it."""

    list_display = ("title", "named_as", "url", "publisher", "last_verified", "checked_by", "needs_verification")
    list_filter = ("needs_verification", "publisher")
    search_fields = ("title", "named_as", "url", "publisher", "notes")
    ordering = ("-needs_verification", "title")
    readonly_fields = ("named_as", "last_verified", "checked_by", "needs_verification", "used_by", "suggested_for")
    actions = ["mark_verified_today"]
    fieldsets = (
        (_("Source"), {"fields": ("title", "named_as", "url", "publisher")}),
        (_("Verification"), {"fields": ("needs_verification", "last_verified", "checked_by", "notes")}),
        (_("Where it is used"), {"fields": ("used_by", "suggested_for")}),
    )

    @admin.display(description=_("cited by"))
    def used_by(self, obj: Source):
        return format_html_join(", ", "{}", ((item,) for item in _items_using(obj, "items"))) or "—"

    @admin.display(description=_("suggested for"))
    def suggested_for(self, obj: Source):
        return format_html_join(", ", "{}", ((item,) for item in _items_using(obj, "suggestions"))) or "—"

    def save_model(self, request, obj, form, change):
        if change and "url" in form.changed_data:
            services.clear_source_check(obj)
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Mark as verified today (exact page checked)"))
    def mark_verified_today(self, request: HttpRequest, queryset: QuerySet) -> None:
        # One by one, so the content version signal fires for each.
        count = 0
        for source in queryset:
            try:
                services.mark_source_checked(source=source, user=request.user)
            except services.SourceNotCheckable as refused:
                self.message_user(request, str(refused), messages.ERROR)
            else:
                count += 1
        if count:
            message = ngettext("%d source marked as verified.", "%d sources marked as verified.", count) % count
            self.message_user(request, message, messages.SUCCESS)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(ContentVersion)
class ContentVersionAdmin(admin.ModelAdmin):
    """Read-only: shows editors which version installed apps will fetch next."""

    list_display = ("number", "changed")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
