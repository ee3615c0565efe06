"""The change log as an auditor reads it: Norwegian actions, field names, and records instead of ids.

django-auditlog stores each change as ``{field name: [old, new]}`` with values as text («280», «None»,
«True»). :func:`entry_rows` turns a page of entries into rows with the field's verbose name, the related
record's name for a foreign key («5001 Trondheim», not «280»), choice labels, Norwegian dates, yes/no,
and «–» for empty — with one query per related model for the whole page. :func:`read_rows` does the
same for the log of reads of personal data (the kind of read and the record type by their names).
"""

import datetime
import functools
from collections import defaultdict
from dataclasses import dataclass

from auditlog.models import LogEntry
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from integrering.core.audit import is_personal_record
from integrering.core.models import PersonalDataAccess
from integrering.core.registry import read_action_label
from integrering.core.templatetags.formatting import UNKNOWN, date_no

ACTION_LABELS = {
    LogEntry.Action.CREATE: _("Created"),
    LogEntry.Action.UPDATE: _("Changed"),
    LogEntry.Action.DELETE: _("Deleted"),
    LogEntry.Action.ACCESS: _("Opened"),
}
# Changes logged under a name that is not a model field (accounts.services.user_unlock).
PSEUDO_FIELDS = {
    "lockout": (_("Log-in lockout"), {"locked": _("Locked out"), "unlocked": _("Unlocked")}),
}
# Fields declared without a verbose name get Django's English one from the field name («run by»);
# these are their Norwegian names on the audit page. A test checks that every tracked field has one.
AUTO_FIELD_LABELS = {
    "ID": _("id"),
    "county": _("county"),
    "municipality": _("municipality"),
    "version": _("version"),
    "settlement year": _("settlement year"),
    "definition": _("criterion"),
    "scenario": _("scenario"),
    "created by": _("created by"),
    "created at": _("created"),
    "updated at": _("updated"),
    "run": _("scenario run"),
    "run at": _("run at"),
    "run by": _("run by"),
    "method": _("method"),
    "inputs": _("inputs"),
    "result": _("result"),
    "objective": _("objective value"),
    "engine version": _("engine version"),
    "numbers": _("numbers"),
    "chosen by": _("chosen by"),
    "chosen at": _("chosen at"),
    "ruleset version": _("ruleset version"),
    "evaluated on": _("evaluated on"),
    "participant": _("participant"),
    "case": _("guidance case"),
}
BOOLEANS = {"True": _("Yes"), "False": _("No")}
MAX_VALUE = 120
# What a reader without access to participants sees instead of a participant's personal values.
MASKED = _("(hidden)")


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class EntryRow:
    entry: LogEntry
    action: str
    record_type: str
    changes: list[Change]
    record: str = ""
    # The participant whose personal data the row shows unmasked (for logging the read), else None.
    participant_shown: int | None = None


@dataclass(frozen=True)
class ReadRow:
    read: PersonalDataAccess
    action: str
    record_type: str


def _field(model, name: str):
    try:
        return model._meta.get_field(name) if model is not None else None
    except FieldDoesNotExist:
        return None


def _related_names(entries) -> dict[type[models.Model], dict[str, str]]:
    """{related model: {pk as text: the record's name}} for every foreign-key value on the page."""
    wanted: dict[type[models.Model], set[object]] = defaultdict(set)
    for entry in entries:
        model = entry.content_type.model_class()
        for name, values in (entry.changes_dict or {}).items():
            field = _field(model, name)
            if isinstance(field, models.ForeignKey) and isinstance(field.related_model, type):
                wanted[field.related_model] |= {v for v in values if v not in (None, "None", "")}
    names = {}
    for related, pks in wanted.items():
        valid = [pk for pk in pks if str(pk).isdigit()]
        names[related] = {str(pk): str(obj) for pk, obj in related._default_manager.in_bulk(valid).items()}
    return names


