"""URL map. The web application arrives with the next issue (docs/architecture.md)."""

from django.http import HttpRequest, JsonResponse
from django.urls import path


def health(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


urlpatterns = [path("api/v1/health", health, name="health")]
