"""The organisation register: list with search, an organisation's page (contacts, notes, activities), edit."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integrering.core.audit import personal_data_read_log
from integrering.core.exceptions import ApplicationError
from integrering.core.form_page import form_page
from integrering.core.permissions import Perm, has_perm, requires
from integrering.regional.organisations import selectors, services
from integrering.regional.organisations.forms import ContactForm, OrganisationFilterForm, OrganisationForm
from integrering.regional.organisations.models import OrganisationContact

PAGE_SIZE = 50


def _to(organisation):
    return redirect("regional:organisation", pk=organisation.pk)


@requires(Perm.VIEW_REGIONAL)
def organisation_list(request):
    form = OrganisationFilterForm(request.GET or None, county=request.user.county)
    filters = {}
    if form.is_valid():
        d = form.cleaned_data
        active = {"ja": True, "nei": False}.get(d["aktiv"])
        filters = {"query": d["q"].strip(), "municipality": d["kommune"], "active": active}
    page = Paginator(selectors.organisations_for_user(request.user, **filters), PAGE_SIZE).get_page(
        request.GET.get("side")
    )
    query = request.GET.copy()
    query.pop("side", None)
    return render(
        request,
        "regional/organisations/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_manage": has_perm(request.user, Perm.MANAGE_REGIONAL),
        },
    )


@requires(Perm.VIEW_REGIONAL)
def organisation_detail(request, pk: int):
    organisation = selectors.organisation_for_user(request.user, pk)
    can_manage = has_perm(request.user, Perm.MANAGE_REGIONAL)
    contacts = list(organisation.contacts.all()) if can_manage else None
    if contacts:
        # Contacts are personal data: every page that shows them is a logged read (core.audit).
        personal_data_read_log(
            user=request.user,
            action="view",
            record_type="organisation_contact",
            record_ids=[c.pk for c in contacts],
            description=_("Contacts of %(organisation)s") % {"organisation": organisation.name},
        )
    return render(
        request,
        "regional/organisations/detail.html",
        {
            "organisation": organisation,
            "can_manage": can_manage,
            # Contacts are personal data: shown to those who work with the register, not to readers of figures.
            "contacts": contacts,
            "contact_form": ContactForm() if can_manage else None,
            "activities": organisation.activities.order_by("-start_date")[:50],
        },
    )


@requires(Perm.MANAGE_REGIONAL)
def organisation_create(request):
    form = OrganisationForm(request.POST or None, county=request.user.county)

    def save(data):
        data.pop("version", None)
        return services.organisation_create(county=request.user.county, **data)

    return form_page(
        request,
        form,
        "regional/organisations/form.html",
        {"organisation": None},
        save=save,
        success=_("The organisation was registered."),
        done=_to,
    )


@requires(Perm.MANAGE_REGIONAL)
def organisation_edit(request, pk: int):
    organisation = selectors.organisation_for_user(request.user, pk)
    form = OrganisationForm(request.POST or None, instance=organisation, county=request.user.county)

    def save(data):
        return services.organisation_update(organisation=organisation, **data)

    return form_page(
        request,
        form,
        "regional/organisations/form.html",
        {"organisation": organisation},
        save=save,
        success=_("The organisation was saved."),
        done=_to,
    )


@requires(Perm.MANAGE_REGIONAL)
@require_POST
def contact_add(request, pk: int):
    organisation = selectors.organisation_for_user(request.user, pk)
    form = ContactForm(request.POST)
    if form.is_valid():
        try:
            services.contact_add(organisation=organisation, **form.cleaned_data)
        except ApplicationError as error:
            messages.error(request, error.user_message)
        else:
            messages.success(request, _("The contact was added."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return _to(organisation)


@requires(Perm.MANAGE_REGIONAL)
@require_POST
def contact_delete(request, pk: int):
    contact = OrganisationContact.objects.filter(pk=pk, organisation__county_id=request.user.county_id).first()
    if contact is None:
        raise Http404(_("There is no such contact."))
    organisation = contact.organisation
    services.contact_delete(contact=contact)
    messages.success(request, _("The contact was deleted."))
    return _to(organisation)
