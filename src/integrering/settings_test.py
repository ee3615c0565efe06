"""Settings for the test suite: the normal settings in development mode, fast password hashing."""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")

from integrering.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]  # noqa: F405
# Messages stay in django.core.mail.outbox; the SMTP tests point the SMTP backend at a local server.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
