"""WSGI entry point: ``ktxh.web.wsgi:application`` for any WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ktxh.web.settings")
application = get_wsgi_application()
