"""The one permission policy: which role may do what, and how a view declares what it needs.

Every view is wrapped in :func:`requires` (a permission) or :func:`public` (no login needed).
A test enumerates every URL pattern and fails on a view that declares neither.
Record-level scoping (county, municipality) is done by the selectors of each app.
"""

from collections.abc import Callable
from enum import StrEnum
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from integrering.core.roles import Role


class Perm(StrEnum):
    HOME = "home"
    VIEW_MUNICIPALITIES = "municipalities.view"
    MANAGE_CONTACTS = "contacts.manage"
    MANAGE_USERS = "users.manage"
    VIEW_AUDIT = "audit.view"
    # The county's sent e-mail (recipients are personal data) and a test message to oneself.
    MANAGE_EMAIL = "email.manage"
    # The county's letter settings (letterhead, addressee, the text of the letter to IMDi).
    MANAGE_LETTERS = "letters.manage"
    VIEW_SETTLEMENT = "settlement.view"
    EDIT_SETTLEMENT = "settlement.edit"
    REGISTER_OWN_DECISION = "settlement.register_own_decision"
    VIEW_PARTICIPANTS = "participants.view"
    EDIT_PARTICIPANTS = "participants.edit"
    REFER_PARTICIPANTS = "participants.refer"
    # The § 12 decision on a participant's programme is the municipality's: only a municipal user registers it.
    REGISTER_PROGRAMME_DECISION = "participants.register_decision"
    EXPORT_PARTICIPANTS = "participants.export"
    MANAGE_GUIDANCE = "guidance.manage"
    MANAGE_TRAINING = "training.manage"
    VIEW_COMPLIANCE = "compliance.view"
    # The county's integration plan (issue 14): read it, the period reports and the annual report; follow it up.
    VIEW_PLANS = "plans.view"
    EDIT_PLANS = "plans.edit"
    # Regional work (areas 2, 3, 4 and 6): activities, organisations, partners; guidance requests from municipalities.
    VIEW_REGIONAL = "regional.view"
    MANAGE_REGIONAL = "regional.manage"
    REQUEST_GUIDANCE = "regional.request_guidance"
    # Grants: the county's schemes, calls, applications, decisions and payments (read / work them), and an
    # applicant's own organisations' applications (scoped by membership in the grants selectors).
    VIEW_GRANTS = "grants.view"
    MANAGE_GRANTS = "grants.manage"
    APPLY_GRANTS = "grants.apply"
    # A municipal user: the grant applications and grants that concern their municipality (read-only, without the
    # county's assessment); scoped to the municipality by the grants selectors.
    VIEW_MUNICIPAL_GRANTS = "grants.view_municipal"


_COUNTY_READ = {
    Perm.HOME,
    Perm.VIEW_MUNICIPALITIES,
    Perm.VIEW_SETTLEMENT,
    Perm.VIEW_COMPLIANCE,
    Perm.VIEW_PLANS,
    Perm.VIEW_REGIONAL,
}

