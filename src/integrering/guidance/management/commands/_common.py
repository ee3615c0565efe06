"""Shared helpers of the guidance commands: Norwegian errors with exit 2."""

import sys
from typing import NoReturn

from integrering.core.models import County


def fail(messages: list[str]) -> NoReturn:
    for message in messages:
        sys.stderr.write(message + "\n")
    sys.exit(2)


def county_or_fail(number: str) -> County:
    county = County.objects.filter(number=str(number).strip().zfill(2)).first()
    if county is None:
        fail([f"Ukjent fylkesnummer: {number}."])
    return county
