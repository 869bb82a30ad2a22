from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "socialguard.posts"
    default_auto_field = "django.db.models.BigAutoField"
