"""A stored file: the bytes live in the private storage ``STORAGES["files"]`` (a local folder or an object store),
this row says whose it is, what it is and who put it there. Never a public URL: the owner's page serves it."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StoredFile(models.Model):
    # The object the file belongs to (an application, an activity attachment, a meeting): whoever may see the owner
    # may download the file; the owner's app checks that in its own download view.
    owner_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("owner type")
    )
    owner_id = models.PositiveBigIntegerField(_("owner"))
    owner = GenericForeignKey("owner_type", "owner_id")
    # What the file is to its owner («attachment», «minutes»): an owner may hold files of several purposes.
    purpose = models.CharField(_("purpose"), max_length=40)
    # The name in the storage: random, never derived from the user's file name.
    name = models.CharField(_("storage name"), max_length=255, unique=True)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        ordering = ["original_name", "pk"]
        indexes = [models.Index(fields=["owner_type", "owner_id", "purpose"], name="core_file_owner")]
        verbose_name = _("stored file")
        verbose_name_plural = _("stored files")

    def __str__(self) -> str:
        return self.original_name
