"""Writes of the organisation register: an organisation by hand, its notes, its contacts (deletable)."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from stdnum.no import orgnr as orgnr_check

from integrering.core.exceptions import ApplicationError
from integrering.core.versioning import expect_version
from integrering.regional.organisations.models import Organisation, OrganisationContact
from integrering.regional.validation import full_clean_or_raise

FIELDS = (
    "name",
    "form_code",
    "municipality",
    "address",
    "postcode",
    "postal_place",
    "website",
    "in_voluntary_register",
    "active",
    "notes",
)


def _save(organisation: Organisation, data: dict[str, Any]) -> Organisation:
    for name in FIELDS:
        if name in data:
            setattr(organisation, name, data[name])
    full_clean_or_raise(organisation, exclude=["county"])
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError as error:
        raise ApplicationError(
            _("The county already has an organisation with this organisation number."), field="orgnr"
        ) from error
    return organisation


def organisation_create(*, county: Any, orgnr: str, **data: Any) -> Organisation:
    orgnr = orgnr_check.compact(orgnr or "")
    if not orgnr_check.is_valid(orgnr):
        raise ApplicationError(_("Not a valid organisation number (9 digits with a check digit)."), field="orgnr")
    return _save(Organisation(county=county, orgnr=orgnr), data)


def organisation_update(*, organisation: Organisation, version: int | None = None, **data: Any) -> Organisation:
    expect_version(organisation, version)
    return _save(organisation, data)


def contact_add(
    *, organisation: Organisation, name: str, role: str = "", email: str = "", phone: str = ""
) -> OrganisationContact:
    contact = OrganisationContact(organisation=organisation, name=name, role=role, email=email, phone=phone)
    full_clean_or_raise(contact)
    contact.save()
    return contact


def contact_delete(*, contact: OrganisationContact) -> None:
    contact.delete()
