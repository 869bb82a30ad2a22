from django.urls import path

from socialguard.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.account_list, name="list"),
    path("<int:account_id>/retire/", views.retire, name="retire"),
]
