"""Helpers for asserting on rendered pages."""

import re

_CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')


def without_tokens(html: str) -> str:
    """The page with its random CSRF tokens blanked, so «"P3" not in page» cannot match a token by chance."""
    return _CSRF_VALUE.sub(r"\1\2", html)


def messages_of(response) -> list[str]:
    """The texts of the messages (django.contrib.messages) a followed response shows."""
    return [str(m) for m in response.context["messages"]] if response.context else []
