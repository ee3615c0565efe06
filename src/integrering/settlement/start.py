"""The settlement panels of the start page (registered in ``apps.py``); ``accounts`` composes them.

- a leader: the county's year, recommended vs IMDi's request vs decided vs settled per municipality and in
  sum, and the municipalities that lag (decided below the request, or no decision);
- an adviser (and a county administrator): the year's stage, the next step and the deadlines;
- a municipal user: their municipality's figures this year and last, and a request that awaits their decision.

Three queries at most per panel, whatever the number of municipalities.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core import selectors as audit_selectors
from integrering.core.permissions import Perm, has_perm, is_municipal_only
from integrering.core.roles import Role
from integrering.settlement.figures.models import SettlementFigure
from integrering.settlement.figures.selectors import Row, totals, year_rows
from integrering.settlement.years.models import SettlementYear
from integrering.settlement.years.status import year_phase


def current_year(county_id: int, today: datetime.date) -> SettlementYear | None:
    """The year being worked on: the latest up to next year (planning starts the year before), else the latest."""
    years = SettlementYear.objects.for_county(county_id).select_related("county").order_by("-year")
    return years.filter(year__lte=today.year + 1).first() or years.first()


def figures_year(county_id: int, today: datetime.date) -> SettlementYear | None:
    """The year whose figures a leader follows: the latest up to next year with IMDi's requests registered (a
    year still in planning has none yet), else :func:`current_year`."""
    years = SettlementYear.objects.for_county(county_id).select_related("county").order_by("-year")
    with_requests = years.filter(year__lte=today.year + 1, figures__requested__isnull=False).distinct().first()
    return with_requests or current_year(county_id, today)


@dataclass
class Lag:
    row: Row
    reason: str


def lagging(rows: list[Row]) -> list[Lag]:
    """The municipalities with a request whose decision is missing or below it."""
    found = []
    for row in rows:
        requested, decided = row.value("requested"), row.value("decided")
        if not requested:
            continue
        if decided is None:
            found.append(Lag(row, str(_("no decision"))))
        elif decided < requested:
            found.append(
                Lag(row, str(_("decided %(decided)s of %(requested)s")) % {"decided": decided, "requested": requested})
            )
    return found


RECENT_DAYS = 7


def recent_changes(user, *, limit: int = 5):
    """The latest changes by others to the county's settlement records in the last week (one query)."""
    from django.contrib.contenttypes.models import ContentType

    since = timezone.now() - datetime.timedelta(days=RECENT_DAYS)
    types = ContentType.objects.filter(app_label="settlement")
    entries = (
        audit_selectors.audit_entries_for(user)
        .filter(scope__at__gte=since, content_type__in=types)
        .exclude(actor=user)[:limit]
    )
    changes = []
    for entry in entries:
        model = entry.content_type.model_class()
        changes.append(
            {
                "at": entry.scope.at,
                "who": (entry.actor.get_full_name() or entry.actor.username) if entry.actor else str(_("the system")),
                "what": str(model._meta.verbose_name).capitalize() if model else entry.content_type.model,
                "record": entry.object_repr,
            }
        )
    return changes


def leader_panel(request):
    user = request.user
    if Role.LEADER not in user.role_set or not has_perm(user, Perm.VIEW_SETTLEMENT) or is_municipal_only(user):
        return None
    year = figures_year(user.county_id, timezone.localdate())
    if year is None:
        return "settlement/start/_leader.html", {"year": None}
    rows = year_rows(year, user=user)
    return "settlement/start/_leader.html", {
        "year": year,
        "phase": year_phase(year, rows),
        "rows": rows,
        "totals": totals(rows),
        "lagging": lagging(rows),
    }


def adviser_panel(request):
    user = request.user
    # The county administrator may do all an adviser may, and often is the one who runs the year.
    if not ({Role.ADVISER, Role.COUNTY_ADMIN} & user.role_set) or not has_perm(user, Perm.EDIT_SETTLEMENT):
        return None
    today = timezone.localdate()
    year = current_year(user.county_id, today)
    deadlines = []
    if year is not None:
        for label, date in (
            (_("The recommendation to IMDi"), year.recommendation_deadline),
            (_("The municipalities' decisions"), year.decision_deadline),
        ):
            if date is not None:
                deadlines.append({"label": label, "date": date, "passed": date < today, "days": (date - today).days})
    rows = year_rows(year, user=user) if year is not None else []
    lag = lagging(rows)
    phase = year_phase(year, rows) if year is not None else None
    return "settlement/start/_adviser.html", {
        "year": year,
        "lagging": lag,
        "changes": recent_changes(user),
        "recent_days": RECENT_DAYS,
        "phase": phase,
        "next_step": phase.next_step if phase else None,
        "deadlines": deadlines,
    }


def municipal_panel(request):
    user = request.user
    if not is_municipal_only(user) or not has_perm(user, Perm.VIEW_SETTLEMENT):
        return None
    today = timezone.localdate()
    year = current_year(user.county_id, today)
    if year is None:
        return "settlement/start/_municipal.html", {"year": None}
    figures = {
        f.settlement_year.year: f
        for f in SettlementFigure.objects.scoped_for(user)
        .filter(municipality_id=user.municipality_id, settlement_year__year__in=[year.year, year.year - 1])
        .select_related("settlement_year")
    }
    this, last = figures.get(year.year), figures.get(year.year - 1)
    awaiting = this is not None and this.requested is not None and this.decided is None
    return "settlement/start/_municipal.html", {
        "year": year,
        "years": [(year.year, this), (year.year - 1, last)],
        "awaiting_decision": awaiting,
        "this": this,
        "can_register": has_perm(user, Perm.REGISTER_OWN_DECISION),
    }
