import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integrering.core.collation import norwegian_key
from integrering.core.error_handling import form_error_add
from integrering.core.exceptions import ConcurrentEdit
from integrering.core.permissions import Perm, has_perm, is_municipal_only, requires
from integrering.municipalities import selectors, services
from integrering.municipalities.forms import ContactAssignmentForm, YearForm
from integrering.municipalities.models import ContactAssignment


def _contact_names(m) -> str:
    return ", ".join(str(c.person) for c in m.current_contacts)


SORT_KEYS = {
    "nummer": lambda m: m.number,
    "navn": lambda m: norwegian_key(m.name_in_year or m.norwegian_name),
    "folketall": lambda m: m.population_in_year or 0,
    # Municipalities without a contact person last.
    "kontaktperson": lambda m: (not m.current_contacts, norwegian_key(_contact_names(m))),
}


@requires(Perm.VIEW_MUNICIPALITIES)
def municipality_list(request):
    today = timezone.localdate()
    form = YearForm(request.GET or None)
    year = form.cleaned_data["year"] if form.is_valid() and form.cleaned_data.get("year") else today.year
    qs = selectors.municipalities_for_user(request.user, year=year).with_name_and_population(year)
    # Contact persons as they were at the end of a past year, or as they are today.
    on = today if year >= today.year else datetime.date(year, 12, 31)
    rows = list(selectors.with_contacts(qs, on))
    sort = request.GET.get("sorter", "nummer")
    if sort.lstrip("-") not in SORT_KEYS:
        sort = "nummer"
    rows.sort(key=SORT_KEYS[sort.lstrip("-")], reverse=sort.startswith("-"))
    # The total counts only figures of this very year; a row whose figure is from an earlier year shows that year.
    exact = [m.population_in_year for m in rows if m.population_year == year]
    total = sum(exact)
    return render(
        request,
        "municipalities/list.html",
        {
            "rows": rows,
            "year": year,
            "form": form,
            "years": form.years,
            "sort": sort,
            "sort_base": f"aar={year}&",
            "population_total": total,
            "population_known": bool(exact),
        },
    )


@requires(Perm.VIEW_MUNICIPALITIES)
def municipality_detail(request, number: str):
    municipality = selectors.municipality_for_user(request.user, number)
    names = list(municipality.names.all())
    current_year = timezone.localdate().year
    populations = list(municipality.populations.all())
    contacts = list(municipality.contact_assignments.select_related("person").order_by("-start"))
    return render(
        request,
        "municipalities/detail.html",
        {
            "municipality": municipality,
            "names": names,
            "populations": populations,
            "contacts": contacts,
            "current_name": selectors.name_in(municipality, current_year),
            "sections": services.municipality_page_sections(request=request, municipality=municipality),
        },
    )


@requires(Perm.VIEW_MUNICIPALITIES)
def contact_overview(request):
    today = timezone.localdate()
    year = today.year
    qs = selectors.municipalities_for_user(request.user, year=year).with_name_and_population(year)
    groups, without = services.group_by_contact(list(selectors.with_contacts(qs, today)))
    return render(
        request,
        "municipalities/contacts.html",
        {
            "groups": groups,
            "without": without,
            "today": today,
            "can_manage": has_perm(request.user, Perm.MANAGE_CONTACTS),
        },
    )


def start_panel(request) -> tuple[str, dict] | None:
    """The start page's panel (registered in ``apps.py``): a municipal user's own municipality, or the
    municipalities a county user is contact person for; nothing for a user who may not see municipalities."""
    user = request.user
    if not user.county_id or not has_perm(user, Perm.VIEW_MUNICIPALITIES):
        return None
    today = timezone.localdate()
    if is_municipal_only(user):
        # A municipal user is nobody's contact person: their start page is their own municipality.
        own = selectors.municipalities_for_user(user, year=today.year).with_name_and_population(today.year)
        return "municipalities/_start_panel.html", {"own_municipality": own.first(), "today": today}
    mine = selectors.municipalities_of_contact(user, today).with_name_and_population(today.year)
    return "municipalities/_start_panel.html", {"my_municipalities": mine, "today": today}


@requires(Perm.MANAGE_CONTACTS)
def contact_assign(request):
    form = ContactAssignmentForm(request.POST or None, county=request.user.county)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_assign(
                person=form.cleaned_data["person"],
                municipalities=form.cleaned_data["municipalities"],
                start=form.cleaned_data["start"],
                seen=form.cleaned_data["seen"],
            )
        except ValidationError as error:
            # Periods of a municipality never overlap: the form says which one and the earliest date.
            form.add_error("start", error)
        except ConcurrentEdit as error:
            # Another administrator changed these municipalities' periods since the form was opened: nothing
            # was written; the form shows their periods, and saving again is a deliberate choice.
            form_error_add(form, error)
            form.conflict = error.current
            form.data = form.data.copy()
            form.data["seen"] = form.state_now()
        else:
            messages.success(request, _("The contact person was assigned."))
            return redirect("municipalities:contacts")
    return render(request, "municipalities/contact_form.html", {"form": form})


@requires(Perm.MANAGE_CONTACTS)
@require_POST
def contact_end(request, pk: int):
    assignment = get_object_or_404(ContactAssignment, pk=pk, municipality__county_id=request.user.county_id)
    try:
        version = int(request.POST["version"]) if request.POST.get("version") else None
    except ValueError:
        version = None
    try:
        services.contact_end(assignment=assignment, end=timezone.localdate(), expected_version=version)
    except ConcurrentEdit as error:
        # The period was changed or ended by someone else since the list was opened: the list shows it now.
        messages.error(request, error.user_message + " " + _("Nothing was changed; the list shows it as it is now."))
    else:
        messages.success(request, _("The assignment was ended."))
    return redirect("municipalities:contacts")
