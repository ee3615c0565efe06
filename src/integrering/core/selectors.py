"""Reads of users and the audit log, scoped to the user's county."""

import datetime

from auditlog.models import LogEntry
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from integrering.core.collation import norwegian_sorted
from integrering.core.models import PersonalDataAccess, User


def users_of_county(user) -> list[User]:
    """The county's users in Norwegian alphabetical order of their usernames."""
    users = User.objects.filter(county_id=user.county_id).prefetch_related("roles").select_related("municipality")
    return norwegian_sorted(users, key=lambda u: u.username)


def locked_out_usernames(usernames) -> set[str]:
    """Which of these usernames django-axes has locked out now (too many failures within the cool-off time)."""
    since = timezone.now() - datetime.timedelta(hours=settings.AXES_COOLOFF_TIME)
    attempts = AccessAttempt.objects.filter(
        username__in=list(usernames),
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
        attempt_time__gte=since,
    )
    return set(attempts.values_list("username", flat=True))


def user_of_county(user, pk: int) -> User | None:
    return User.objects.filter(pk=pk, county_id=user.county_id).first()


def audit_entries_for(user) -> QuerySet[LogEntry]:
    """Changes made by the county's users, or (from the command line) to records of the county."""
    county = user.county
    return (
        LogEntry.objects.filter(Q(actor__county=county) | Q(additional_data__county=county.number))
        .select_related("actor", "content_type")
        .order_by("-timestamp")
    )


def personal_data_reads_for(user) -> QuerySet[PersonalDataAccess]:
    return PersonalDataAccess.objects.filter(county_id=user.county_id).select_related("user")
