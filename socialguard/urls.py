"""URL map of the web application."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from socialguard.audit import views as audit_views
from socialguard.orgs import views as org_views

urlpatterns = [
    path("", org_views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("s/<int:school_id>/", org_views.school, name="school"),
    path("s/<int:school_id>/policy/", org_views.policy, name="policy"),
    path("s/<int:school_id>/posts/", include("socialguard.posts.urls")),
    path("s/<int:school_id>/people/", include("socialguard.people.urls")),
    path("s/<int:school_id>/accounts/", include("socialguard.accounts.urls")),
    path("s/<int:school_id>/incidents/", include("socialguard.incidents.urls")),
    path("s/<int:school_id>/audit/", audit_views.audit_log, name="audit"),
    path("s/<int:school_id>/audit/export.csv", audit_views.audit_export, name="audit_export"),
    path("api/v1/", include("socialguard.api.urls")),
]
