"""A reminder that has been sent: its key is unique, so each reminder goes out at most once (also when the daily
command runs on several servers at once)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from integrering.grants.applications.models import Application


class SentReminder(models.Model):
    key = models.CharField(_("key"), max_length=100, unique=True)
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=40)
    sent_on = models.DateField(_("sent"))

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")

    def __str__(self) -> str:
        return self.key
