"""WSGI entry point for `socialguard serve` and any WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialguard.settings")
application = get_wsgi_application()
