"""Guide pages. Plain function views; reads go through guide.selectors."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from guide import finder as offence_finder
from guide import selectors
from guide.models import Article, CountryGuide, Offence, Situation, Step
from guide.offline import guide_page


@guide_page
def step(request: HttpRequest, slug: str) -> HttpResponse:
    item = selectors.access_item(Step, request.user, slug=slug)
    channels = selectors.step_channels(item, request.user)
    return render(request, "guide/step.html", {"item": item, "channels": channels})


@guide_page
def offence(request: HttpRequest, slug: str) -> HttpResponse:
    item = selectors.access_item(Offence, request.user, slug=slug)
    context = {"item": item, "channels": [], "words": ""}
    if item.kind == Offence.Kind.CRIMINAL:
        context["channels"] = selectors.offence_channels(item, request.user)
        if item.report_as:
            context["words"] = offence_finder.what_to_say(
                report_as=[item.report_as], what_happened="", started=None, how_often=""
            )
    return render(request, "guide/offence.html", context)


@guide_page
def country(request: HttpRequest, slug: str) -> HttpResponse:
    item = selectors.access_item(CountryGuide, request.user, slug=slug)
    return render(request, "guide/country.html", {"item": item})


@guide_page
def article(request: HttpRequest, slug: str) -> HttpResponse:
    item = selectors.access_item(Article, request.user, slug=slug)
    return render(request, "guide/article.html", {"item": item})


@guide_page
def ladder(request: HttpRequest) -> HttpResponse:
    rungs = selectors.ladder(request.user)
    return render(request, "guide/ladder.html", {"rungs": rungs, "review": selectors.review_status(rungs)})


@guide_page
def quick_exit_help(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/quick_exit.html")


def _finder_form(request: HttpRequest, data=None) -> offence_finder.FinderForm:
    return offence_finder.FinderForm(
        data,
        situations=selectors.visible(Situation.objects.all(), request.user),
        countries=selectors.visible(CountryGuide.objects.all(), request.user),
    )


def _render_finder(request: HttpRequest, form, catalogue, result=None, status: int = 200) -> HttpResponse:
    context = {
        "catalogue": catalogue,
        "review": selectors.review_status(catalogue.situations),
        "form": form,
        "answers": {
            "situations": form.data.getlist("situations") if form.is_bound else [],
            "country": form.data.get("country", ""),
            "started": form.data.get("started", ""),
            "how_often": form.data.get("how_often", ""),
            "what_happened": form.data.get("what_happened", ""),
        },
        "result": result,
        "how_often": offence_finder.HOW_OFTEN,
        "sentences": offence_finder.SENTENCES,
    }
    return render(request, "guide/finder.html", context, status=status)


@guide_page
def _finder_page(request: HttpRequest) -> HttpResponse:
    return _render_finder(request, _finder_form(request), selectors.finder_catalogue(request.user))


@never_cache
def _finder_answer(request: HttpRequest) -> HttpResponse:
    form = _finder_form(request, request.POST)
    catalogue = selectors.finder_catalogue(request.user)
    if not form.is_valid():
        return _render_finder(request, form, catalogue, status=400)
    return _render_finder(request, form, catalogue, offence_finder.find(form.cleaned_data, catalogue.situations))


# No CSRF token: the POST changes nothing and is never stored, and a token would make
# the page personal and stop it being cached for offline use.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def finder(request: HttpRequest) -> HttpResponse:
    """What is happening to you? Works with JavaScript (on the device) and without (one POST)."""
    if request.method == "POST":
        return _finder_answer(request)
    return _finder_page(request)
