"""The municipality's referral for career guidance, and its withdrawal."""

from django.shortcuts import redirect
from django.utils.translation import gettext as _

from integrering.core.permissions import Perm, requires
from integrering.guidance import services
from integrering.guidance.form_page import form_page
from integrering.guidance.forms import ReferralForm, WithdrawReferralForm
from integrering.guidance.participants.selectors import participant_for_user


def _to_participant(participant):
    return redirect("guidance:participant", pk=participant.pk)


@requires(Perm.REFER_PARTICIPANTS)
def referral_create(request, pk: int):
    participant = participant_for_user(request.user, pk)
    form = ReferralForm(request.POST or None, initial={"mapping_date": participant.mapping_date})

    def save(data):
        services.referral_create(participant=participant, user=request.user, **data)
        return participant

    return form_page(
        request,
        form,
        "guidance/referral_form.html",
        {"participant": participant},
        save=save,
        success=_("The participant was referred for career guidance."),
        done=_to_participant,
        read=(participant, "Henvisningsskjema"),
    )


@requires(Perm.REFER_PARTICIPANTS)
def referral_withdraw(request, pk: int):
    participant = participant_for_user(request.user, pk)
    form = WithdrawReferralForm(request.POST or None)

    def save(data):
        services.referral_withdraw(participant=participant, user=request.user, reason=data["reason"])
        return participant

    return form_page(
        request,
        form,
        "guidance/referral_withdraw_form.html",
        {"participant": participant},
        save=save,
        success=_("The referral was withdrawn."),
        done=_to_participant,
        read=(participant, "Skjema: trekk henvisning"),
    )
