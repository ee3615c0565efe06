"""Translation for the code that runs without Django: the pure cores (``allocation``, ``legal``, ``tabular``), the
engine's command line and the start-up checks of the settings.

Source strings are English and marked so that ``makemessages`` collects them into the project's catalogue
(``integrering/locale/nb/LC_MESSAGES/django.po``):

- ``gettext("…")`` (or ``_ = gettext``) translates now, with the translator in use;
- ``gettext_noop("…")`` only marks a string that is translated later (a module-level constant, a rule's text, a
  label): pass it to ``gettext`` where it is shown, never translate at import time;
- ``ngettext(singular, plural, n)`` for a count.

Placeholders are named (``"%(count)s municipalities"`` with ``% {"count": …}``), never f-strings: the translator
must see the whole sentence. Numbers are written for bokmål by the caller (``allocation.wording``).

The translator is, by default, the standard library's :mod:`gettext` reading the compiled catalogue in bokmål
(English if it has not been compiled: ``make install`` compiles it). Under Django, ``core``'s ``AppConfig.ready``
sets Django's ``gettext``/``ngettext`` instead (:func:`translator_set`), so the active language of the request
applies and the same catalogue is read.
"""

from __future__ import annotations

import functools
import gettext as _gettext
from collections.abc import Callable
from pathlib import Path
from typing import Final

LOCALE_DIR: Final = Path(__file__).resolve().parent / "locale"
DEFAULT_LANGUAGE: Final = "nb"
DOMAIN: Final = "django"  # the catalogue Django's makemessages writes and compilemessages compiles

Singular = Callable[[str], str]
Plural = Callable[[str, str, int], str]


def gettext_noop(message: str) -> str:
    """Mark ``message`` for translation (``makemessages`` finds this name) without translating it here."""
    return message


@functools.cache
def catalogue(language: str = DEFAULT_LANGUAGE) -> _gettext.NullTranslations:
    """The project's compiled catalogue for ``language`` (no translation if it has not been compiled)."""
    return _gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True)


def _catalogue_gettext(message: str) -> str:
    return catalogue().gettext(message)


def _catalogue_ngettext(singular: str, plural: str, count: int) -> str:
    return catalogue().ngettext(singular, plural, count)


_translator: tuple[Singular, Plural] = (_catalogue_gettext, _catalogue_ngettext)


def translator_set(singular: Singular | None, plural: Plural | None = None) -> None:
    """Translate with these functions from now on (Django's, from ``core``); None: the compiled catalogue again."""
    global _translator
    if singular is None or plural is None:
        _translator = (_catalogue_gettext, _catalogue_ngettext)
    else:
        _translator = (singular, plural)


def gettext(message: str) -> str:
    """``message`` (an English source string) in the current language."""
    return _translator[0](message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural (English source strings) for ``count``, in the current language."""
    return _translator[1](singular, plural, count)
