"""Attachments of a grant application: the applicant adds and removes them while the application is editable
(a draft, or when the caseworker has asked for more information); core's file service checks and stores them."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.core.files.models import StoredFile
from integrering.core.files.services import file_delete, file_store, files_of
from integrering.grants.applications.models import Application
from integrering.grants.applications.services import EDITABLE

PURPOSE = "attachment"
MAX_ATTACHMENTS = 20


def attachments_of(application: Application) -> QuerySet[StoredFile]:
    return files_of(application, PURPOSE)


def attachment_get(pk: int) -> StoredFile | None:
    """An application's attachment by its id (the caller then checks the user may see its application)."""
    return (
        StoredFile.objects.filter(pk=pk, purpose=PURPOSE, owner_type=ContentType.objects.get_for_model(Application))
        .select_related("owner_type")
        .first()
    )


def _editable(application: Application) -> None:
    if application.status not in EDITABLE:
        raise ApplicationError(
            _("Attachments can only be added or removed while the application is a draft or lacks information.")
        )


def attachment_add(*, application: Application, upload: Any, user: Any) -> StoredFile:
    _editable(application)
    if attachments_of(application).count() >= MAX_ATTACHMENTS:
        raise ApplicationError(
            _("An application has at most %(n)s attachments."), field="file", params={"n": MAX_ATTACHMENTS}
        )
    return file_store(upload=upload, owner=application, purpose=PURPOSE, user=user)


def attachment_delete(*, application: Application, stored: StoredFile) -> None:
    _editable(application)
    file_delete(stored)
