"""County administration: users and roles, and the audit log."""

from auditlog.models import LogEntry
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from integrering.core import services
from integrering.core.filters import AuditFilterForm
from integrering.core.forms import UserForm
from integrering.core.models import PersonalDataAccess, User
from integrering.core.permissions import Perm, requires


@requires(Perm.MANAGE_USERS)
def user_list(request):
    users = User.objects.filter(county=request.user.county).prefetch_related("roles").select_related("municipality")
    return render(request, "core/user_list.html", {"users": users.order_by("username")})


@requires(Perm.MANAGE_USERS)
def user_edit(request, pk: int | None = None):
    # Users of other counties are invisible: a 404, not a 403, so their existence is not revealed.
    user = get_object_or_404(User, pk=pk, county=request.user.county) if pk else User()
    form = UserForm(request.POST or None, instance=user, county=request.user.county)
    if request.method == "POST" and form.is_valid():
        if user.pk == request.user.pk and not form.cleaned_data["is_active"]:
            form.add_error("is_active", _("You cannot deactivate yourself."))
        else:
            services.user_save(
                user=form.save(commit=False),
                county=request.user.county,
                roles=set(form.cleaned_data["roles"]),
                password=form.cleaned_data.get("password") or None,
            )
            messages.success(request, _("The user was saved."))
            return redirect("core:users")
    return render(request, "core/user_form.html", {"form": form, "edited": user})


@requires(Perm.VIEW_AUDIT)
@require_GET
def audit_log(request):
    county = request.user.county
    form = AuditFilterForm(request.GET or None, county=county)
    entries = LogEntry.objects.filter(
        Q(actor__county=county) | Q(additional_data__county=county.number)
    ).select_related("actor", "content_type")
    reads = PersonalDataAccess.objects.filter(county=county).select_related("user")
    if form.is_valid():
        entries, reads = form.apply(entries, reads)
    return render(request, "core/audit.html", {
        "form": form,
        "entries": Paginator(entries.order_by("-timestamp"), 50).get_page(request.GET.get("side")),
        "reads": Paginator(reads, 50).get_page(request.GET.get("lesinger")),
        "content_types": ContentType.objects.filter(pk__in=LogEntry.objects.values("content_type")),
    })
