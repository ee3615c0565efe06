"""Writes for users and roles (user administration, the first county administrator, the demo users)."""

from auditlog.models import LogEntry
from axes.utils import reset as axes_reset
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from integrering.accounts.invitations import INVITATION_HOURS, invitation_tokens
from integrering.core.exceptions import ApplicationError
from integrering.core.mail.links import absolute_url
from integrering.core.mail.models import SentEmail
from integrering.core.mail.services import mail_send
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
    elif not user.pk:
        # An invited user sets their own password through the invitation's link.
        user.set_unusable_password()
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


def invitation_link(*, user: User, base_url: str) -> str:
    """The one-time address where ``user`` sets their password (valid ``INVITATION_HOURS`` hours)."""
    path = reverse(
        "invitation_accept",
        kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": invitation_tokens.make_token(user)},
    )
    return absolute_url(path, base_url=base_url)


def user_invite(*, user: User, base_url: str, by: User | None = None) -> SentEmail:
    """E-mail ``user`` a one-time link to set their password; the message is recorded as a SentEmail.

    Only for a user who has not set a password yet (a re-sent invitation is a new link; the old one stays
    valid until it expires or the password is set).
    """
    if not user.is_active:
        raise ApplicationError(
            _("%(user)s is deactivated; activate the user before sending an invitation.") % {"user": user.username},
            code="inactive",
        )
    if user.has_usable_password():
        raise ApplicationError(_("%(user)s has already set a password.") % {"user": user.username}, code="invited")
    if not user.email:
        raise ApplicationError(
            _("%(user)s has no e-mail address to send the invitation to.") % {"user": user.username}, field="email"
        )
    inviter = (by.get_full_name() or by.username) if by is not None else ""
    return mail_send(
        to=user.email,
        template="invitation",
        context={
            "link": invitation_link(user=user, base_url=base_url),
            "hours": INVITATION_HOURS,
            "username": user.username,
            "invited_by": inviter,
        },
        county=user.county,
        related=user,
    )
