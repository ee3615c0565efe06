"""Reads of where a settlement year stands: its stage, computed from the data, and its warnings.

The stage follows the data: a frozen recommendation → «recommended»; IMDi's requests registered → «requested»;
every municipality with a request has its decision → «decided»; settled figures reported → «settling». A stage
set by hand (``SettlementYear.stage_override``, always with a reason) wins over the computed one until cleared.

The warnings say what does not add up: the requests against IMDi's frame, a decision below its request, and a
municipality with a request but no decision after IMDi's deadline. Two queries, whatever the county's size.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from integrering.core.templatetags.formatting import date_no, number
from integrering.settlement.figures.models import SettlementFigure
from integrering.settlement.figures.selectors import Row, year_rows
from integrering.settlement.recommendation.models import Recommendation
from integrering.settlement.years.models import SettlementYear, Stage

# The next step of each stage (the year page and the adviser's start page).
NEXT_STEP = {
    Stage.PLANNING: gettext_lazy("Register IMDi's frame, run the scenarios and freeze the county's recommendation."),
    Stage.RECOMMENDED: gettext_lazy(
        "Send the recommendation to IMDi and register IMDi's requests to the municipalities."
    ),
    Stage.REQUESTED: gettext_lazy("Follow up the municipalities' decisions and register them."),
    Stage.DECIDED: gettext_lazy("Register the settled figures as IMDi reports them."),
    Stage.SETTLING: gettext_lazy("Follow the settlement through the year; plan the next year."),
}
# Planning once IMDi's frame is registered.
NEXT_STEP_WITH_FRAME = gettext_lazy("Run the scenarios and freeze the county's recommendation to IMDi.")


@dataclass(frozen=True)
class Phase:
    computed: Stage
    override: Stage | None
    reason: str
    evidence: str  # why the data gives the computed stage
    has_frame: bool = False  # IMDi's frame (the county total) is registered

    @property
    def stage(self) -> Stage:
        return self.override or self.computed

    @property
    def label(self) -> str | Promise:
        return self.stage.label

    @property
    def next_step(self) -> str | Promise:
        if self.stage == Stage.PLANNING and self.has_frame:
            return NEXT_STEP_WITH_FRAME
        return NEXT_STEP[self.stage]

    @property
    def overridden(self) -> bool:
        return self.override is not None


class HasValues(Protocol):
    def value(self, name: str) -> int | None: ...


def phase_from_rows(settlement_year: SettlementYear, rows: Sequence[HasValues], *, frozen: bool) -> Phase:
    """The stage the data gives (``frozen``: the year has a recommendation), and the override if set."""
    requested = [r for r in rows if r.value("requested") is not None]
    asked = [r for r in requested if r.value("requested")]
    decided = [r for r in asked if r.value("decided") is not None]
    settled = [r for r in rows if r.value("settled") is not None]
    if settled:
        computed = Stage.SETTLING
        evidence = _("Settled figures are registered for %(n)s of %(total)s municipalities.")
        n = len(settled)
    elif requested and len(decided) == len(asked):
        computed, n = Stage.DECIDED, len(decided)
        evidence = _("Every municipality with a request has its decision registered (%(n)s of %(total)s).")
    elif requested:
        computed, n = Stage.REQUESTED, len(requested)
        evidence = _("IMDi's requests are registered for %(n)s of %(total)s municipalities; decisions are missing.")
    elif frozen:
        computed, n = Stage.RECOMMENDED, 0
        evidence = _("The county's recommendation is frozen; IMDi's requests are not registered yet.")
    else:
        computed, n = Stage.PLANNING, 0
        evidence = _("No recommendation is frozen and no requests are registered yet.")
    override = settlement_year.stage_override
    return Phase(
        computed=computed,
        override=Stage(override) if override else None,
        reason=settlement_year.stage_override_reason,
        evidence=evidence % {"n": n, "total": len(rows)},
        has_frame=settlement_year.total is not None,
    )


def year_phase(settlement_year: SettlementYear, rows: list[Row] | None = None) -> Phase:
    """The year's stage (see the module docstring); ``rows`` from :func:`year_rows` when the caller has them."""
    rows = year_rows(settlement_year) if rows is None else rows
    frozen = Recommendation.objects.filter(settlement_year=settlement_year).exists()
    return phase_from_rows(settlement_year, rows, frozen=frozen)


