"""Django's own messages that its bokmål catalogue lacks (Django 5.2.19), so the project translates them.

Django changed the msgid of the password-length error (``%d`` instead of ``%(min_length)d``) and its
``nb`` catalogue still has the old one, so the error showed in English. Listing the msgids here puts
them in the project catalogue (``make messages``), which takes precedence over Django's.
Never evaluated; a test renders the errors in bokmål.
"""

from django.utils.translation import ngettext_lazy

MESSAGES = [
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
]
