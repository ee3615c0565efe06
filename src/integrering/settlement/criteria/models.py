"""The county's distribution criteria and their values per municipality and year."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from integrering.core.tenancy import CountyOwned, CountyScopedQuerySet
from integrering.core.versioning import Versioned
from integrering.municipalities.models import Municipality

# The built-in criterion: population on 1 January, from the reference data (it has no definition).
POPULATION = "folketall"


class CriterionDefinition(CountyOwned, Versioned):
    """A criterion the county uses to distribute (population is built in, from the reference data)."""

    code = models.SlugField(_("code"), max_length=40, help_text=_("Short name used in files and formulas."))
    name = models.CharField(_("name"), max_length=120)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    higher_is_better = models.BooleanField(_("higher is better"), default=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["county", "code"], name="unique_criterion_code")]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return self.name


class CriterionValue(Versioned):
    definition = models.ForeignKey(CriterionDefinition, on_delete=models.CASCADE, related_name="values")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="criterion_values")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=4)
    source = models.CharField(_("source"), max_length=255, blank=True)
    source_date = models.DateField(_("date of the source"), null=True, blank=True)

    county_path = "definition__county"
    municipality_path = None
    objects = CountyScopedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["definition", "municipality", "year"], name="unique_criterion_value"),
        ]
        verbose_name = _("criterion value")
        verbose_name_plural = _("criterion values")

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.year}: {self.value}"

    def get_additional_data(self) -> dict:
        return {"county": self.definition.county.number}
