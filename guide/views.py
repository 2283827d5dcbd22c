"""Guide pages. Plain function views; reads go through guide.selectors."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from guide import selectors
from guide.models import Article, CountryGuide, Offence, Step
from guide.offline import guide_page


@guide_page
def step(request: HttpRequest, slug: str) -> HttpResponse:
    item = selectors.access_item(Step, request.user, slug=slug)
    channels = selectors.step_channels(item, request.user)
    return render(request, "guide/step.html", {"item": item, "channels": channels})


@guide_page
def offence(request: HttpRequest, slug: str) -> HttpResponse:
    item = selectors.access_item(Offence, request.user, slug=slug)
    return render(request, "guide/offence.html", {"item": item})


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
    reviewed_on = min((rung.reviewed_on for rung in rungs), default=None)
    return render(request, "guide/ladder.html", {"rungs": rungs, "reviewed_on": reviewed_on})


@guide_page
def quick_exit_help(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/quick_exit.html")
