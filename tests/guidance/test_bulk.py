"""The bulk writes of the import and the re-evaluation never bypass the audit log."""

import pytest
from auditlog.models import LogEntry

from integrering.guidance.bulk import changes_save, untracked_update
from integrering.guidance.models import Participant
from tests.guidance.factories import participant_make

pytestmark = pytest.mark.django_db


def test_a_tracked_field_cannot_be_written_without_its_audit_entry(county):
    participant = participant_make(county)
    participant.name = "Endret Navn"
    with pytest.raises(ValueError, match="audited"):
        untracked_update(Participant, [participant], ["name"])
    assert Participant.objects.get(pk=participant.pk).name == "Testperson Fiktiv"
    untracked_update(Participant, [participant], ["last_activity_at"])  # bookkeeping, not audited: allowed


def test_changes_save_writes_the_change_and_its_audit_entry(county):
    participant = participant_make(county)
    old = Participant.objects.get(pk=participant.pk)
    participant.name = "Endret Navn"
    assert changes_save(Participant, [(old, participant)], ["name"]) == 1
    assert Participant.objects.get(pk=participant.pk).name == "Endret Navn"
    entry = LogEntry.objects.get_for_object(participant).latest("pk")
    assert entry.changes_dict["name"] == ["Testperson Fiktiv", "Endret Navn"]
