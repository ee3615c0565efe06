"""The register of voluntary organisations (area 4), kept up to date from Enhetsregisteret."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyOwned
from integrering.core.versioning import Versioned
from integrering.regional.validation import NATIONAL_ID_HELP, no_national_id


def _text(label, length: int, **options) -> models.CharField:
    return models.CharField(label, max_length=length, blank=True, validators=[no_national_id], **options)


class Organisation(CountyOwned, Versioned):
    orgnr = models.CharField(_("organisation number"), max_length=9)
    name = models.CharField(_("name"), max_length=300, validators=[no_national_id])
    form_code = models.CharField(_("organisational form"), max_length=10, blank=True)
    form_description = _text(_("organisational form (description)"), 200)
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="regional_organisations",
        verbose_name=_("municipality"),
    )
    address = _text(_("address"), 300)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    postal_place = _text(_("postal place"), 100)
    website = _text(_("website"), 300)
    in_voluntary_register = models.BooleanField(_("in Frivillighetsregisteret"), default=False)
    active = models.BooleanField(_("active"), default=True)
    bankrupt_or_winding_up = models.BooleanField(_("bankrupt or being wound up"), default=False)
    # False: it was in an earlier import of Enhetsregisteret and is not in the latest («ikke lenger i
    # Enhetsregisteret»). Never deleted: its activities and history stay.
    in_register = models.BooleanField(_("in Enhetsregisteret"), default=True)
    from_register = models.BooleanField(_("imported from Enhetsregisteret"), default=False)
    notes = models.TextField(
        _("notes"), blank=True, max_length=5000, validators=[no_national_id], help_text=NATIONAL_ID_HELP
    )

    unguarded_fields = ("orgnr", "form_code", "postcode")

    class Meta:
        ordering = ["name", "orgnr"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [models.UniqueConstraint(fields=["county", "orgnr"], name="regional_one_organisation_per_orgnr")]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict[str, str]:
        """The county of a change made without a logged-in user (the import), for the county's audit page."""
        return {"county": self.county.number}

    @property
    def is_active(self) -> bool:
        return self.active and self.in_register


class OrganisationContact(models.Model):
    """A contact person of an organisation: personal data, kept minimal and deletable."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200, validators=[no_national_id])
    role = _text(_("role"), 200)
    email = models.EmailField(_("e-mail"), blank=True, validators=[no_national_id])
    phone = _text(_("phone"), 30)

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict[str, str]:
        return {"county": self.organisation.county.number}
