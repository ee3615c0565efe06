"""County administration: users and roles, and the audit log."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from integrering.core import audit_display, selectors, services
from integrering.core.filters import AuditFilterForm
from integrering.core.forms import UserForm
from integrering.core.models import User
from integrering.core.permissions import Perm, requires


@requires(Perm.MANAGE_USERS)
def user_list(request):
    users = selectors.users_of_county(request.user)
    locked = selectors.locked_out_usernames(u.username for u in users)
    return render(request, "core/user_list.html", {"users": users, "locked": locked})


@requires(Perm.MANAGE_USERS)
def user_edit(request, pk: int | None = None):
    # Users of other counties are invisible: a 404, not a 403, so their existence is not revealed.
    user = selectors.user_of_county(request.user, pk) if pk else User()
    if user is None:
        raise Http404
    form = UserForm(request.POST or None, instance=user, county=request.user.county, acting_user=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_save(
            user=form.save(commit=False),
            county=request.user.county,
            roles=set(form.cleaned_data["roles"]),
            password=form.cleaned_data.get("password") or None,
        )
        messages.success(request, _("The user was saved."))
        return redirect("core:users")
    return render(request, "core/user_form.html", {"form": form, "edited": user})


@requires(Perm.MANAGE_USERS)
@require_POST
def user_unlock(request, pk: int):
    """Lift a lockout after repeated failed log-ins (django-axes), for one user of the county."""
    user = selectors.user_of_county(request.user, pk)
    if user is None:
        raise Http404
    services.user_unlock(user=user, by=request.user)
    messages.success(request, _("%(user)s can log in again.") % {"user": user.username})
    return redirect("core:users")


@requires(Perm.VIEW_AUDIT)
@require_GET
def audit_log(request):
    form = AuditFilterForm(request.GET or None, county=request.user.county)
    entries = selectors.audit_entries_for(request.user)
    reads = selectors.personal_data_reads_for(request.user)
    if form.is_valid():
        entries, reads = form.apply(entries, reads)
    page = Paginator(entries, 50).get_page(request.GET.get("side"))
    reads_page = Paginator(reads, 50).get_page(request.GET.get("lesinger"))
    return render(
        request,
        "core/audit.html",
        {
            "form": form,
            "entries": page,
            "entry_rows": audit_display.entry_rows(page.object_list),
            "reads": reads_page,
            "read_rows": audit_display.read_rows(reads_page.object_list),
        },
    )
