"""The audit machinery: what is tracked, how a change and a read are named for the audit page."""

from auditlog.models import LogEntry

from integrering.core.roles import Role


def test_every_tracked_field_has_a_norwegian_name_on_the_audit_page():
    from django.utils import translation
    from django.utils.functional import Promise

    from integrering.core.audit import tracked_models
    from integrering.core.audit_display import AUTO_FIELD_LABELS

    unnamed = [
        f"{model._meta.label}.{field.name}"
        for model in tracked_models()
        for field in model._meta.concrete_fields
        if not isinstance(field.verbose_name, Promise) and str(field.verbose_name) not in AUTO_FIELD_LABELS
    ]
    assert not unnamed, unnamed
    with translation.override("nb"):
        assert str(AUTO_FIELD_LABELS["run by"]) == "kjørt av"


def test_reverse_relations_are_not_logged_as_changes(make_user):
    from integrering.guidance.models import Participant

    participant = Participant.objects.create(
        county=make_user(Role.ADVISER).county,
        reference="P1",
        municipality=__import__("integrering.municipalities.models", fromlist=["x"]).Municipality.objects.get(
            number="5001"
        ),
    )
    changes = LogEntry.objects.get_for_object(participant).get().changes_dict
    assert "reference" in changes
    assert not [field for field, values in changes.items() if "None" in values[1] and "." in values[1]], changes
    assert not {"open_findings", "referrals", "guidance_case", "training_enrolments"} & set(changes)


def test_a_read_is_named_by_its_kind_and_record_type_and_an_unknown_kind_shows_as_stored(make_user):
    from django.utils import translation

    from integrering.core.audit import personal_data_read_log
    from integrering.core.audit_display import read_rows
    from integrering.core.models import PersonalDataAccess

    reader = make_user(Role.CAREER_COUNSELLOR, username="veileder")
    personal_data_read_log(user=reader, action="export", record_type="participant", record_ids=[1])
    personal_data_read_log(user=reader, action="something_new", record_type="no_such_model", record_ids=[2])
    with translation.override("nb"):
        rows = {row.read.action: row for row in read_rows(PersonalDataAccess.objects.all())}
    assert (rows["export"].action, rows["export"].record_type) == ("Eksporterte", "Deltaker")
    assert (rows["something_new"].action, rows["something_new"].record_type) == ("something_new", "no_such_model")