def _value(field, value, related: dict) -> str:
    if value in (None, "None", ""):
        return UNKNOWN
    if isinstance(field, models.ForeignKey):
        return related.get(field.related_model, {}).get(str(value)) or _("deleted record (%(id)s)") % {"id": value}
    if field is not None and field.flatchoices:
        return str({str(k): v for k, v in field.flatchoices}.get(str(value), value))
    if isinstance(field, models.BooleanField) and value in BOOLEANS:
        return str(BOOLEANS[value])
    if isinstance(field, models.DateTimeField) and (moment := parse_datetime(str(value))):
        return date_no(moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC))
    if isinstance(field, models.DateField) and (day := parse_date(str(value)[:10])):
        return date_no(day)
    text = str(value)
    return text if len(text) <= MAX_VALUE else text[:MAX_VALUE] + "…"


def _changes(entry, related) -> list[Change]:
    model = entry.content_type.model_class()
    rows = []
    for name, values in (entry.changes_dict or {}).items():
        old, new = (list(values) + [None, None])[:2]
        if name in PSEUDO_FIELDS:
            label, labels = PSEUDO_FIELDS[name]
            rows.append(Change(str(label), str(labels.get(old, old)), str(labels.get(new, new))))
            continue
        field = _field(model, name)
        if field is not None and (not field.concrete or field.primary_key):
            continue  # a reverse relation logged by older versions («guidance.ParticipantFinding.None»), or the id
        if entry.action == LogEntry.Action.CREATE and new in (None, "None", ""):
            continue  # a new record: only the fields it was given
        rows.append(
            Change(
                field_label(field) if field is not None else str(name),
                _value(field, old, related),
                _value(field, new, related),
            )
        )
    return rows


def field_label(field) -> str:
    """The field's Norwegian name: its verbose name, or for an unnamed field the name from AUTO_FIELD_LABELS."""
    name = field.verbose_name
    return capfirst(str(name if isinstance(name, Promise) else AUTO_FIELD_LABELS.get(str(name), name)))


def record_type_name(content_type) -> str:
    model = content_type.model_class()
    return capfirst(str(model._meta.verbose_name)) if model is not None else content_type.model


def _participant_id(entry) -> int | None:
    scope = getattr(entry, "scope", None)
    return scope.participant_id if scope is not None else None


def entry_rows(entries, *, mask_personal: bool = True) -> list[EntryRow]:
    """The page's change entries as rows; a participant's record (``core.audit.personal_record_register``)
    shows its field names but not its values when ``mask_personal`` (the reader has no access to
    participants): the record is named by the participant's number only."""
    entries = list(entries)
    related = _related_names(entries)
    rows = []
    for entry in entries:
        action = str(ACTION_LABELS.get(entry.action, entry.action))
        record_type = record_type_name(entry.content_type)
        changes = _changes(entry, related)
        personal = is_personal_record(entry.content_type.model_class())
        participant = _participant_id(entry) if personal else None
        if personal and mask_personal:
            changes = [Change(c.field, str(MASKED), str(MASKED)) for c in changes]
            record = str(_("participant %(id)s") % {"id": participant}) if participant else str(MASKED)
            rows.append(EntryRow(entry, action, record_type, changes, record))
        else:
            rows.append(EntryRow(entry, action, record_type, changes, entry.object_repr, participant))
    return rows


@functools.cache
def _verbose_names() -> dict[str, object]:
    return {str(model._meta.model_name): model._meta.verbose_name for model in apps.get_models()}


def record_type_label(record_type: str) -> str:
    """The model's (translated) name for a stored record type such as ``participant``."""
    name = _verbose_names().get(record_type)
    return capfirst(str(name)) if name is not None else record_type


def read_rows(reads) -> list[ReadRow]:
    """Reads of personal data with the kind of read and the record type by their (translated) names."""
    return [ReadRow(read, read_action_label(read.action), record_type_label(read.record_type)) for read in reads]
