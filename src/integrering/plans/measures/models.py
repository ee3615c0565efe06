"""Measures (tiltak), their append-only status updates, the yearly action programme and the links to records of
other apps that a measure serves."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyScopedQuerySet
from integrering.core.versioning import Versioned
from integrering.plans.plans.models import Goal, Plan


class MeasureStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class Light(models.TextChoices):
    GREEN = "green", _("On track")
    YELLOW = "yellow", _("At risk")
    RED = "red", _("Off track")


def _light_comment_q(prefix: str = "") -> Q:
    # A light that is not green needs a comment saying why (services and forms say so in words first).
    return Q(**{f"{prefix}light": Light.GREEN}) | ~Q(**{f"{prefix}light_comment": ""})


class Measure(Versioned):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="measures", verbose_name=_("goal"))
    identifier = models.CharField(_("number"), max_length=16)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    areas = models.JSONField(_("areas of responsibility"), default=list, blank=True)
    responsible_unit = models.CharField(_("responsible unit"), max_length=255, blank=True)
    primary_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible person"),
    )
    contributors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("contributors")
    )
    partners = models.TextField(_("partners"), blank=True)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=MeasureStatus.choices, default=MeasureStatus.NOT_STARTED
    )
    light = models.CharField(_("traffic light"), max_length=8, choices=Light.choices, default=Light.GREEN)
    light_comment = models.TextField(_("comment on the traffic light"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_update_at = models.DateTimeField(_("last status update"), null=True, blank=True)

    county_path = "goal__focus_area__plan__county"
    municipality_path = None
    objects = CountyScopedQuerySet.as_manager()

    class Meta:
        ordering = ["goal", "identifier", "pk"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.UniqueConstraint(fields=["goal", "identifier"], name="unique_measure_identifier"),
            models.CheckConstraint(condition=_light_comment_q(), name="measure_light_comment_unless_green"),
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="measure_period_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.identifier} {self.title}"


class StatusUpdate(models.Model):
    """One entry of a measure's progress history. Append-only: no service changes one, and the database refuses
    an ``UPDATE`` of the table (a trigger, migration 0002)."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="updates", verbose_name=_("measure"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("written by")
    )
    created_at = models.DateTimeField(_("written"), db_index=True)
    text = models.TextField(_("text"))
    status = models.CharField(_("status"), max_length=16, choices=MeasureStatus.choices)
    light = models.CharField(_("traffic light"), max_length=8, choices=Light.choices)
    light_comment = models.TextField(_("comment on the traffic light"), blank=True)
    public = models.BooleanField(_("the text may be published"), default=False)

    county_path = "measure__goal__focus_area__plan__county"
    municipality_path = None
    objects = CountyScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")
        constraints = [
            models.CheckConstraint(condition=_light_comment_q(), name="status_update_light_comment_unless_green"),
            models.CheckConstraint(condition=~Q(text=""), name="status_update_has_text"),
        ]

    def __str__(self) -> str:
        return f"{self.measure_id} {self.created_at:%Y-%m-%d}"


class ActionProgramme(models.Model):
    """One revision of a plan's action programme for a year; a revision is never changed, the next one replaces
    it (the latest revision is the programme in force, earlier ones are kept)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="programmes", verbose_name=_("plan"))
    year = models.PositiveSmallIntegerField(_("year"))
    revision = models.PositiveSmallIntegerField(_("revision"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("created by")
    )
    note = models.TextField(_("note on the revision"), blank=True)

    county_path = "plan__county"
    municipality_path = None
    objects = CountyScopedQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "year", "-revision"]
        verbose_name = _("action programme")
        verbose_name_plural = _("action programmes")
        constraints = [
            models.UniqueConstraint(fields=["plan", "year", "revision"], name="unique_action_programme_revision")
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} {self.year} r{self.revision}"


class ActionProgrammeItem(models.Model):
    programme = models.ForeignKey(
        ActionProgramme, on_delete=models.CASCADE, related_name="items", verbose_name=_("action programme")
    )
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="+", verbose_name=_("measure"))
    budget = models.PositiveBigIntegerField(_("budget (NOK)"), null=True, blank=True)
    responsible = models.CharField(_("responsible"), max_length=255, blank=True)

    class Meta:
        ordering = ["programme", "measure__identifier"]
        verbose_name = _("measure in the action programme")
        verbose_name_plural = _("measures in the action programme")
        constraints = [models.UniqueConstraint(fields=["programme", "measure"], name="unique_programme_measure")]

    def __str__(self) -> str:
        return f"{self.programme_id} {self.measure_id}"


class MeasureLink(models.Model):
    """A record of another app that the measure serves: a kind registered in ``core.registry`` and the record's
    id (no foreign key: the apps are independent; a record that no longer exists is simply not shown)."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="links", verbose_name=_("measure"))
    kind = models.CharField(_("kind"), max_length=64)
    object_id = models.PositiveBigIntegerField(_("record"))

    county_path = "measure__goal__focus_area__plan__county"
    municipality_path = None
    objects = CountyScopedQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "object_id"]
        verbose_name = _("link")
        verbose_name_plural = _("links")
        constraints = [models.UniqueConstraint(fields=["measure", "kind", "object_id"], name="unique_measure_link")]
        indexes = [models.Index(fields=["kind", "object_id"], name="plans_measurelink_record")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"
