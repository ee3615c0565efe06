"""The errors the settlement services raise for the user: each carries a Norwegian message to show.

Views show them as a form error (or the current values, for :class:`StaleVersion`); the commands print
the message and exit with status 2.
"""

from integrering.settlement.years.models import SettlementYear


class StaleVersion(Exception):
    """The record was changed by someone else since it was read (optimistic lock)."""

    def __init__(self, current):
        super().__init__("Tallene ble endret av noen andre i mellomtiden.")
        self.current = current


class InvalidFigures(ValueError):
    """Minors exceed the total, or similar: a Norwegian message for the user."""


class RecommendationLocked(InvalidFigures):
    """«Anbefalt» changes only by a new version of the year's (frozen) recommendation."""

    def __init__(self, settlement_year: SettlementYear):
        super().__init__(
            f"«Anbefalt» er låst av fylkets anbefaling for {settlement_year.year}. Lag en ny versjon "
            "av anbefalingen (med begrunnelse) for å endre den."
        )
