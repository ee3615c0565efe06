"""Administration → E-post: the county's sent e-mail (recipients are personal data: every read is logged)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from integrering.core.audit import personal_data_read_log
from integrering.core.mail import selectors
from integrering.core.mail.errors import MailError
from integrering.core.mail.forms import SentEmailFilterForm
from integrering.core.mail.services import mail_send
from integrering.core.permissions import Perm, requires

RECORD_TYPE = "sentemail"


@requires(Perm.MANAGE_EMAIL)
@require_GET
def sent_email_list(request):
    form = SentEmailFilterForm(request.GET or None)
    emails = selectors.sent_emails_of_county(request.user)
    if form.is_bound and form.is_valid():
        emails = form.apply(emails)
    page = Paginator(emails, 50).get_page(request.GET.get("side"))
    shown = [email.pk for email in page]
    if shown:
        personal_data_read_log(
            user=request.user, action="list", record_type=RECORD_TYPE, record_ids=shown, description=_("Sent e-mail")
        )
    response = render(request, "core/mail/sent_email_list.html", {"form": form, "emails": page})
    return _private(response)


@requires(Perm.MANAGE_EMAIL)
@require_GET
def sent_email_detail(request, pk: int):
    # Another county's message is a 404, not a 403: its existence is not revealed.
    email = selectors.sent_email_of_county(request.user, pk)
    if email is None:
        raise Http404
    same_record = []
    if email.content_type is not None and email.object_id is not None:
        same_record = list(
            selectors.sent_emails_about(content_type=email.content_type, object_id=email.object_id, user=request.user)
        )
    shown = [email.pk, *(other.pk for other in same_record)]
    personal_data_read_log(user=request.user, action="view", record_type=RECORD_TYPE, record_ids=shown)
    response = render(request, "core/mail/sent_email_detail.html", {"email": email, "same_record": same_record})
    return _private(response)


@requires(Perm.MANAGE_EMAIL)
@require_POST
def sent_email_test(request):
    """Send the test message to the administrator's own address: proof that the county's mail goes out."""
    user = request.user
    if not user.email:
        messages.error(request, _("You have no e-mail address. Add one on your user page first."))
        return redirect("core:sent_emails")
    try:
        mail_send(
            to=user.email,
            template="test",
            context={"requested_by": user.get_full_name() or user.username, "requested_at": timezone.now()},
            county=user.county,
            related=user,
        )
    except MailError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("A test e-mail was sent to %(address)s.") % {"address": user.email})
    return redirect("core:sent_emails")


def _private(response):
    # Recipient addresses: no shared or browser cache keeps the page.
    patch_cache_control(response, no_store=True, private=True)
    return response
