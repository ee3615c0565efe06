"""The record of every e-mail the application sent or tried to send."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class SentEmail(models.Model):
    """One message to one recipient: who, what (subject and template, not the body), when, about which record.

    The body is not stored: it may hold personal data beyond the address, and the subject, the template
    and the names of the values it was given say what was sent. Written only by ``core.mail.services``.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Not sent")

    class Failure(models.TextChoices):
        NOT_CONFIGURED = "not_configured", _("E-mail is not set up on this installation.")
        CONNECTION = "connection", _("Could not reach the mail server.")
        TLS = "tls", _("Could not set up an encrypted connection to the mail server.")
        AUTHENTICATION = "authentication", _("The mail server did not accept the user name or password.")
        SENDER_REFUSED = "sender_refused", _("The mail server refused the sender address.")
        RECIPIENT_REFUSED = "recipient_refused", _("The mail server refused the recipient.")
        SERVER_ERROR = "server_error", _("The mail server answered with an error.")
        OTHER = "other", _("An unexpected error stopped the sending.")

    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # Empty for a message about no county (a test message from the command line without --county).
    county = models.ForeignKey(
        "core.County", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("county")
    )
    to = models.EmailField(_("to"), max_length=254)
    subject = models.CharField(_("subject"), max_length=998)
    template = models.CharField(_("template"), max_length=100)
    language = models.CharField(_("language"), max_length=10)
    context_keys = models.JSONField(_("values given"), default=list, blank=True)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("record type")
    )
    object_id = models.PositiveBigIntegerField(_("record"), null=True, blank=True)
    related = GenericForeignKey("content_type", "object_id")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    failure = models.CharField(_("reason"), max_length=20, choices=Failure.choices, blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)
    message_id = models.CharField(_("message ID"), max_length=255, blank=True)

    class Meta:
        app_label = "core"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("sent e-mail")
        verbose_name_plural = _("sent e-mails")
        indexes = [
            models.Index(fields=["county", "-created_at"], name="sentemail_county_created"),
            models.Index(fields=["content_type", "object_id"], name="sentemail_record"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "sent", "failed"]), name="sentemail_status_known"
            ),
            # Sent ⇔ it has a time of sending.
            models.CheckConstraint(
                condition=Q(status="sent", sent_at__isnull=False) | (~Q(status="sent") & Q(sent_at__isnull=True)),
                name="sentemail_sent_has_time",
            ),
            # Failed ⇔ it says why; a message that did not fail has no error.
            models.CheckConstraint(
                condition=(Q(status="failed") & ~Q(failure="")) | (~Q(status="failed") & Q(failure="") & Q(error="")),
                name="sentemail_failed_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(content_type__isnull=True, object_id__isnull=True)
                | Q(content_type__isnull=False, object_id__isnull=False),
                name="sentemail_record_whole",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.template} #{self.pk}"

    @property
    def at(self):
        """When it was sent, or, if it was not, when it was tried."""
        return self.sent_at or self.created_at

    @property
    def language_name(self) -> str:
        # settings.LANGUAGES holds the names untranslated (gettext_noop): translate when shown.
        name = dict(settings.LANGUAGES).get(self.language)
        return gettext(name) if name else self.language

    @property
    def record_label(self) -> str:
        """The concerned record's type and number («Bruker 12»), without its name (which may be personal data)."""
        if self.content_type is None:
            return ""
        model = self.content_type.model_class()
        kind = capfirst(str(model._meta.verbose_name)) if model is not None else self.content_type.model
        return f"{kind} {self.object_id}"
