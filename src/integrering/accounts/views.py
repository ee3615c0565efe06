"""The top layer's pages: the start page, log-in and password, user administration and the audit page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from integrering.accounts import selectors, services
from integrering.accounts.forms import AuditFilterForm, LoginForm, UserForm
from integrering.accounts.invitations import invitation_tokens
from integrering.accounts.oidc import config as oidc_config
from integrering.accounts.oidc import services as oidc_services
from integrering.core import audit_display
from integrering.core import selectors as audit_selectors
from integrering.core.audit import personal_data_read_log
from integrering.core.error_handling import form_error_add
from integrering.core.exceptions import ApplicationError, ConcurrentEdit
from integrering.core.models import User
from integrering.core.permissions import Perm, has_perm, is_municipal_only, public, requires
from integrering.core.registry import start_panels


@requires(Perm.HOME)
def home(request):
    """The start page: the panels the apps registered (each decides what this user sees), and the areas."""
    panels = []
    for panel in start_panels():
        shown = panel.render(request)
        if shown is not None:
            template, context = shown
            panels.append(render_to_string(template, context, request=request))
    return render(request, "accounts/home.html", {"panels": panels})


class LoginView(auth_views.LoginView):
    """The password log-in, and the button «Logg inn med …» when single sign-on is on (accounts/oidc/)."""

    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if oidc_config.enabled():
            context["sso_provider"] = oidc_config.provider_name() or _("single sign-on")
            context["sso_staff_only"] = not settings.LOCAL_PASSWORD_LOGIN_FOR_STAFF
        return context


login = public(LoginView.as_view())
_logout = auth_views.LogoutView.as_view()


@public
def logout(request):
    """POST logs out (Django's LogoutView); a GET (a typed or bookmarked address) asks with a button.

    A session that began at the single sign-on provider ends there too, when it offers an end-session endpoint
    (RP-initiated log-out: the browser goes there with the ID token, and comes back to the log-in page).
    """
    if request.method == "POST":
        provider_logout = oidc_services.provider_logout_url(request) if request.user.is_authenticated else None
        response = _logout(request)
        return redirect(provider_logout) if provider_logout else response
    if not request.user.is_authenticated:
        return redirect("login")
    return render(request, "registration/logout.html")


password_change = requires(Perm.HOME)(auth_views.PasswordChangeView.as_view(success_url="/passord/endret/"))
password_change_done = requires(Perm.HOME)(auth_views.PasswordChangeDoneView.as_view())


@requires(Perm.MANAGE_USERS)
def user_list(request):
    users = selectors.users_of_county(request.user)
    locked = selectors.locked_out_usernames(u.username for u in users)
    pending = {u.pk for u in users if u.is_active and not u.roles.all()}
    sso_only = {u.pk for u in users if not oidc_services.password_login_allowed(u)}
    return render(
        request,
        "accounts/user_list.html",
        {"users": users, "locked": locked, "pending": pending, "sso_only": sso_only},
    )


@requires(Perm.MANAGE_USERS)
@require_GET
def user_pending(request):
    """Users without a role (made by their first single sign-on log-in): the administrator gives them one."""
    users = selectors.pending_users_of_county(request.user)
    return render(request, "accounts/user_pending.html", {"users": users})


@requires(Perm.MANAGE_USERS)
def user_edit(request, pk: int | None = None):
    # Users of other counties are invisible: a 404, not a 403, so their existence is not revealed.
    user = selectors.user_of_county(request.user, pk) if pk else User()
    if user is None:
        raise Http404
    form = UserForm(request.POST or None, instance=user, county=request.user.county, acting_user=request.user)
    if request.method == "POST" and form.is_valid():
        created = user.pk is None
        try:
            saved = services.user_save(
                user=form.save(commit=False),
                county=request.user.county,
                roles=set(form.cleaned_data["roles"]),
                password=form.cleaned_data.get("password") or None,
            )
        except ConcurrentEdit as error:
            # Another administrator saved this user since the form was opened: nothing of this form is
            # written; the form shows their values and saving again is a deliberate choice.
            form_error_add(form, error)
        else:
            messages.success(request, _("The user was saved."))
            if created and not saved.has_usable_password():
                if oidc_services.password_login_allowed(saved):
                    _invite(request, saved)
                else:
                    messages.info(
                        request,
                        _("%(user)s logs in with %(provider)s (no password, no invitation).")
                        % {"user": saved.username, "provider": oidc_config.provider_name() or _("single sign-on")},
                    )
            return redirect("accounts:users")
    return render(request, "accounts/user_form.html", {"form": form, "edited": user})


def _invite(request, user: User) -> None:
    """Send ``user`` an invitation and say so (or why not) on the next page."""
    try:
        services.user_invite(user=user, base_url=request.build_absolute_uri("/"), by=request.user)
    except ApplicationError as error:  # also MailNotSent / MailAddressInvalid (recorded as a SentEmail)
        messages.error(request, error.user_message)
    else:
        messages.success(request, _("An invitation was sent to %(email)s (valid 72 hours).") % {"email": user.email})


@requires(Perm.MANAGE_USERS)
@require_POST
def user_invite(request, pk: int):
    """Send a new invitation to a user of the county who has not chosen a password yet."""
    user = selectors.user_of_county(request.user, pk)
    if user is None:
        raise Http404
    _invite(request, user)
    return redirect("accounts:users")


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """The invitation's one-time link: the user chooses a password (Django's validators), then logs in."""

    token_generator = invitation_tokens
    template_name = "registration/invitation_accept.html"
    success_url = "/logg-inn/"
    reset_url_token = "velg-passord"

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is set. You can now log in."))
        return response


invitation_accept = public(InvitationAcceptView.as_view())


@requires(Perm.MANAGE_USERS)
@require_POST
def user_unlock(request, pk: int):
    """Lift a lockout after repeated failed log-ins (django-axes), for one user of the county."""
    user = selectors.user_of_county(request.user, pk)
    if user is None:
        raise Http404
    services.user_unlock(user=user, by=request.user)
    messages.success(request, _("%(user)s can log in again.") % {"user": user.username})
    return redirect("accounts:users")


@requires(Perm.VIEW_AUDIT)
@require_GET
def audit_log(request):
    form = AuditFilterForm(request.GET or None, county=request.user.county)
    entries = audit_selectors.audit_entries_for(request.user)
    reads = audit_selectors.personal_data_reads_for(request.user)
    if form.is_valid():
        entries, reads = form.apply(entries, reads)
    page = Paginator(entries, 50).get_page(request.GET.get("side"))
    reads_page = Paginator(reads, 50).get_page(request.GET.get("lesinger"))
    # Participants' personal values only for a reader who may see participants (the county's); then the
    # page is a read of their data like any other and is logged.
    may_see = has_perm(request.user, Perm.VIEW_PARTICIPANTS) and not is_municipal_only(request.user)
    rows = audit_display.entry_rows(page.object_list, mask_personal=not may_see)
    shown = {row.participant_shown for row in rows if row.participant_shown is not None}
    if shown:
        personal_data_read_log(
            user=request.user,
            action="audit",
            record_type="participant",
            record_ids=shown,
            description=_("Audit log"),
        )
    return render(
        request,
        "accounts/audit.html",
        {
            "form": form,
            "entries": page,
            "entry_rows": rows,
            "reads": reads_page,
            "read_rows": audit_display.read_rows(reads_page.object_list),
            "masked": not may_see,
        },
    )
