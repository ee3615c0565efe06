"""The interface languages (bokmål and nynorsk) and the language a letter or report is written in."""

from django.conf import settings
from django.utils import translation

# The query parameter that asks for a letter or report in a given written form: ``?sprak=nn``.
LETTER_LANGUAGE_PARAMETER = "sprak"


def supported_languages() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def letter_language(request) -> str:
    """The language a letter or report is rendered in: ``?sprak=nb|nn`` when given, else the page's language."""
    asked = request.GET.get(LETTER_LANGUAGE_PARAMETER, "")
    return asked if asked in supported_languages() else translation.get_language() or settings.LANGUAGE_CODE
