from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "socialguard.inbox"
    default_auto_field = "django.db.models.BigAutoField"
