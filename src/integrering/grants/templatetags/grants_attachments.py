"""``{% application_attachments application as files %}`` and ``{% attachment_url file %}`` for the application's
pages: the applicant's summary (which sets ``editable``) links to the applicant's download, the caseworker's page to
the county's."""

from django import template
from django.urls import reverse

from integrering.grants.attachments.forms import AttachmentForm
from integrering.grants.attachments.services import attachments_of

register = template.Library()


@register.simple_tag
def application_attachments(application):
    return list(attachments_of(application))


@register.simple_tag(takes_context=True)
def attachment_url(context, stored) -> str:
    return reverse("grants:attachment" if "editable" in context else "grants:case_attachment", args=[stored.pk])


@register.simple_tag
def attachment_form():
    return AttachmentForm()
