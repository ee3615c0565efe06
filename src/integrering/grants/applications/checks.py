"""What a submitted application must hold: only the questions that apply, the sums that must agree, the share."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.grants.applications.models import Application

REQUIRED = (
    ("project_title", _("The project title is missing.")),
    ("project_summary", _("Say what the project will do.")),
    ("starts_on", _("The project's start is missing.")),
    ("ends_on", _("The project's end is missing.")),
    ("activities", _("Describe the activities and the timeline.")),
    ("target_group", _("Describe the target group.")),
)


def application_complete_check(application: Application) -> None:
    """Raise ``ApplicationError`` (naming the field) for the first thing that is missing or does not add up."""
    for field, message in REQUIRED:
        if not getattr(application, field):
            raise ApplicationError(message, field=field)
    if application.ends_on < application.starts_on:  # type: ignore[operator]  # both checked above
        raise ApplicationError(_("The project ends before it starts."), field="ends_on")
    if not application.municipalities.exists():
        raise ApplicationError(_("Choose the municipalities involved."), field="municipalities")
    money_check(application)


def money_check(application: Application) -> None:
    total, applied = application.total_costs, application.amount_applied or 0
    if not application.costs or total <= 0:
        raise ApplicationError(_("The cost plan is empty."), field="costs")
    if applied <= 0:
        raise ApplicationError(_("Give the amount you apply for."), field="amount_applied")
    if applied + application.other_financing != total:
        raise ApplicationError(
            _(
                "The financing (%(applied)s kr applied for + %(other)s kr other financing) does not add up to the "
                "costs (%(total)s kr)."
            ),
            field="financing",
            params={"applied": applied, "other": application.other_financing, "total": total},
        )
    scheme = application.call.scheme
    share = scheme.max_share_percent
    if application.organisation.small_business and scheme.max_share_small_business_percent:
        share = scheme.max_share_small_business_percent
    if applied * 100 > share * total:
        raise ApplicationError(
            _("The scheme covers at most %(share)s %% of the costs: at most %(most)s kr of %(total)s kr."),
            field="amount_applied",
            params={"share": share, "most": total * share // 100, "total": total},
        )
