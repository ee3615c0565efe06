"""A caseworker's impartiality declaration (fvl. § 6) and assessment (scores per criterion) of one application."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from integrering.grants.applications.models import Application


class ImpartialityDeclaration(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="declarations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    impartial = models.BooleanField(_("impartial"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    declared_at = models.DateTimeField(_("declared"), auto_now_add=True)

    class Meta:
        verbose_name = _("impartiality declaration")
        verbose_name_plural = _("impartiality declarations")
        constraints = [models.UniqueConstraint(fields=["application", "user"], name="grants_declaration_once")]

    def __str__(self) -> str:
        return f"{self.application} {self.user}: {self.impartial}"


class Assessment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="assessments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # {criterion code: score 0–5}
    scores = models.JSONField(_("scores"), default=dict)
    comment = models.TextField(_("comment"), blank=True)
    weighted_score = models.DecimalField(_("weighted score"), max_digits=5, decimal_places=2)
    proposed_amount = models.PositiveBigIntegerField(_("proposed amount (kr)"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [models.UniqueConstraint(fields=["application", "user"], name="grants_assessment_once")]

    def __str__(self) -> str:
        return f"{self.application} {self.user}: {self.weighted_score}"
