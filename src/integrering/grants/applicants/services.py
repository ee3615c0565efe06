"""Writes for applicants: registration with e-mail confirmation, organisations and their members.

applicant_register(*, county, email, first_name, last_name, password, base_url) -> User   # inactive until confirmed
applicant_confirm(*, user, token) -> User
organisation_create(*, user, name, orgnr, kind, municipality, bank_account, email, small_business=False)
organisation_member_add(*, organisation, by, email) -> Membership
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _
from stdnum.no import kontonr, orgnr

from integrering.core.exceptions import ApplicationError
from integrering.core.mail.links import absolute_url
from integrering.core.mail.services import mail_send
from integrering.core.models import User, UserRole
from integrering.core.roles import Role
from integrering.grants.applicants.models import Membership, Organisation
from integrering.grants.applicants.tokens import CONFIRMATION_HOURS, confirmation_tokens
from integrering.grants.schemes.models import ApplicantKind


def confirmation_link(*, user: User, base_url: str) -> str:
    path = reverse(
        "grants:confirm",
        kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": confirmation_tokens.make_token(user)},
    )
    return absolute_url(path, base_url=base_url)


@transaction.atomic
def applicant_register(
    *, county: Any, email: str, first_name: str, last_name: str, password: str, base_url: str
) -> User:
    """A new applicant (username = e-mail), inactive until they open the link the e-mail sends them."""
    email = email.strip().lower()
    if User.objects.filter(username__iexact=email).exists():
        raise ApplicationError(
            _("A user with this e-mail address already exists. Log in, or ask for a new password."), field="email"
        )
    user = User(username=email, email=email, first_name=first_name, last_name=last_name, county=county)
    user.is_active = False
    user.set_password(password)
    user.save()
    UserRole.objects.create(user=user, role=Role.APPLICANT)
    mail_send(
        to=email,
        template="grants_confirm",
        context={"link": confirmation_link(user=user, base_url=base_url), "hours": CONFIRMATION_HOURS},
        county=county,
        related=user,
    )
    return user


def applicant_confirm(*, user: User | None, token: str) -> User:
    if user is None or Role.APPLICANT not in user.role_set or not confirmation_tokens.check_token(user, token):
        raise ApplicationError(_("The link is not valid: it has expired, or it has been used."), code="bad_link")
    user.is_active = True
    user.save()
    return user


def _organisation_check(*, number: str, account: str, kind: str) -> tuple[str, str]:
    if kind not in ApplicantKind.values:
        raise ApplicationError(_("Unknown kind of applicant."), field="kind")
    if not orgnr.is_valid(number or ""):
        raise ApplicationError(_("The organisation number is not valid."), field="orgnr")
    if not kontonr.is_valid(account or ""):
        raise ApplicationError(_("The bank account number is not valid."), field="bank_account")
    return orgnr.compact(number), kontonr.compact(account)


@transaction.atomic
def organisation_create(
    *,
    user: User,
    name: str,
    orgnr: str,
    kind: str,
    municipality: Any,
    bank_account: str,
    email: str,
    small_business: bool = False,
) -> Organisation:
    """The applicant's organisation, with the applicant as its first member. A municipality applies as itself."""
    number, account = _organisation_check(number=orgnr, account=bank_account, kind=kind)
    if kind == ApplicantKind.MUNICIPALITY:
        name = municipality.norwegian_name
    if not (name or "").strip():
        raise ApplicationError(_("The name is missing."), field="name")
    if user.county_id is None:
        raise ApplicationError(_("Only a registered applicant can register an organisation."))
    if Organisation.objects.filter(county=user.county_id, orgnr=number).exists():
        raise ApplicationError(
            _("The organisation is already registered. Ask one of its members to add you."), field="orgnr"
        )
    organisation = Organisation.objects.create(
        county_id=user.county_id,
        name=name.strip(),
        orgnr=number,
        kind=kind,
        municipality=municipality,
        bank_account=account,
        email=email,
        small_business=bool(small_business) and kind == ApplicantKind.BUSINESS,
    )
    Membership.objects.create(organisation=organisation, user=user)
    return organisation


def organisation_member_add(*, organisation: Organisation, by: User, email: str) -> Membership:
    """A member adds a colleague who has registered as an applicant in the same county."""
    if not organisation.memberships.filter(user=by).exists():
        raise ApplicationError(_("Only a member of the organisation can add members."))
    colleague = User.objects.filter(
        username__iexact=(email or "").strip(), county_id=organisation.county_id, is_active=True
    ).first()
    if colleague is None or Role.APPLICANT not in colleague.role_set:
        raise ApplicationError(
            _("No registered applicant has this e-mail address. Ask your colleague to register first."),
            field="email",
        )
    try:
        with transaction.atomic():
            return Membership.objects.create(organisation=organisation, user=colleague)
    except IntegrityError as error:
        raise ApplicationError(_("The person is already a member."), field="email") from error
