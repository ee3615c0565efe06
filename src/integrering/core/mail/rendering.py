"""Render an e-mail's subject, text part and HTML part from its templates in one language."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.template import Context
from django.template.loader import get_template
from django.utils import translation

# «test», «grants/receipt»: lower-case path segments only, so a name can never leave mail/.
TEMPLATE_NAME = re.compile(r"[a-z0-9_]+(?:/[a-z0-9_]+)*")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+\n")


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    text: str
    html: str


def mail_render(*, template: str, context: Mapping[str, Any], language: str, county=None) -> RenderedMail:
    """``mail/<template>/subject.txt``, ``body.txt`` and ``body.html`` rendered with ``language`` active.

    The subject is one line (line breaks in the template or a value become spaces, so no value can add a
    header); the text parts are not HTML-escaped, the HTML part is. The layouts (``mail/layout.html``,
    ``mail/layout.txt``) also get ``mail_county`` (the sending county, or None) and the HTML ``mail_subject``.
    """
    if not TEMPLATE_NAME.fullmatch(template):
        raise ValueError(f"Not a mail template name: {template!r}")
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Not a language of the application: {language!r}")
    values = {**context, "mail_county": county}
    with translation.override(language):
        subject = " ".join(_render_plain(f"mail/{template}/subject.txt", values).split())
        if not subject:
            raise ValueError(f"The template mail/{template}/subject.txt gives an empty subject")
        text = _BLANK_LINES.sub("\n\n", _render_plain(f"mail/{template}/body.txt", values)).strip() + "\n"
        html = get_template(f"mail/{template}/body.html").render({**values, "mail_subject": subject})
    return RenderedMail(subject=subject, text=text, html=html)


def _render_plain(name: str, values: dict[str, Any]) -> str:
    # The Django backend's template wraps the engine's in ``.template`` (which takes a Context, so autoescape can be
    # off); django-stubs' return type of get_template is the backend-neutral protocol without it.
    return get_template(name).template.render(Context(values, autoescape=False))  # type: ignore[attr-defined]
