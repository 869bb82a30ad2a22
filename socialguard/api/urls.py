"""/api/v1/…: every route here is described in openapi.py (a test checks it)."""

from django.urls import path

from socialguard.api import views

app_name = "api"

urlpatterns = [
    path("health", views.health, name="health"),
    path("openapi.json", views.openapi_json, name="openapi"),
    path("screen", views.screen, name="screen"),
    path("posts", views.posts, name="posts"),
    path("posts/<int:post_id>", views.post, name="post"),
    path("posts/<int:post_id>/submit", views.submit, name="submit"),
    path("<path:rest>", views.not_found, name="not_found"),  # JSON 404, not documented
]
