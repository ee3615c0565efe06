"""Municipalities with their names and population by year, and the county's contact persons."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from django.conf import settings
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from integrering.core.models import County
from integrering.core.tenancy import CountyScopedQuerySet
from integrering.core.versioning import Versioned

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class YearFigures(TypedDict):
    """What :meth:`MunicipalityQuerySet.with_name_and_population` adds to each municipality."""

    name_in_year: str
    population_in_year: int | None
    population_year: int | None


class MunicipalityQuerySet(CountyScopedQuerySet):
    """The one place that knows which municipalities exist in a year and their name and population that year.

    ``scoped_for(user)`` / ``for_county(county)`` come from :class:`CountyScopedQuerySet` (a municipal user sees
    their own municipality only).
    """

    def valid_in(self, year: int) -> MunicipalityQuerySet:
        """The municipalities that exist in ``year`` (``valid_from <= year <= valid_to``, open-ended ``valid_to``).

        :meth:`Municipality.is_valid_in` is the same rule for one loaded record.
        """
        return self.filter(valid_from__lte=year).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=year))

    def with_name_and_population(self, year: int) -> models.QuerySet[WithAnnotations[Municipality, YearFigures]]:
        """Annotate ``name_in_year``, ``population_in_year`` and ``population_year`` for ``year`` (one query).

        * ``name_in_year``: the official (SSB) name in force that year; for a year after the last year with
          names, the latest official name; without any official name, ``norwegian_name``.
        * ``population_in_year``: **the one population fallback** — the population on 1 January of ``year``;
          where that figure is not (yet) published, the latest earlier year's figure. ``population_year`` says
          which year the figure is from (equal to ``year`` when exact); both are None when no figure of
          ``year`` or earlier exists.
        """
        names = (
            MunicipalityName.objects.filter(municipality=OuterRef("pk"), year__lte=year)
            .order_by("-year")
            .values("name")[:1]
        )
        latest = Population.objects.filter(municipality=OuterRef("pk"), year__lte=year).order_by("-year")
        return self.annotate(
            name_in_year=Coalesce(Subquery(names), F("norwegian_name")),
            population_in_year=Subquery(latest.values("total")[:1]),
            population_year=Subquery(latest.values("year")[:1]),
        )


class Municipality(models.Model):
    """A municipality as identified by its number, valid for a span of years.

    A municipality whose number changed in 2024 is two records; ``successors`` links them.
    """

    number = models.CharField(_("municipality number"), max_length=4, unique=True)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("county")
    )
    valid_from = models.PositiveSmallIntegerField(_("valid from year"))
    valid_to = models.PositiveSmallIntegerField(_("valid to year"), null=True, blank=True)
    norwegian_name = models.CharField(_("Norwegian name"), max_length=100)
    other_names = models.CharField(_("Sami and Kven names"), max_length=200, blank=True)
    sami_administrative_area = models.BooleanField(_("in the administrative area for Sami languages"), default=False)
    label_lon = models.FloatField(null=True, blank=True)
    label_lat = models.FloatField(null=True, blank=True)
    successors: models.ManyToManyField[Municipality, Succession] = models.ManyToManyField(
        "self", symmetrical=False, through="Succession", related_name="predecessors", blank=True
    )

    county_path = "county"
    municipality_path = "pk"

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return f"{self.number} {self.norwegian_name}"

    def is_valid_in(self, year: int) -> bool:
        """The rule of :meth:`MunicipalityQuerySet.valid_in` for one loaded record."""
        return self.valid_from <= year and (self.valid_to is None or year <= self.valid_to)

    def get_additional_data(self) -> dict:
        return {"county": self.county.number}


class Succession(models.Model):
    """A number change on 1 January 2024: ``old`` became (part of) ``new``."""

    old = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("old municipality")
    )
    new = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("new municipality")
    )
    population_share = models.DecimalField(_("share of the population"), max_digits=6, decimal_places=4)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["old", "new"], name="unique_succession")]
        verbose_name = _("municipality number change")
        verbose_name_plural = _("municipality number changes")

    def __str__(self) -> str:
        return f"{self.old} → {self.new}"


class MunicipalityName(models.Model):
    """The official (SSB) name of a municipality in force at the end of a year."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="names", verbose_name=_("municipality")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    name = models.CharField(_("name"), max_length=150)

    class Meta:
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["municipality", "year"], name="unique_name_per_year")]
        verbose_name = _("municipality name")
        verbose_name_plural = _("municipality names")

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class Population(models.Model):
    """Population on 1 January of a year (SSB table 07459)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="populations", verbose_name=_("municipality")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    total = models.PositiveIntegerField(_("population"))
    women = models.PositiveIntegerField(_("women"), null=True, blank=True)
    men = models.PositiveIntegerField(_("men"), null=True, blank=True)

    class Meta:
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["municipality", "year"], name="unique_population_per_year")]
        verbose_name = _("population figure")
        verbose_name_plural = _("population figures")

    def __str__(self) -> str:
        return f"{self.municipality} {self.year}: {self.total}"


class ContactAssignment(Versioned, models.Model):
    """A county user is the contact person for a municipality for a period (open-ended when ``end`` is empty).

    Periods of one municipality never overlap: ``services.contact_assign`` only adds a period that starts
    after every registered one and ends the open one the day before; the database holds at most one open
    period and one period per start date for each municipality.

    Versioned: ending a period, or assigning over periods another administrator changed since the page was
    opened, is refused with what they saved (``services.contact_state``).
    """

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="contact_assignments", verbose_name=_("municipality")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="contact_assignments",
        verbose_name=_("contact person"),
    )
    start = models.DateField(_("from"))
    end = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        ordering = ["municipality__number", "-start"]
        verbose_name = _("contact person assignment")
        verbose_name_plural = _("contact person assignments")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")), name="contact_end_after_start"
            ),
            models.UniqueConstraint(
                fields=["municipality"],
                condition=Q(end__isnull=True),
                name="one_open_contact_period_per_municipality",
            ),
            models.UniqueConstraint(fields=["municipality", "start"], name="one_contact_period_per_start"),
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.municipality}"

    def get_additional_data(self) -> dict:
        return {"county": self.municipality.county.number}
