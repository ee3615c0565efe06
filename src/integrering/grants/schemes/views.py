"""The caseworker's pages for grant schemes: list, detail with its calls, create and edit."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from integrering.core.form_page import form_page
from integrering.core.permissions import Perm, has_perm, requires
from integrering.grants.schemes import selectors, services
from integrering.grants.schemes.forms import SchemeForm


@requires(Perm.VIEW_GRANTS)
def scheme_list(request):
    return render(
        request,
        "grants/schemes/scheme_list.html",
        {"schemes": selectors.schemes_for_user(request.user), "can_manage": has_perm(request.user, Perm.MANAGE_GRANTS)},
    )


@requires(Perm.VIEW_GRANTS)
def scheme_detail(request, pk: int):
    scheme = selectors.scheme_for_user(request.user, pk)
    return render(
        request,
        "grants/schemes/scheme_detail.html",
        {
            "scheme": scheme,
            "calls": scheme.calls.order_by("-year", "pk"),
            "can_manage": has_perm(request.user, Perm.MANAGE_GRANTS),
        },
    )


def _to_scheme(scheme):
    return redirect("grants:scheme", pk=scheme.pk)


@requires(Perm.MANAGE_GRANTS)
def scheme_create(request):
    form = SchemeForm(request.POST or None, initial={"payment_plan": [100], "accountant_threshold": 200_000})

    def save(data):
        data.pop("version", None)
        return services.scheme_create(county=request.user.county, **data)

    return form_page(
        request,
        form,
        "grants/schemes/scheme_form.html",
        {"scheme": None},
        save=save,
        success=_("The scheme was saved."),
        done=_to_scheme,
    )


@requires(Perm.MANAGE_GRANTS)
def scheme_edit(request, pk: int):
    scheme = selectors.scheme_for_user(request.user, pk)
    form = SchemeForm(request.POST or None, instance=scheme)

    def save(data):
        version = data.pop("version", None)
        return services.scheme_update(scheme=scheme, version=version, **data)

    return form_page(
        request,
        form,
        "grants/schemes/scheme_form.html",
        {"scheme": scheme},
        save=save,
        success=_("The scheme was saved."),
        done=_to_scheme,
    )
