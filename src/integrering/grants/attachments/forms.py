from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from integrering.core.files.services import upload_max_bytes


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("Attachment"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "PDF, Word, Excel, PowerPoint, OpenDocument, text, PNG or JPEG; at most %(limit)s."
        ) % {"limit": filesizeformat(upload_max_bytes())}
