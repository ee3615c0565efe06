"""Writes for users and roles."""

from django.db import transaction
from django.utils import timezone

from integrering.core.models import County, User, UserRole
from integrering.core.roles import Role
from integrering.municipalities.services import contact_assignments_end_for_person


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
