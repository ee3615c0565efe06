"""Shared helpers of the plans commands. A broken rule is an ``ApplicationError``: the ``integrering`` command
prints its message and exits with status 2 (``integrering.cli``)."""

from __future__ import annotations

from typing import NoReturn

from django.utils.translation import gettext as _

from integrering.core.exceptions import ApplicationError
from integrering.core.models import County


def refuse(messages: list[str]) -> NoReturn:
    raise ApplicationError("\n".join(str(message) for message in messages))


def county_get(number: str) -> County:
    county = County.objects.filter(number=str(number).strip().zfill(2)).first()
    if county is None:
        refuse([_("Unknown county number: %(number)s.") % {"number": number}])
    return county
