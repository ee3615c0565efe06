"""Writes for users and roles."""

from django.db import transaction

from integrering.core.models import County, User, UserRole
from integrering.core.roles import Role


@transaction.atomic
def user_save(*, user: User, county: County, roles: set[Role], password: str | None = None) -> User:
    """Create or update a user of ``county`` with exactly ``roles``."""
    user.county = county
    if password:
        user.set_password(password)
    user.save()
    user_roles_set(user=user, roles=roles)
    return user


def user_roles_set(*, user: User, roles: set[Role]) -> None:
    current = set(user.roles.values_list("role", flat=True))
    wanted = {Role(r).value for r in roles}
    for role in current - wanted:
        UserRole.objects.filter(user=user, role=role).delete()
    for role in sorted(wanted - current):
        UserRole.objects.create(user=user, role=role)
    user._role_cache = None
