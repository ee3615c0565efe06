"""Activity attachments and meeting minutes move onto core's private file storage (core.StoredFile).

The old FileFields wrote into Django's default storage (MEDIA_ROOT, which was unset: the working directory). Each
file found there (or under the new MEDIA_ROOT) is copied into ``STORAGES["files"]`` under a random name and
recorded as a StoredFile; a row whose file is missing keeps no file (its download says the file is missing).
"""

import hashlib
import secrets
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.db import migrations, models
import django.db.models.deletion


def _legacy_path(name):
    for root in (Path.cwd(), Path(settings.MEDIA_ROOT), Path(settings.BASE_DIR)):
        candidate = root / name
        if name and candidate.is_file():
            return candidate
    return None


def _copy(apps, *, owner_model, owner_id, name, content_type, purpose, user_id, uploaded_at):
    path = _legacy_path(name)
    if path is None:
        return None
    ContentType = apps.get_model("contenttypes", "ContentType")
    StoredFile = apps.get_model("core", "StoredFile")
    owner_type, _ = ContentType.objects.get_or_create(app_label="regional", model=owner_model)
    data = path.read_bytes()
    storage = storages["files"]
    with path.open("rb") as handle:
        stored_name = storage.save(f"files/{uploaded_at:%Y}/{secrets.token_hex(20)}", File(handle))
    return StoredFile.objects.create(
        owner_type=owner_type,
        owner_id=owner_id,
        purpose=purpose,
        name=stored_name,
        original_name=path.name[:200],
        content_type=content_type or "application/octet-stream",
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by_id=user_id,
        uploaded_at=uploaded_at,
    )


def forwards(apps, schema_editor):
    from django.utils import timezone

    ActivityAttachment = apps.get_model("regional", "ActivityAttachment")
    Meeting = apps.get_model("regional", "Meeting")
    for attachment in ActivityAttachment.objects.exclude(file=""):
        attachment.stored = _copy(
            apps,
            owner_model="activity",
            owner_id=attachment.activity_id,
            name=attachment.file.name,
            content_type=attachment.content_type,
            purpose="attachment",
            user_id=attachment.uploaded_by_id,
            uploaded_at=attachment.uploaded_at,
        )
        attachment.save(update_fields=["stored"])
    for meeting in Meeting.objects.exclude(minutes=""):
        meeting.minutes_file = _copy(
            apps,
            owner_model="meeting",
            owner_id=meeting.pk,
            name=meeting.minutes.name,
            content_type=meeting.minutes_content_type,
            purpose="minutes",
            user_id=None,
            uploaded_at=timezone.now(),
        )
        meeting.save(update_fields=["minutes_file"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0010_stored_files_and_job_locks"),
        ("regional", "0006_field_names_for_the_audit_page"),
    ]

    operations = [
        migrations.AddField(
            model_name="activityattachment",
            name="stored",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="core.storedfile",
                verbose_name="file",
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="minutes_file",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="core.storedfile",
                verbose_name="minutes",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.RemoveField(model_name="activityattachment", name="file"),
        migrations.RemoveField(model_name="meeting", name="minutes"),
        migrations.RemoveField(model_name="meeting", name="minutes_content_type"),
    ]
