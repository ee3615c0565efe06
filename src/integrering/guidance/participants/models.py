"""The participant register: the persons the county serves with career guidance (§ 11) and Norwegian training (§ 30).

Minimal data (domain.md §8): only what the county needs to do and document its duties. Persons' data of
record live in IMDi's systems; the full guidance summary belongs in IMDinett, not here.

Unknown values: dates, months and yes/no are NULL when unknown; choice fields are ``""`` when unknown.

The evaluation by the rules core (``integrering.legal``) is cached on the participant (``findings``,
``in_target_group``, ``decision_deadline``, ``evaluated_on``) and in ``ParticipantFinding`` rows (one per
code, for filtering and counting in SQL; ``compliance.models``). Only ``compliance.services.participant_evaluate``
writes them; every service that changes a fact calls it. Time-dependent findings (``DECISION_OVERDUE`` without
a decision) are refreshed by ``compliance.services.participants_refresh`` (the ``evaluate-participants``
command, nightly).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.models import County
from integrering.core.tenancy import CountyScopedQuerySet
from integrering.core.versioning import Versioned
from integrering.legal import EDUCATION_LEVEL_LABELS, END_GOAL_LABELS, PERMIT_CATEGORY_LABELS
from integrering.municipalities.models import Municipality

# The labels are legal's English source strings, translated from the project catalogue.
PERMIT_CATEGORY_CHOICES = [(value, _(label)) for value, label in PERMIT_CATEGORY_LABELS.items()]
EDUCATION_LEVEL_CHOICES = [(value, _(label)) for value, label in EDUCATION_LEVEL_LABELS.items()]
END_GOAL_CHOICES = [(value, _(label)) for value, label in END_GOAL_LABELS.items()]


def mask_national_id(number: str | None) -> str:
    """The one mask for a fødselsnummer or D-nummer on every page: «Registrert – skjult», or ``""`` if none.

    It shows no digit at all: with the birth date on the page, even the first six or the last two digits
    would narrow the number down to a handful of candidates. Seeing the number is a separate, logged action.
    """
    return str(_("Registered – hidden")) if number else ""


def county_check(participant: "Participant") -> None:
    """A participant's county is their municipality's county: ``ApplicationError`` naming both otherwise."""
    from integrering.core.exceptions import ApplicationError

    municipality = participant.municipality
    if municipality.county_id != participant.county_id:
        raise ApplicationError(
            _("Municipality %(number)s %(name)s is not in the participant's county."),
            field="municipality",
            params={"number": municipality.number, "name": municipality.norwegian_name},
            code="county_mismatch",
        )


class Participant(Versioned):
    """A person in (or considered for) the introduction programme whom the county serves."""

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="participants")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="participants", verbose_name=_("municipality")
    )
    reference = models.CharField(
        _("municipality's reference"),
        max_length=64,
        help_text=_("The municipality's own reference for the person; unique within the county."),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    national_id = models.CharField(
        _("national identity number or D number"),
        max_length=11,
        blank=True,
        help_text=_("Optional. 11 digits; checked against the birth date."),
    )
    duf_number = models.CharField(_("DUF number"), max_length=12, blank=True)
    permit_category = models.CharField(_("permit category"), max_length=32, choices=PERMIT_CATEGORY_CHOICES, blank=True)
    permit_date = models.DateField(_("permit date"), null=True, blank=True)
    settlement_date = models.DateField(_("settlement date"), null=True, blank=True)
    settled_by_agreement = models.BooleanField(_("settled by agreement"), null=True, blank=True)
    education_level = models.CharField(_("education level"), max_length=16, choices=EDUCATION_LEVEL_CHOICES, blank=True)
    language = models.CharField(_("language"), max_length=100, blank=True)
    interpreter_needed = models.BooleanField(_("needs an interpreter"), null=True, blank=True)
    mapping_date = models.DateField(_("competence mapping date"), null=True, blank=True)
    # The municipality's § 12 decision.
    decision_date = models.DateField(_("decision date (§ 12)"), null=True, blank=True)
    programme_start = models.DateField(_("programme start"), null=True, blank=True)
    end_goal = models.CharField(_("end goal"), max_length=20, choices=END_GOAL_CHOICES, blank=True)
    planned_duration_months = models.PositiveSmallIntegerField(_("planned duration (months)"), null=True, blank=True)
    extension_months = models.PositiveSmallIntegerField(_("extension (months)"), null=True, blank=True)
    full_time_upper_secondary = models.BooleanField(_("in full-time upper secondary"), null=True, blank=True)
    # Privacy and bookkeeping.
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now, db_index=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    # Cached evaluation (written only by services.participant_evaluate).
    ruleset_version = models.CharField(max_length=20, blank=True)
    evaluated_on = models.DateField(null=True, blank=True)
    in_target_group = models.BooleanField(_("in the target group (§ 8)"), null=True, blank=True)
    decision_deadline = models.DateField(_("decision deadline"), null=True, blank=True, db_index=True)
    findings = models.JSONField(_("findings"), default=list, blank=True)

    # Tenancy (``core.tenancy``): read through ``Participant.objects.scoped_for(user)`` or ``.for_county(county)``.
    # Not ``CountyOwned``: the county key predates it and keeps its reverse name and its index with the municipality.
    county_path = "county"
    municipality_path = "municipality"
    objects = CountyScopedQuerySet.as_manager()

    class Meta:
        ordering = ["municipality__number", "reference"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["county", "reference"], name="unique_participant_reference"),
        ]
        indexes = [models.Index(fields=["county", "municipality"], name="participant_scope")]

    def __str__(self) -> str:
        return self.reference

    def save(self, *args, **kwargs) -> None:
        """Saved only in its municipality's county (the database checks it too: a trigger, migration 0005)."""
        fields = kwargs.get("update_fields")
        if fields is None or {"county", "municipality", "county_id", "municipality_id"} & set(fields):
            county_check(self)
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict:
        return {"county": self.county.number}

    @property
    def masked_national_id(self) -> str:
        """The identity number masked (``mask_national_id``: no digit shown), or ``""``."""
        return mask_national_id(self.national_id)

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None
