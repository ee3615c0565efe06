"""Writes for users and roles (user administration, the first county administrator, the demo users)."""

from auditlog.models import LogEntry
from axes.utils import reset as axes_reset
from django.db import transaction
from django.utils import timezone

from integrering.core.models import County, User, UserRole
from integrering.core.roles import Role
from integrering.municipalities.services import contact_assignments_end_for_person

# The pseudo-field an unlock is logged under (the audit page names it: core.audit_display.PSEUDO_FIELDS).
LOCKOUT_FIELD = "lockout"


@transaction.atomic
def user_save(*, user: User, county: County, roles: set[Role], password: str | None = None) -> User:
    """Create or update a user of ``county`` with exactly ``roles``.

    Deactivating a user ends their contact-person periods from that day (audit-logged like any change),
    so a municipality they had shows at once under «Uten kontaktperson».
    """
    deactivated = bool(user.pk) and not user.is_active and User.objects.filter(pk=user.pk, is_active=True).exists()
    user.county = county
    if password:
        user.set_password(password)
    user.save()
    user_roles_set(user=user, roles=roles)
    if deactivated:
        contact_assignments_end_for_person(person=user, on=timezone.localdate())
    return user


def user_roles_set(*, user: User, roles: set[Role]) -> None:
    current = set(user.roles.values_list("role", flat=True))
    wanted = {Role(r).value for r in roles}
    for role in current - wanted:
        UserRole.objects.filter(user=user, role=role).delete()
    for role in sorted(wanted - current):
        UserRole.objects.create(user=user, role=role)
    user._role_cache = None


def user_unlock(*, user: User, by: User | None) -> int:
    """Lift django-axes' lockout of ``user`` (all their failed attempts); logged in the audit log."""
    removed = axes_reset(username=user.username)
    LogEntry.objects.log_create(
        user,
        force_log=True,
        action=LogEntry.Action.UPDATE,
        actor=by,
        changes={LOCKOUT_FIELD: ["locked", "unlocked"]},
        additional_data={"county": user.county.number} if user.county is not None else None,
    )
    return removed


@transaction.atomic
def user_create(
    *,
    username: str,
    county: County,
    roles: set[Role],
    password: str,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
) -> User:
    """Create a user of ``county`` (the password is checked by the caller's form)."""
    user = User(username=username, email=email, first_name=first_name, last_name=last_name)
    return user_save(user=user, county=county, roles=roles, password=password)