@dataclass
class _Figures:
    values: dict[str, int | None] = field(default_factory=dict)

    def value(self, name: str) -> int | None:
        return self.values.get(name)


def phases_of_years(years: Sequence[SettlementYear]) -> dict[int, Phase]:
    """The stage of each year (by its pk) in two queries, for the list of years (the evidence counts only the
    municipalities with a figure record)."""
    figures: dict[int, list[_Figures]] = defaultdict(list)
    for values in SettlementFigure.objects.filter(settlement_year__in=years).values(
        "settlement_year_id", "requested", "decided", "settled"
    ):
        figures[values.pop("settlement_year_id")].append(_Figures(values))
    frozen = set(Recommendation.objects.filter(settlement_year__in=years).values_list("settlement_year_id", flat=True))
    return {y.pk: phase_from_rows(y, figures[y.pk], frozen=y.pk in frozen) for y in years}


@dataclass(frozen=True)
class YearWarning:
    kind: str  # "frame", "minors_frame", "below_request", "no_decision"
    message: str
    number: str = ""  # the municipality's number, for a warning about one municipality
    difference: int = 0  # the requests' sum minus the frame, or the decision minus the request


def _unknown_text(n: int) -> str:
    return ngettext(
        "%(n)s municipality has no request registered.", "%(n)s municipalities have no request registered.", n
    ) % {"n": n}


def _frame_warning(kind: str, frame: int | None, rows: list[Row], name: str, message: str) -> YearWarning | None:
    known = [v for r in rows if (v := r.value(name)) is not None]
    if frame is None or not known or sum(known) == frame:
        return None
    difference = sum(known) - frame
    text = message % {"sum": number(sum(known)), "frame": number(frame), "difference": number(abs(difference))}
    if len(known) < len(rows):
        text += " " + _unknown_text(len(rows) - len(known))
    return YearWarning(kind, text, difference=difference)


def frame_warnings(settlement_year: SettlementYear, rows: list[Row]) -> list[YearWarning]:
    """The requests (and the requested minors) against IMDi's frame, with the difference."""
    found = []
    for kind, frame, name, more, fewer in (
        (
            "frame",
            settlement_year.total,
            "requested",
            _("The requests add up to %(sum)s, %(difference)s more than IMDi's frame of %(frame)s."),
            _("The requests add up to %(sum)s, %(difference)s fewer than IMDi's frame of %(frame)s."),
        ),
        (
            "minors_frame",
            settlement_year.total_minors,
            "requested_ema",
            _(
                "The requested unaccompanied minors add up to %(sum)s, %(difference)s more than IMDi's frame of "
                "%(frame)s."
            ),
            _(
                "The requested unaccompanied minors add up to %(sum)s, %(difference)s fewer than IMDi's frame of "
                "%(frame)s."
            ),
        ),
    ):
        known = sum(v for r in rows if (v := r.value(name)) is not None)
        warning = _frame_warning(kind, frame, rows, name, more if frame is None or known > frame else fewer)
        if warning is not None:
            found.append(warning)
    return found


def municipality_warnings(settlement_year: SettlementYear, rows: list[Row], today: datetime.date) -> list[YearWarning]:
    """A decision below its request; a request without a decision after IMDi's deadline."""
    deadline = settlement_year.decision_deadline
    found = []
    for row in rows:
        requested, decided = row.value("requested"), row.value("decided")
        number_ = row.municipality.number
        if requested and decided is not None and decided < requested:
            text = _("%(name)s decided %(decided)s, %(difference)s below the request of %(requested)s.") % {
                "name": row.name,
                "decided": number(decided),
                "requested": number(requested),
                "difference": number(requested - decided),
            }
            found.append(YearWarning("below_request", text, number_, decided - requested))
        elif requested and decided is None and deadline is not None and today > deadline:
            text = _("%(name)s has no decision registered; IMDi's deadline was %(deadline)s.") % {
                "name": row.name,
                "deadline": date_no(deadline),
            }
            found.append(YearWarning("no_decision", text, number_))
    return found


def year_warnings(
    settlement_year: SettlementYear, today: datetime.date, rows: list[Row] | None = None
) -> list[YearWarning]:
    """Every warning of the year: the frame first, then the municipalities in number order."""
    rows = year_rows(settlement_year) if rows is None else rows
    return frame_warnings(settlement_year, rows) + municipality_warnings(settlement_year, rows, today)
