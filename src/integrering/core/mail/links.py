"""Absolute links for e-mails: one helper for every message that contains a link (the plan digest, invitations,
applicants' confirmation, guidance requests).

``SITE_URL`` (the setting) wins: it is the address the county configured, not whatever ``Host`` a request named
(a forged ``Host`` must not turn a password link into a link to another site). Without it a request's own address
(``base_url``) is used, and a command without either writes the path only.
"""

from __future__ import annotations

from django.conf import settings


def absolute_url(path: str, *, base_url: str = "") -> str:
    """``path`` («/planer/tiltak/3/») on the site's address: ``SITE_URL``, else ``base_url``, else as it is."""
    base = (getattr(settings, "SITE_URL", "") or base_url or "").rstrip("/")
    return base + path if path.startswith("/") else path
