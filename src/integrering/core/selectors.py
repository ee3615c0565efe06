"""Reads of the audit log (changes and reads of personal data), scoped to the user's county."""

from auditlog.models import LogEntry
from django.db import connection
from django.db.models import QuerySet, TextField
from django.db.models.functions import Cast

from integrering.core.models import PersonalDataAccess


def audit_entries_for(user) -> QuerySet[LogEntry]:
    """The county's changes, newest first, through the index of ``AuditEntryScope`` (county, time).

    The county of an entry is the changed record's (``get_additional_data``), else the acting user's: changes
    made from the command line show too.
    """
    return (
        LogEntry.objects.filter(scope__county_id=user.county_id)
        .select_related("actor", "content_type", "scope")
        .order_by("-scope__at", "-pk")
    )


def personal_data_reads_for(user) -> QuerySet[PersonalDataAccess]:
    """The county's reads of personal data, newest first (index (county, time))."""
    return PersonalDataAccess.objects.filter(county_id=user.county_id).select_related("user").order_by("-at", "-pk")


def changes_of_participant(entries: QuerySet[LogEntry], participant_id: int) -> QuerySet[LogEntry]:
    return entries.filter(scope__participant_id=participant_id)


def reads_of_participant(reads: QuerySet[PersonalDataAccess], participant_id: int) -> QuerySet[PersonalDataAccess]:
    """The reads whose records include this participant."""
    reads = reads.filter(record_type="participant")
    if connection.features.supports_json_field_contains:
        return reads.filter(record_ids__contains=[participant_id])
    # SQLite has no JSON containment: the id as a whole number in the stored list «[3, 17]».
    return reads.annotate(_ids=Cast("record_ids", TextField())).filter(
        _ids__regex=rf"(^|[^0-9]){int(participant_id)}([^0-9]|$)"
    )
