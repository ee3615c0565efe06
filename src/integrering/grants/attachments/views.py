"""An application's attachments: the applicant uploads and removes them on the editable application; the download
is for the organisation's members and for the county's grant users who may see the application. The file's id
alone gives nothing: its application is looked up among those the user may see (anyone else: 404)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integrering.core.exceptions import ApplicationError
from integrering.core.files.models import StoredFile
from integrering.core.files.responses import file_response
from integrering.core.permissions import Perm, requires
from integrering.grants.applications import selectors
from integrering.grants.applications.models import Application
from integrering.grants.attachments import services
from integrering.grants.attachments.forms import AttachmentForm


@requires(Perm.APPLY_GRANTS)
@require_POST
def attachment_add(request, pk: int):
    application = selectors.application_for_applicant(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(application=application, upload=form.cleaned_data["file"], user=request.user)
        except ApplicationError as error:
            messages.error(request, error.user_message)
        else:
            messages.success(request, _("The attachment was added."))
    else:
        messages.error(request, _("Choose a file to attach."))
    return redirect("grants:application", pk=application.pk)


def _attachment(pk: int, applications) -> tuple[StoredFile, Application]:
    stored = services.attachment_get(pk)
    application = applications.filter(pk=stored.owner_id).first() if stored is not None else None
    if stored is None or application is None:
        raise Http404(_("There is no such attachment."))
    return stored, application


@requires(Perm.APPLY_GRANTS)
def attachment_download(request, pk: int):
    """For the members of the applying organisation (whatever the application's status)."""
    stored, _application = _attachment(pk, selectors.applications_for_applicant(request.user))
    return file_response(stored)


@requires(Perm.APPLY_GRANTS)
@require_POST
def attachment_delete(request, pk: int):
    stored, application = _attachment(pk, selectors.applications_for_applicant(request.user))
    services.attachment_delete(application=application, stored=stored)
    messages.success(request, _("The attachment was removed."))
    return redirect("grants:application", pk=application.pk)


@requires(Perm.VIEW_GRANTS)
def case_attachment_download(request, pk: int):
    """For the county's grant users: submitted applications in their scope (never a draft)."""
    stored, _application = _attachment(pk, selectors.applications_for_user(request.user))
    return file_response(stored)
