"""Sending e-mail: render, record, send; the record always says what happened."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from email.utils import getaddresses, make_msgid
from functools import partial
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import DEFAULT_DB_ALIAS, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from integrering.core.mail.errors import MailAddressInvalid, MailNotSent
from integrering.core.mail.failures import failure_of
from integrering.core.mail.models import SentEmail
from integrering.core.mail.rendering import mail_render

if TYPE_CHECKING:
    from integrering.core.models import County

# Log lines name the record and the template, never the recipient or the subject (personal data).
log = logging.getLogger("integrering.mail")


def mail_send(
    *,
    to: str,
    template: str,
    context: Mapping[str, Any],
    county: County | None = None,
    related: models.Model | None = None,
    language: str | None = None,
) -> SentEmail:
    """Send the e-mail ``mail/<template>/`` to one address, and record it as a :class:`SentEmail`.

    ``context`` fills the templates (its keys, not its values, are recorded); ``county`` is whose message it
    is (the county's administrators see it); ``related`` is the saved record it concerns; ``language`` the
    language to render in (default ``LANGUAGE_CODE``).

    Outside a transaction the message is sent at once: the returned record is ``sent``, or the record is
    ``failed`` and :class:`MailNotSent` is raised (its ``message`` says why, in the user's language).

    Inside a transaction the record is written in that transaction and the message is sent only after it
    commits: a rolled-back transaction sends nothing and leaves no record. The record returned is
    ``pending`` until then; a failure after the commit cannot undo the caller's work, so it is recorded
    (``failed``) and logged, not raised.

    A bad address raises :class:`MailAddressInvalid`, and a missing template ``TemplateDoesNotExist``, before
    anything is recorded.
    """
    address = _checked_address(to)
    language = language or _recipient_language(address) or settings.LANGUAGE_CODE
    rendered = mail_render(template=template, context=context, language=language, county=county)
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        headers={"Message-ID": _message_id(), "Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(rendered.html, "text/html")
    record = SentEmail.objects.create(
        to=address,
        subject=rendered.subject,
        template=template,
        language=language,
        context_keys=sorted(str(key) for key in context),
        county=county,
        content_type=ContentType.objects.get_for_model(related) if related is not None else None,
        object_id=_related_pk(related),
        message_id=message.extra_headers["Message-ID"],
    )
    if _in_transaction():
        transaction.on_commit(partial(_deliver, record, message), robust=True)
        return record
    error = _deliver(record, message)
    if error is not None:
        raise MailNotSent(
            _("The e-mail was not sent: %(reason)s") % {"reason": record.get_failure_display()}, sent_email=record
        ) from error
    return record


def _deliver(record: SentEmail, message: EmailMultiAlternatives) -> Exception | None:
    """Hand ``message`` to the mail backend and record the outcome; return the error, if any."""
    try:
        message.send(fail_silently=False)
    except Exception as error:  # every failure is recorded; the caller decides what to show
        record.status = SentEmail.Status.FAILED
        record.failure, record.error = failure_of(error)
        record.save(update_fields=["status", "failure", "error"])
        log.warning("E-mail %s (template %s) not sent: %s", record.pk, record.template, record.failure)
        return error
    record.status = SentEmail.Status.SENT
    record.sent_at = timezone.now()
    record.save(update_fields=["status", "sent_at"])
    log.info("E-mail %s (template %s) sent", record.pk, record.template)
    return None


def _checked_address(to: str) -> str:
    """``to`` as one bare address; anything else (a list, a display name, a line break) is refused."""
    address = (to or "").strip()
    try:
        if "\n" in address or "\r" in address or getaddresses([address]) != [("", address)]:
            raise ValidationError("")
        validate_email(address)
    except ValidationError:
        raise MailAddressInvalid(
            _("«%(address)s» is not an e-mail address.") % {"address": address[:100]}, field="to"
        ) from None
    return address


def _message_id() -> str:
    """A Message-ID in the sender's domain (bounces and replies can be matched to the record)."""
    domain = getaddresses([settings.DEFAULT_FROM_EMAIL])[0][1].rpartition("@")[2] or "localhost"
    return make_msgid(domain=domain)


def _related_pk(related: models.Model | None) -> int | None:
    if related is None:
        return None
    if related.pk is None:
        raise ValueError("mail_send(related=…) needs a saved record")
    return int(related.pk)


def _in_transaction(using: str = DEFAULT_DB_ALIAS) -> bool:
    """True inside a transaction of the application's own.

    The transaction a test case wraps each test in does not count (as for Django's ``durable`` blocks):
    under test the service behaves as it does in production.
    """
    connection = transaction.get_connection(using)
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def _recipient_language(address: str) -> str | None:
    """The language a user with this address chose (the switch in the header), if any: e-mails to a user who
    reads nynorsk are written in nynorsk."""
    from integrering.core.models import User

    return User.objects.filter(email__iexact=address).exclude(language="").values_list("language", flat=True).first()
