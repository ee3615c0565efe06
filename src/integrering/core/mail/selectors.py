"""Reads of the sent e-mails, scoped to the user's county (recipient addresses are personal data)."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from integrering.core.mail.models import SentEmail


def sent_emails_for(record: models.Model, *, user) -> QuerySet[SentEmail]:
    """The e-mails about ``record`` that ``user``'s county sent, newest first.

    For a page about ``record`` that ``user`` may see, with its recipients: the caller has checked that.
    """
    return sent_emails_about(content_type=ContentType.objects.get_for_model(record), object_id=record.pk, user=user)


def sent_emails_about(*, content_type: ContentType, object_id: int, user) -> QuerySet[SentEmail]:
    """As :func:`sent_emails_for`, by the record's type and number (the record itself may be gone)."""
    return SentEmail.objects.filter(
        content_type=content_type, object_id=object_id, county_id=user.county_id
    ).select_related("content_type")


def sent_emails_of_county(user) -> QuerySet[SentEmail]:
    """Every e-mail ``user``'s county sent or tried to send, newest first (none for a user without a county)."""
    if user.county_id is None:
        return SentEmail.objects.none()
    return SentEmail.objects.filter(county_id=user.county_id).select_related("content_type")


def sent_email_of_county(user, pk: int) -> SentEmail | None:
    return sent_emails_of_county(user).filter(pk=pk).first()
