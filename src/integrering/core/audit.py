"""Audit: changes of records (django-auditlog) and reads of personal data (PersonalDataAccess).

Apps register their models with :func:`track` in ``AppConfig.ready``. A model may define
``get_additional_data()`` returning ``{"county": "<number>"}`` so that changes made without a
logged-in user (imports from the command line) still show in the county's audit page.
"""

from collections.abc import Iterable

from auditlog.registry import auditlog
from django.utils.translation import gettext_lazy as _

from integrering.core.models import AuditEntryScope, County, CountyLetterSettings, PersonalDataAccess, User, UserRole
from integrering.core.registry import read_action_register

# How the audit page names a read (``PersonalDataAccess.action``); apps may register more, unknown ones show as stored.
READ_ACTIONS = {
    "view": _("Opened the page"),
    "view_national_id": _("Saw the identity number"),
    "list": _("Saw in a list"),
    "export": _("Exported"),
    "audit": _("Saw in the audit log"),
}


def track(model, **options) -> None:
    """Log every create/update/delete of ``model``'s records (its own fields; reverse relations are not
    fields of the record and would log as «app.Model.None»)."""
    if auditlog.contains(model):
        return
    reverse = [f.name for f in model._meta.get_fields() if f.auto_created and not f.concrete]
    if "include_fields" not in options:
        options["exclude_fields"] = [*options.get("exclude_fields", []), *reverse]
    auditlog.register(model, **options)


def tracked_models() -> list:
    """The models whose changes are in the audit log (what the record-type filter offers)."""
    return list(auditlog.get_models())


def register_models() -> None:
    for code, label in READ_ACTIONS.items():
        read_action_register(code, label)
    track(User, exclude_fields=["password", "last_login", "version"])
    track(UserRole)
    track(County)
    track(CountyLetterSettings, exclude_fields=["version"])
    _connect_scope()


def personal_data_list_log(*, user, record_ids: Iterable, description: str):
    """Record that a list page showed ``user`` these participants (names, birth dates); nothing if it was empty."""
    ids = list(record_ids)
    if ids:
        personal_data_read_log(
            user=user, action="list", record_type="participant", record_ids=ids, description=description
        )


def personal_data_read_log(
    *, user, action: str, record_type: str, record_ids: Iterable, description: str = "", county=None
):
    """Record that ``user`` read personal data of the given records (a page view or an export).

    ``user`` is None for a command-line export; then ``county`` says whose data it was.
    """
    return PersonalDataAccess.objects.create(
        user=user,
        county_id=county.pk if county is not None else user.county_id,
        action=action,
        record_type=record_type,
        record_ids=sorted({int(i) if str(i).isdigit() else str(i) for i in record_ids}, key=str),
        description=description[:255],
    )


# Models whose records are a participant's personal data, with the path from a record to the participant's id
# (``"pk"`` for the participant itself, ``"participant_id"``, ``"case.participant_id"``). The audit page masks
# their values for readers without access to participants and files them under that participant.
_PARTICIPANT_PATHS: dict[type, str] = {}


def personal_record_register(model, *, participant: str) -> None:
    """Declare ``model``'s records a participant's personal data (see ``_PARTICIPANT_PATHS``)."""
    _PARTICIPANT_PATHS[model] = participant


def is_personal_record(model) -> bool:
    return model is not None and model in _PARTICIPANT_PATHS


def participant_of(instance) -> int | None:
    path = _PARTICIPANT_PATHS.get(type(instance))
    value = instance
    for part in (path or "").split("."):
        if value is None or not part:
            return None
        value = getattr(value, part, None)
    return int(value) if value is not None else None


def _county_id(number: str) -> int | None:
    # Not cached across requests: a cached id outlives a county deleted and loaded again (a flushed database).
    return County.objects.filter(number=number).values_list("pk", flat=True).first()


def _entry_scope_create(sender, instance, created, raw=False, **kwargs) -> None:
    """Every new change entry gets its county (the record's, else the acting user's) in ``AuditEntryScope``."""
    if not created or raw:
        return
    number = (instance.additional_data or {}).get("county") if isinstance(instance.additional_data, dict) else None
    county_id = _county_id(str(number)) if number else None
    if county_id is None and instance.actor_id:
        county_id = instance.actor.county_id
    AuditEntryScope.objects.create(entry=instance, county_id=county_id, at=instance.timestamp)


def _entry_participant_set(sender, instance, log_entry=None, log_created=False, **kwargs) -> None:
    """A change of a participant's record is filed under the participant (for «who changed this person»)."""
    if log_created and log_entry is not None and type(instance) in _PARTICIPANT_PATHS:
        AuditEntryScope.objects.filter(entry=log_entry).update(participant_id=participant_of(instance))


def _connect_scope() -> None:
    from auditlog.models import LogEntry
    from auditlog.signals import post_log
    from django.db.models.signals import post_save

    post_save.connect(_entry_scope_create, sender=LogEntry, dispatch_uid="integrering.core.audit.scope")
    post_log.connect(_entry_participant_set, dispatch_uid="integrering.core.audit.participant")


def bulk_changes_log(*, created: Iterable = (), updated: Iterable = ()) -> int:
    """Audit entries for writes that bypass ``save()`` (``bulk_create``, ``bulk_update``, ``update``), so that a bulk
    import shows in the audit log like the form path: ``created`` the new records (with their primary keys),
    ``updated`` pairs ``(before, after)`` of the same record. The entries name the acting user when there is one
    (the request's) and the record's county (``get_additional_data``), as ``track``'s signals do. Returns the
    number of entries written."""
    from auditlog.diff import model_instance_diff
    from auditlog.models import LogEntry
    from django.conf import settings

    as_json = getattr(settings, "AUDITLOG_STORE_JSON_CHANGES", False)
    written = 0
    for action, pairs in (
        (LogEntry.Action.CREATE, ((None, instance) for instance in created)),
        (LogEntry.Action.UPDATE, updated),
    ):
        for before, after in pairs:
            changes = model_instance_diff(before, after, use_json_for_changes=as_json)
            if changes and LogEntry.objects.log_create(after, action=action, changes=changes) is not None:
                written += 1
    return written
