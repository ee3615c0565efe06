"""The municipal user's pages: the list of their municipality's applications and grants, and one application
(read-only: what was applied for and decided, never the county's assessment)."""

from django.core.paginator import Paginator
from django.shortcuts import render

from integrering.core.permissions import Perm, requires
from integrering.grants.municipal import selectors

PAGE_SIZE = 50


@requires(Perm.VIEW_MUNICIPAL_GRANTS)
def municipal_list(request):
    page = Paginator(selectors.applications_for_municipality(request.user), PAGE_SIZE).get_page(request.GET.get("side"))
    return render(
        request,
        "grants/municipal/list.html",
        {"page": page, "sums": selectors.municipality_sums(request.user), "municipality": request.user.municipality},
    )


@requires(Perm.VIEW_MUNICIPAL_GRANTS)
def municipal_detail(request, pk: int):
    application = selectors.application_for_municipality(request.user, pk)
    scheme = application.call.scheme
    return render(
        request,
        "grants/municipal/detail.html",
        {
            "application": application,
            "reasons": [f"{code} {scheme.rejection_reason_text(code)}" for code in application.rejection_codes],
        },
    )
