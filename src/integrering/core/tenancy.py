"""Tenancy in the model layer: every county-owned record is read through ``Model.objects.scoped_for(user)``.

A county-owned model inherits :class:`CountyOwned` (a ``county`` foreign key), or — when its county is reached
through a parent (a settlement figure through its year) — uses :class:`CountyScopedQuerySet` as its manager and
names the path in ``county_path``. ``municipality_path`` names the municipality a record concerns; for a user
whose only view is one municipality (a municipal user), ``scoped_for`` keeps only that municipality's records,
and a model without ``municipality_path`` shows such a user nothing.

Selectors start from ``scoped_for(user)``; the permission policy (``core.permissions``) decides which pages a
role may open, the scope decides which records it sees there.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self

from django.db import models
from django.utils.translation import gettext_lazy as _


class CountyScopedQuerySet(models.QuerySet):
    def for_county(self, county: Any) -> Self:
        """The records of ``county`` (a County or its pk), for code that acts for a county, not a user."""
        county_id = getattr(county, "pk", county)
        return self.filter(**{self.model.county_path: county_id})

    def scoped_for(self, user: Any) -> Self:
        """What ``user`` may see: their county's records; a municipal user only their municipality's."""
        from integrering.core.permissions import is_municipal_only

        if not getattr(user, "is_authenticated", False) or not user.is_active or user.county_id is None:
            return self.none()
        scoped = self.for_county(user.county_id)
        if is_municipal_only(user):
            path = self.model.municipality_path
            if path is None or user.municipality_id is None:
                return self.none()
            scoped = scoped.filter(**{path: user.municipality_id})
        return scoped


class CountyOwned(models.Model):
    """A record that belongs to one county (the tenant)."""

    county = models.ForeignKey("core.County", on_delete=models.PROTECT, related_name="+", verbose_name=_("county"))

    county_path: ClassVar[str] = "county"
    municipality_path: ClassVar[str | None] = None

    objects = CountyScopedQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_additional_data(self) -> dict[str, str]:
        # Changes made without a logged-in user (imports from the command line) still show on the county's audit page.
        return {"county": self.county.number}
