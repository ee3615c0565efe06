"""Reads of the audit log (changes and reads of personal data), scoped to the user's county."""

from auditlog.models import LogEntry
from django.db.models import Q, QuerySet

from integrering.core.models import PersonalDataAccess


def audit_entries_for(user) -> QuerySet[LogEntry]:
    """Changes made by the county's users, or (from the command line) to records of the county."""
    county = user.county
    return (
        LogEntry.objects.filter(Q(actor__county=county) | Q(additional_data__county=county.number))
        .select_related("actor", "content_type")
        .order_by("-timestamp")
    )


def personal_data_reads_for(user) -> QuerySet[PersonalDataAccess]:
    return PersonalDataAccess.objects.filter(county_id=user.county_id).select_related("user")
