from django.urls import path

from socialguard.people import views

app_name = "people"

urlpatterns = [
    path("pupils/", views.pupil_list, name="pupils"),
    path("pupils/<int:pupil_id>/", views.pupil_detail, name="pupil"),
    path("pupils/<int:pupil_id>/do-not-publish/", views.do_not_publish, name="do_not_publish"),
    path("import/", views.roster_import, name="import"),
    path("devices/", views.devices, name="devices"),
    path("devices/<int:device_id>/remove/", views.remove_device, name="remove_device"),
]
