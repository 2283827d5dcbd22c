"""Admin for content editors: grouped the way an editor thinks, what needs attention first."""

from django.contrib import admin, messages
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from guide.models import (
    Article,
    Channel,
    ContentVersion,
    CountryGuide,
    EscalationRung,
    Jurisdiction,
    Offence,
    Situation,
    SituationOffence,
    Snippet,
    Source,
    Step,
    Tag,
)

REVIEW_FIELDS = (_("Publishing and review"), {"fields": ("is_published", "reviewed_on", "review_due")})


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

    list_filter = ("is_published", ReviewOverdueFilter, NeedsVerificationFilter)
    readonly_fields = ("created", "updated")
    list_per_page = 50
    save_on_top = True

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
        if obj.review_due < timezone.localdate():
            reasons.append(str(_("review overdue")))
        if getattr(obj, "has_unverified_source", False):
            reasons.append(str(_("source to verify")))
        return ", ".join(reasons) or "—"


class SourcesInline(admin.TabularInline):
    """Every guide item keeps at least one source: deleting the last one is refused."""

    extra = 1
    min_num = 1
    autocomplete_fields = ["source"]
    verbose_name = _("source")
    verbose_name_plural = _("sources (at least one)")

    def get_formset(self, request, obj=None, **kwargs):
        return super().get_formset(request, obj, validate_min=True, **kwargs)


def _sources_inline(model) -> type[admin.TabularInline]:
    return type(f"{model.__name__}SourcesInline", (SourcesInline,), {"model": model.sources.through})


@admin.register(Jurisdiction)
class JurisdictionAdmin(GuideItemAdmin):
    list_display = ("name", "is_published", "review_due", "needs_attention")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = ((_("Jurisdiction"), {"fields": ("name", "slug")}), REVIEW_FIELDS)


@admin.register(Snippet)
class SnippetAdmin(GuideItemAdmin):
    list_display = ("title", "key", "is_published", "review_due", "needs_attention")
    search_fields = ("title", "body", "key")
    ordering = ("key",)
    fieldsets = ((_("Text"), {"fields": ("key", "kicker", "title", "body")}), REVIEW_FIELDS)


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
    fieldsets = ((_("Content"), {"fields": ("jurisdiction", "number", "title", "slug", "intro")}), REVIEW_FIELDS)


@admin.register(Channel)
class ChannelAdmin(GuideItemAdmin):
    list_display = ("name", "step", "order", "gives_reference", "is_published", "review_due", "needs_attention")
    list_filter = ("step", "gives_reference", *GuideItemAdmin.list_filter)
    search_fields = ("name", "role", "description", "phone", "email")
    ordering = ("step", "order")
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = (
        (_("Content"), {"fields": ("step", "order", "name", "slug", "role", "description", "gives_reference")}),
        (_("How to contact"), {"fields": ("url", "phone", "email", "contact_note")}),
        REVIEW_FIELDS,
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
        (_("Content"), {"fields": ("jurisdiction", "order", "title", "slug", "covers", "key_elements")}),
        (
            _("Legal detail"),
            {"fields": ("act", "section", "kind", "mode_of_trial", "classification", "max_penalty")},
        ),
        (_("Offence finder"), {"fields": ("tags", "seriousness", "report_as")}),
        REVIEW_FIELDS,
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
        REVIEW_FIELDS,
    )


@admin.register(CountryGuide)
class CountryGuideAdmin(GuideItemAdmin):
    list_display = ("country", "order", "is_published", "review_due", "needs_attention")
    search_fields = ("country", "fastest_lever", "how_case_reaches", "more", "honest_truth")
    ordering = ("order",)
    prepopulated_fields = {"slug": ("country",)}
    fieldsets = (
        (_("Country"), {"fields": ("jurisdiction", "order", "country", "slug", "intro")}),
        (_("What to do"), {"fields": ("fastest_lever", "how_case_reaches", "more", "honest_truth")}),
        REVIEW_FIELDS,
    )


@admin.register(EscalationRung)
class EscalationRungAdmin(GuideItemAdmin):
    list_display = ("__str__", "is_published", "review_due", "needs_attention")
    search_fields = ("title", "what_to_do", "when_to_move_up")
    ordering = ("number",)
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (_("Rung"), {"fields": ("jurisdiction", "number", "title", "slug", "what_to_do", "when_to_move_up")}),
        REVIEW_FIELDS,
    )


class SituationOffenceInline(admin.TabularInline):
    model = SituationOffence
    extra = 1
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
        REVIEW_FIELDS,
    )


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("title", "url", "publisher", "last_verified", "needs_verification")
    list_filter = ("needs_verification", "publisher")
    search_fields = ("title", "url", "publisher", "notes")
    ordering = ("-needs_verification", "title")
    actions = ["mark_verified_today"]
    fieldsets = (
        (_("Source"), {"fields": ("title", "url", "publisher")}),
        (_("Verification"), {"fields": ("needs_verification", "last_verified", "notes")}),
    )

    @admin.action(description=_("Mark as verified today"))
    def mark_verified_today(self, request: HttpRequest, queryset: QuerySet) -> None:
        # Saved one by one so the content version signal fires for each.
        count = 0
        for source in queryset:
            source.needs_verification = False
            source.last_verified = timezone.localdate()
            source.save(update_fields=["needs_verification", "last_verified", "updated"])
            count += 1
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
