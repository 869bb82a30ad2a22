from django.urls import path

from socialguard.incidents import views

app_name = "incidents"

urlpatterns = [
    path("", views.incident_list, name="list"),
    path("report/", views.report, name="report"),
    path("people/", views.people_search, name="people_search"),
    path("review/", views.review_page, name="review"),
    path("retention/", views.retention, name="retention"),
    path("<str:kind>/<int:person_id>/timeline/", views.person_chronology, name="person"),
    path("<int:incident_id>/chronology/", views.chronology, name="chronology"),
    path("<int:incident_id>/", views.detail, name="detail"),
    path("<int:incident_id>/evidence/", views.add_evidence, name="evidence"),
    path("<int:incident_id>/notes/", views.add_note, name="note"),
    path("<int:incident_id>/triage/", views.triage, name="triage"),
    path("<int:incident_id>/decisions/", views.decide, name="decide"),
    path("<int:incident_id>/suggestions/", views.suggest, name="suggest"),
    path("<int:incident_id>/support/", views.support, name="support"),
    path("<int:incident_id>/seriousness/", views.seriousness, name="seriousness"),
    path("<int:incident_id>/resolve/", views.resolve, name="resolve"),
    path("<int:incident_id>/police/", views.police, name="police"),
    path("<int:incident_id>/custody/", views.custody, name="custody"),
    path("<int:incident_id>/takedowns/", views.takedown, name="takedown"),
    path("<int:incident_id>/takedowns/<int:takedown_id>/<str:step>/", views.takedown_step,
         name="takedown_step"),
]
