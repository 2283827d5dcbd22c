"""The OpenAPI schema of the sync API: for staff, or for anyone when DEBUG is on (local development)."""

from django.conf import settings
from django.http import Http404
from drf_spectacular.views import SpectacularAPIView


class SchemaApi(SpectacularAPIView):
    """In production everyone else gets 404: the site does not advertise its API to strangers."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not (settings.DEBUG or request.user.is_staff):
            raise Http404
