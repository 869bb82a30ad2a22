from django.urls import path

from socialguard.posts import views

app_name = "posts"

urlpatterns = [
    path("", views.post_list, name="list"),
    path("new/", views.compose, name="new"),
    path("screen/", views.live_screen, name="screen"),
    path("screen/fix/", views.apply_fix, name="apply_fix"),
    path("pupils/", views.pupil_search, name="pupil_search"),
    path("approvals/", views.approval_queue, name="queue"),
    path("archive/", views.archive, name="archive"),
    path("<int:post_id>/", views.detail, name="detail"),
    path("<int:post_id>/edit/", views.compose, name="edit"),
    path("<int:post_id>/submit/", views.submit, name="submit"),
    path("<int:post_id>/decide/", views.decide, name="decide"),
    path("<int:post_id>/withdraw/", views.withdraw, name="withdraw"),
    path("publications/<int:publication_id>/live/", views.record_live_url, name="live_url"),
]
