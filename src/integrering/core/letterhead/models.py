"""One row of letter settings per county (Versioned: a stale form never overwrites a newer save)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from integrering.core.versioning import Versioned


class CountyLetterSettings(Versioned):
    """What a letter from the county needs and the county record does not have. Empty text = the default."""

    county = models.OneToOneField(
        "core.County", on_delete=models.CASCADE, related_name="letter_settings", verbose_name=_("county")
    )
    letter_name = models.CharField(_("name in letters"), max_length=150, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    visiting_address = models.CharField(_("visiting address"), max_length=200, blank=True)
    organisation_number = models.CharField(_("organisation number"), max_length=9, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    signer_title = models.CharField(_("title of the signer"), max_length=100, blank=True)
    case_officer_title = models.CharField(_("title of the case officer"), max_length=100, blank=True)
    addressee = models.TextField(_("addressee"), blank=True)
    recommendation_body = models.TextField(_("text of the letter with the recommendation"), blank=True)
    attachments = models.TextField(_("attachments"), blank=True)

    class Meta:
        verbose_name = _("letter settings")
        verbose_name_plural = _("letter settings")

    def __str__(self) -> str:
        return str(self.county)

    def get_additional_data(self) -> dict:
        return {"county": self.county.number}
