"""The decision letter of an application, frozen when it is decided (or rejected at the screening).

The letter's words are written once, in :mod:`integrering.grants.decisions.letters`, and stored here as they were
sent: the e-mail and the PDF are both rendered from this record, so a later edit of the scheme (its conditions, its
payment plan, its rejection reasons) or of the county's letterhead never changes a letter that has gone out.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from integrering.grants.applications.models import Application


class LetterKind(models.TextChoices):
    GRANT = "grant", _("Grant letter")
    REJECTION = "rejection", _("Rejection letter")


class DecisionLetter(models.Model):
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="letter", verbose_name=_("application")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=LetterKind.choices)
    dated = models.DateField(_("dated"))
    subject = models.CharField(_("subject"), max_length=300)
    title = models.CharField(_("title"), max_length=300)
    # The county as it signed the letter: {"name": …, "lines": ["Postboks 1", "7000 Trondheim", …]}
    sender = models.JSONField(_("sender"), default=dict)
    # The addressee: ["Frivilligsentralen", "Org.nr. 974 760 673"]
    recipient = models.JSONField(_("recipient"), default=list)
    # The text: [{"heading": "" or "Vilkår", "text": "…"}, …] (paragraphs separated by blank lines in «text»)
    sections = models.JSONField(_("text"), default=list)
    language = models.CharField(_("language"), max_length=5, default="nb")  # the written form it was sent in
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision letter")
        verbose_name_plural = _("decision letters")

    def __str__(self) -> str:
        return self.subject

    @property
    def plain_text(self) -> str:
        """The text as the e-mail's text part has it (headings on their own line)."""
        parts = []
        for section in self.sections:
            parts.append(f"{section['heading']}\n{section['text']}" if section["heading"] else section["text"])
        return "\n\n".join(parts)
