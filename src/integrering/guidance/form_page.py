"""Guidance's form pages: :func:`integrering.core.form_page.form_page`, and each showing of a form that names a
participant is logged as a read of that participant, like the participant's page."""

from integrering.core.form_page import form_page as core_form_page
from integrering.guidance.participants.services import participant_read_log


def form_page(request, form, template: str, context: dict, *, save, success: str, done, read=None):
    """``read``: ``(participant, description)`` when the page shows a participant's name or reference."""
    on_show = None
    if read is not None:
        participant, description = read

        def on_show():
            participant_read_log(user=request.user, participant=participant, description=description)

    return core_form_page(request, form, template, context, save=save, success=success, done=done, on_show=on_show)
