from django.urls import include, path

from casefile.schema import SchemaApi

app_name = "casefile"

urlpatterns = [
    path("schema/", SchemaApi.as_view(), name="schema"),
    path("", include("casefile.accounts.urls")),
    path("", include("casefile.sync.urls")),
    path("", include("casefile.evidence.urls")),
    path("", include("casefile.links.urls")),
]
