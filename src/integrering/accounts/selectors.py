"""Reads of the county's users for user administration."""

import datetime

from axes.models import AccessAttempt
from django.conf import settings
from django.utils import timezone

from integrering.core.collation import norwegian_sorted
from integrering.core.models import User


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


def pending_users_of_county(user) -> list[User]:
    """The county's active users without any role (a first single sign-on log-in), newest first."""
    return list(
        User.objects.filter(county_id=user.county_id, is_active=True, roles__isnull=True).order_by("-date_joined")
    )
