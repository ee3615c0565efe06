"""Store, open and delete uploaded files in the private storage ``STORAGES["files"]``.

An upload is checked before anything else is done with it: its size against ``UPLOAD_MAX_BYTES`` (the upload
handler in :mod:`integrering.core.files.uploads` has already stopped writing beyond it), then its kind from its
first bytes (:mod:`integrering.core.files.sniffing`), then that its name's suffix matches the kind. The bytes go to
the storage under a random name; the row (:class:`StoredFile`) names the owner, the original name, type, size and
SHA-256. Deleting removes the row and, once the transaction commits, the stored object.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import unicodedata
from collections.abc import Iterable
from typing import IO, Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import File
from django.core.files.storage import Storage, storages
from django.db import models, transaction
from django.db.models import QuerySet
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.core.files.models import StoredFile
from integrering.core.files.sniffing import DOCUMENTS, KINDS, sniff

logger = logging.getLogger(__name__)

STORAGE_ALIAS = "files"


def files_storage() -> Storage:
    """The private storage of uploaded files (looked up at each call: settings may change it, e.g. in tests)."""
    return storages[STORAGE_ALIAS]


def upload_max_bytes() -> int:
    return int(getattr(settings, "UPLOAD_MAX_BYTES", 10 * 1024 * 1024))


def clean_name(name: str) -> str:
    """The last part of a file name, without control characters or path separators, at most 200 characters."""
    name = unicodedata.normalize("NFC", str(name)).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip().strip(".") or "fil"
    if len(name) > 200:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[: 199 - len(suffix)] + dot + suffix) if dot and len(suffix) <= 10 else name[:200]
    return name


def kinds_text(accept: Iterable[str]) -> str:
    return ", ".join(sorted({suffix.lstrip(".").upper() for key in accept for suffix in KINDS[key].suffixes[:1]}))


def upload_check(upload: Any, *, accept: Iterable[str] = DOCUMENTS) -> str:
    """The content type of an acceptable upload; :class:`ApplicationError` (field «file») for anything else."""
    accept = frozenset(accept)
    limit = upload_max_bytes()
    size = int(getattr(upload, "size", 0) or 0)
    if size > limit:
        raise ApplicationError(
            _("The file is too large: %(size)s; at most %(limit)s."),
            field="file",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    if size == 0:
        raise ApplicationError(_("The file is empty."), field="file", code="file_empty")
    kind = sniff(upload)
    if kind is None or kind.key not in accept:
        raise ApplicationError(
            _("This kind of file is not accepted; accepted: %(kinds)s."),
            field="file",
            params={"kinds": kinds_text(accept)},
            code="file_kind",
        )
    name = clean_name(getattr(upload, "name", "") or "")
    if not name.lower().endswith(kind.suffixes):
        raise ApplicationError(
            _("The file's content is %(kind)s, but its name «%(name)s» does not end in %(suffix)s."),
            field="file",
            params={"kind": kind.key.upper(), "name": name, "suffix": " / ".join(kind.suffixes)},
            code="file_mismatch",
        )
    return kind.content_type


def _sha256(upload: Any) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks() if hasattr(upload, "chunks") else iter(lambda: upload.read(65536), b""):
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def file_store(
    *, upload: Any, owner: models.Model, purpose: str, user: Any = None, accept: Iterable[str] = DOCUMENTS
) -> StoredFile:
    """Check ``upload`` and store it for ``owner``; the stored object is removed again if the row cannot be written."""
    content_type = upload_check(upload, accept=accept)
    sha256 = _sha256(upload)
    now = timezone.now()
    storage = files_storage()
    name = storage.save(f"files/{now:%Y}/{secrets.token_hex(20)}", File(upload))
    try:
        with transaction.atomic():
            return StoredFile.objects.create(
                owner_type=ContentType.objects.get_for_model(owner),
                owner_id=owner.pk,
                purpose=purpose,
                name=name,
                original_name=clean_name(upload.name or ""),
                content_type=content_type,
                size=upload.size,
                sha256=sha256,
                uploaded_by=user if getattr(user, "is_authenticated", False) else None,
                uploaded_at=now,
            )
    except Exception:
        storage.delete(name)
        raise


def files_of(owner: models.Model, purpose: str | None = None) -> QuerySet[StoredFile]:
    files = StoredFile.objects.filter(owner_type=ContentType.objects.get_for_model(owner), owner_id=owner.pk)
    return files.filter(purpose=purpose) if purpose else files


def file_of(owner: models.Model, pk: Any, purpose: str | None = None) -> StoredFile | None:
    """The file ``pk`` if it belongs to ``owner`` (an id of another owner's file is simply not found)."""
    try:
        return files_of(owner, purpose).filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        return None


def file_delete(stored: StoredFile) -> None:
    """Delete the row now and the stored object when the transaction commits (never an object without its row
    being gone, never a row whose object is gone)."""
    name = stored.name
    with transaction.atomic():
        stored.delete()
        transaction.on_commit(lambda: _object_delete(name))


def files_delete_for(owner: models.Model) -> int:
    """Delete every file of ``owner`` (call it before deleting the owner)."""
    count = 0
    for stored in files_of(owner):
        file_delete(stored)
        count += 1
    return count


def _object_delete(name: str) -> None:
    try:
        files_storage().delete(name)
    except Exception:  # the row is gone: an object left behind is unreachable; the operator's log says which
        logger.exception("Could not delete the stored object %s", name)


def file_open(stored: StoredFile) -> IO[bytes]:
    """The stored bytes, opened for reading; :class:`FileNotFoundError` if the object is missing."""
    storage = files_storage()
    if not storage.exists(stored.name):
        raise FileNotFoundError(stored.name)
    return storage.open(stored.name, "rb")
