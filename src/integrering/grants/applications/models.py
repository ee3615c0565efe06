"""An application for a grant: it belongs to an organisation (every member sees and continues it), goes through the
statuses of :mod:`integrering.grants.applications.status`, and gets its reference ``TS-<year>-<nnnn>`` when it is
submitted (numbered per county and year by :class:`ReferenceCounter`, under a row lock)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyOwned
from integrering.core.versioning import Versioned
from integrering.grants.applicants.models import Organisation
from integrering.grants.applications.status import Status
from integrering.grants.calls.models import Call


class Application(CountyOwned, Versioned):
    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications", verbose_name=_("call"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="applications", verbose_name=_("organisation")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    reference = models.CharField(_("reference"), max_length=20, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    # Step 1: the project
    project_title = models.CharField(_("project title"), max_length=200, blank=True)
    project_summary = models.TextField(_("what the project will do"), blank=True)
    starts_on = models.DateField(_("project starts"), null=True, blank=True)
    ends_on = models.DateField(_("project ends"), null=True, blank=True)
    activities = models.TextField(_("activities and timeline"), blank=True)
    # Step 2: who it is for, and where
    target_group = models.TextField(_("target group"), blank=True)
    participant_count = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    municipalities = models.ManyToManyField(
        "municipalities.Municipality", related_name="+", blank=True, verbose_name=_("municipalities involved")
    )
    # Step 3: money, in whole kroner. [{"item": "Lønn mentor", "amount": 200000}, …]
    costs = models.JSONField(_("cost plan"), default=list, blank=True)
    # Other financing than this grant (the applicant's own share and others'): [{"source": …, "amount": …}]
    financing = models.JSONField(_("financing plan"), default=list, blank=True)
    amount_applied = models.PositiveBigIntegerField(_("amount applied for (kr)"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # A caseworker's reopening: the application may be submitted after the deadline until this day.
    late_until = models.DateField(_("may be submitted late until"), null=True, blank=True)
    reopen_reason = models.CharField(_("reason for reopening"), max_length=500, blank=True)

    # The caseworker's recommendation and the decision (whole kroner).
    recommendation = models.CharField(
        _("recommendation"),
        max_length=10,
        blank=True,
        choices=[("grant", _("Grant")), ("reject", _("Reject"))],
    )
    proposed_amount = models.PositiveBigIntegerField(_("proposed amount (kr)"), null=True, blank=True)
    rejection_codes = models.JSONField(_("rejection reasons"), default=list, blank=True)
    granted_amount = models.PositiveBigIntegerField(_("granted amount (kr)"), null=True, blank=True)
    decided_on = models.DateField(_("decided"), null=True, blank=True)
    acceptance_deadline = models.DateField(_("accept by"), null=True, blank=True)

    municipality_path = "organisation__municipality"

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(
                fields=["county", "reference"], condition=~Q(reference=""), name="grants_application_unique_reference"
            ),
            models.CheckConstraint(
                condition=Q(status="utkast") | ~Q(reference=""), name="grants_application_submitted_has_reference"
            ),
        ]
        indexes = [models.Index(fields=["call", "status"], name="grants_app_call_status")]

    def __str__(self) -> str:
        return self.reference or self.project_title or str(_("Draft"))

    @property
    def total_costs(self) -> int:
        return sum(line["amount"] for line in self.costs)

    @property
    def other_financing(self) -> int:
        return sum(line["amount"] for line in self.financing)


class ReferenceCounter(models.Model):
    """The last number given in a county's year; incremented under a row lock (never two equal references)."""

    county = models.ForeignKey("core.County", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["county", "year"], name="grants_reference_counter_unique")]

    def __str__(self) -> str:
        return f"{self.county_id} {self.year}: {self.last}"
