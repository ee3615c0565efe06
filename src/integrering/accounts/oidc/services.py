"""Which user a person who logged in through the provider is, and what their log-in may do.

A first log-in never grants a role by itself: the person is matched to an existing user of the county by e-mail
(ignoring case), or a user without roles is created, whom the county administrator sees under «Venter på
tilgang» and gives a role. Only the optional mapping OIDC_GROUP_ROLES (groups → roles, set by the operator)
gives roles, and then only the roles it names.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from integrering.accounts.oidc import config
from integrering.accounts.services import user_roles_set, user_save
from integrering.core.exceptions import ApplicationError
from integrering.core.models import County, User
from integrering.core.roles import Role

logger = logging.getLogger(__name__)

# Roles that are not the county's staff: they keep their passwords when LOCAL_PASSWORD_LOGIN_FOR_STAFF=0.
NOT_STAFF = frozenset({Role.APPLICANT, Role.MUNICIPAL_USER})


class LoginRefused(ApplicationError):
    """The provider vouched for the person, but this application does not let them in (a clear page, 403)."""

    status = 403
    default_code = "oidc_refused"


def is_staff(user: User) -> bool:
    """A user with a role of the county's own staff (not only applicant or municipal user)."""
    return bool(user.role_set - NOT_STAFF)


def password_login_allowed(user: User) -> bool:
    """False for the county's staff when LOCAL_PASSWORD_LOGIN_FOR_STAFF=0 (they log in through the provider)."""
    if settings.LOCAL_PASSWORD_LOGIN_FOR_STAFF or not config.enabled():
        return True
    return not is_staff(user)


def email_from_claims(claims: Mapping[str, Any]) -> str:
    """The person's e-mail address from the claim OIDC_USERNAME_CLAIM, checked against the allowed domains."""
    claim = settings.OIDC_USERNAME_CLAIM
    value = claims.get(claim)
    if not isinstance(value, str) or not value.strip():
        raise LoginRefused(
            _(
                "The log-in service did not give your e-mail address (the claim «%(claim)s»). Contact the administrator."
            ),
            params={"claim": claim},
            code="oidc_no_email",
        )
    email = value.strip()
    try:
        validate_email(email)
    except ValidationError:
        raise LoginRefused(
            _("The log-in service gave no valid e-mail address (the claim «%(claim)s»). Contact the administrator."),
            params={"claim": claim},
            code="oidc_no_email",
        ) from None
    if claims.get("email_verified") is False:
        raise LoginRefused(
            _("The log-in service has not verified your e-mail address. Contact the administrator."),
            code="oidc_unverified",
        )
    domain = email.rpartition("@")[2].lower()
    allowed = settings.OIDC_ALLOWED_EMAIL_DOMAINS
    if allowed and domain not in allowed:
        raise LoginRefused(
            _(
                "E-mail addresses at %(domain)s cannot log in here. Log in with your work account, or contact the "
                "administrator."
            ),
            params={"domain": domain},
            code="oidc_domain",
        )
    return email


@transaction.atomic
def user_for_login(claims: Mapping[str, Any]) -> User:
    """The user for a person the provider vouched for: matched by e-mail, or created without roles."""
    email = email_from_claims(claims)
    county = County.objects.filter(number=settings.OIDC_COUNTY).first()
    if county is None:
        logger.error("OIDC_COUNTY=%s is not a county in the database", settings.OIDC_COUNTY)
        raise config.ProviderUnavailable(
            _("The log-in service is not set up correctly. Contact the administrator."), code="oidc_county"
        )
    matches = list(User.objects.filter(email__iexact=email).select_for_update()[:2])
    if len(matches) > 1:
        raise LoginRefused(
            _(
                "More than one user has your e-mail address, so you cannot be told apart. The administrator must "
                "correct it before you can log in."
            ),
            code="oidc_ambiguous",
        )
    if matches:
        user = matches[0]
        if user.county_id not in (None, county.pk):
            raise LoginRefused(
                _("Your user belongs to another county. Contact the administrator."), code="oidc_other_county"
            )
    else:
        user = _user_create(email=email, claims=claims, county=county)
    if not user.is_active:
        raise LoginRefused(_("Your user is deactivated. Contact the administrator."), code="oidc_inactive")
    _roles_from_groups(user, claims)
    return user


def _user_create(*, email: str, claims: Mapping[str, Any], county: County) -> User:
    """A user of the county without roles (and without a password: they log in through the provider)."""
    base = email.lower()[:150]
    username, n = base, 1
    while User.objects.filter(username__iexact=username).exists():
        n += 1
        suffix = f"-{n}"
        username = base[: 150 - len(suffix)] + suffix
    user = User(
        username=username,
        email=email,
        first_name=_claim_text(claims, "given_name"),
        last_name=_claim_text(claims, "family_name"),
    )
    user = user_save(user=user, county=county, roles=set())
    logger.info("Single sign-on created user %s without roles (waiting for the administrator)", user.pk)
    return user


def _claim_text(claims: Mapping[str, Any], name: str) -> str:
    value = claims.get(name)
    return value.strip()[:150] if isinstance(value, str) else ""


def group_roles() -> dict[str, Role]:
    """OIDC_GROUP_ROLES as group → role; a municipal user needs a municipality, so that role is never mapped."""
    mapping = {}
    for group, role in settings.OIDC_GROUP_ROLES.items():
        if role in Role.values and role != Role.MUNICIPAL_USER:
            mapping[group] = Role(role)
        else:
            logger.warning("OIDC_GROUP_ROLES: «%s» is not a role that can be mapped; ignored", role)
    return mapping


def _roles_from_groups(user: User, claims: Mapping[str, Any]) -> None:
    """With OIDC_GROUP_ROLES: the roles it names follow the person's groups (others stay as the administrator set)."""
    mapping = group_roles()
    if not mapping or Role.MUNICIPAL_USER in user.role_set:
        return
    groups = claims.get(settings.OIDC_GROUPS_CLAIM) or []
    if isinstance(groups, str):
        groups = [groups]
    given = {mapping[g] for g in groups if isinstance(g, str) and g in mapping}
    current = set(user.role_set)
    wanted = (current - set(mapping.values())) | given
    if wanted != current:
        user_roles_set(user=user, roles=wanted)


def provider_logout_url(request) -> str | None:
    """The provider's end-session address (RP-initiated log-out) for a session that began there, else None."""
    id_token = request.session.get("oidc_id_token")
    if not id_token or not config.enabled():
        return None
    try:
        endpoint = config.setting("OIDC_OP_LOGOUT_ENDPOINT")
    except ApplicationError:
        return None  # the local session still ends
    if not endpoint:
        return None
    query = urlencode(
        {
            "id_token_hint": id_token,
            "post_logout_redirect_uri": request.build_absolute_uri(reverse("login")),
            "client_id": settings.OIDC_RP_CLIENT_ID,
        }
    )
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
