"""An applicant's pages: register (public), confirm the e-mail (public), their organisations, add a colleague."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _

from integrering.core.exceptions import ApplicationError
from integrering.core.form_page import form_page
from integrering.core.models import User
from integrering.core.permissions import Perm, public, requires
from integrering.grants.applicants import selectors, services
from integrering.grants.applicants.forms import MemberForm, OrganisationForm, RegistrationForm
from integrering.municipalities.models import Municipality


@public
def register(request):
    if request.user.is_authenticated:
        return redirect("grants:mine")
    form = RegistrationForm(request.POST or None, initial={"county": request.GET.get("fylke")})

    def save(data):
        return services.applicant_register(
            county=data["county"],
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            password=data["password"],
            base_url=request.build_absolute_uri("/"),
        )

    return form_page(
        request,
        form,
        "grants/applicants/register.html",
        {},
        save=save,
        success=_("We have sent you an e-mail. Open the link in it to confirm your address, then log in."),
        done=lambda user: redirect("grants:public_calls"),
    )


@public
def confirm(request, uidb64: str, token: str):
    try:
        user = User.objects.filter(pk=int(force_str(urlsafe_base64_decode(uidb64)))).first()
    except (TypeError, ValueError, OverflowError):
        user = None
    try:
        services.applicant_confirm(user=user, token=token)
    except ApplicationError as error:
        return render(request, "grants/applicants/confirm_failed.html", {"message": error.user_message}, status=400)
    messages.success(request, _("Your e-mail address is confirmed. Log in with it and your password."))
    return redirect("login")


@requires(Perm.APPLY_GRANTS)
def mine(request):
    """The applicant's own page: their organisations and their applications."""
    from integrering.grants.applications.selectors import applications_for_applicant

    organisations = selectors.organisations_for_applicant(request.user)
    applications = applications_for_applicant(request.user).order_by("-pk")
    return render(
        request, "grants/applicants/mine.html", {"organisations": organisations, "applications": applications}
    )


@requires(Perm.APPLY_GRANTS)
def organisation_create(request):
    municipalities = Municipality.objects.for_county(request.user.county_id).valid_in(timezone.localdate().year)
    form = OrganisationForm(request.POST or None, municipalities=municipalities.order_by("number"))

    def save(data):
        return services.organisation_create(user=request.user, **data)

    return form_page(
        request,
        form,
        "grants/applicants/organisation_form.html",
        {},
        save=save,
        success=_("The organisation was registered."),
        done=lambda organisation: redirect("grants:organisation", pk=organisation.pk),
    )


@requires(Perm.APPLY_GRANTS)
def organisation_detail(request, pk: int):
    organisation = selectors.organisation_for_applicant(request.user, pk)
    form = MemberForm(request.POST or None)

    def save(data):
        return services.organisation_member_add(organisation=organisation, by=request.user, email=data["email"])

    return form_page(
        request,
        form,
        "grants/applicants/organisation_detail.html",
        {
            "organisation": organisation,
            "members": [
                m.user for m in organisation.memberships.select_related("user").order_by("user__first_name", "pk")
            ],
        },
        save=save,
        success=_("The colleague was added."),
        done=lambda membership: redirect("grants:organisation", pk=organisation.pk),
    )