POLICY: dict[Role, frozenset[Perm]] = {
    Role.COUNTY_ADMIN: frozenset(
        _COUNTY_READ
        | {
            Perm.MANAGE_CONTACTS,
            Perm.MANAGE_USERS,
            Perm.VIEW_AUDIT,
            Perm.MANAGE_EMAIL,
            Perm.MANAGE_LETTERS,
            Perm.EDIT_SETTLEMENT,
            Perm.EDIT_PLANS,
            Perm.MANAGE_REGIONAL,
        }
    ),
    Role.ADVISER: frozenset(_COUNTY_READ | {Perm.EDIT_SETTLEMENT, Perm.EDIT_PLANS, Perm.MANAGE_REGIONAL}),
    Role.CAREER_COUNSELLOR: frozenset(
        _COUNTY_READ | {Perm.VIEW_PARTICIPANTS, Perm.EDIT_PARTICIPANTS, Perm.MANAGE_GUIDANCE, Perm.EXPORT_PARTICIPANTS}
    ),
    Role.SCHOOL_COORDINATOR: frozenset(
        _COUNTY_READ | {Perm.VIEW_PARTICIPANTS, Perm.MANAGE_TRAINING, Perm.EXPORT_PARTICIPANTS}
    ),
    Role.GRANT_CASEWORKER: frozenset(_COUNTY_READ | {Perm.VIEW_GRANTS, Perm.MANAGE_GRANTS}),
    Role.LEADER: frozenset(_COUNTY_READ | {Perm.VIEW_GRANTS, Perm.EDIT_PLANS}),
    # Least privilege: an auditor reads the audit log (changes and reads of personal data, with participants'
    # personal values masked and participants shown by number) and the aggregated county figures, but no
    # participant's page, list or export. Auditing who saw or changed a person needs the person's number,
    # not their data; a participant's data is read by the roles that work with them, and those reads are
    # what the auditor checks.
    Role.AUDITOR: frozenset(_COUNTY_READ | {Perm.VIEW_AUDIT, Perm.VIEW_GRANTS}),
    # Municipal users see their own municipality only (enforced by the selectors).
    Role.MUNICIPAL_USER: frozenset(
        {
            Perm.HOME,
            Perm.VIEW_MUNICIPALITIES,
            Perm.VIEW_SETTLEMENT,
            Perm.REGISTER_OWN_DECISION,
            Perm.VIEW_PARTICIPANTS,
            Perm.EDIT_PARTICIPANTS,
            Perm.REFER_PARTICIPANTS,
            Perm.REGISTER_PROGRAMME_DECISION,
            Perm.EXPORT_PARTICIPANTS,
            Perm.VIEW_COMPLIANCE,
            Perm.REQUEST_GUIDANCE,
            Perm.VIEW_MUNICIPAL_GRANTS,
        }
    ),
    # An applicant sees only their own organisations' applications (the grants selectors scope by membership).
    Role.APPLICANT: frozenset({Perm.HOME, Perm.APPLY_GRANTS}),
}


def permissions_of(user) -> frozenset[Perm]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    if user.county_id is None:
        # A user outside every county (e.g. a technical superuser) sees no county data.
        return frozenset({Perm.HOME})
    perms: set[Perm] = set()
    for role in user.role_set:
        perms |= POLICY[role]
    if Role.MUNICIPAL_USER in user.role_set and user.municipality_id is None:
        # A municipal user not yet tied to a municipality can see nothing municipal.
        perms -= POLICY[Role.MUNICIPAL_USER] - {Perm.HOME}
    return frozenset(perms)


def has_perm(user, perm: Perm) -> bool:
    return perm in permissions_of(user)


def is_municipal_only(user) -> bool:
    """True for a user whose only view of the data is one municipality."""
    roles = user.role_set
    return Role.MUNICIPAL_USER in roles and roles <= {Role.MUNICIPAL_USER}


def requires(perm: Perm) -> Callable:
    """Declare and enforce the permission a view needs: anonymous → login page, lacking → 403."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_perm(request.user, perm):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_permission = perm  # type: ignore[attr-defined]  # a function attribute, read by the URL test
        return wrapped

    return decorator


def public(view: Callable) -> Callable:
    """Declare that a view needs no login (the login page, health check)."""
    view.required_permission = None  # type: ignore[attr-defined]  # function attributes, read by the URL test
    view.is_public = True  # type: ignore[attr-defined]
    return view


def token_required(view: Callable) -> Callable:
    """Declare that a view is for other systems and authenticates by an API token, not a session (``api``):
    the view itself checks the token and then the token's user's permissions with :func:`has_perm`."""
    view.required_permission = None  # type: ignore[attr-defined]  # function attributes, read by the URL test
    view.token_required = True  # type: ignore[attr-defined]
    return view
