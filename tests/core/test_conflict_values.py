"""What the second saver is shown beside «Noen andre har endret dette»: readable values, never a password."""

from django import forms

from integrering.core.versioning import changed_values


class _Record:
    first_name = "Kari"
    is_active = False
    password = "argon2$hash"
    colour = "g"


class _Form(forms.Form):
    first_name = forms.CharField(label="Fornavn")
    is_active = forms.BooleanField(label="Aktiv", required=False)
    password = forms.CharField(label="Passord", widget=forms.PasswordInput, required=False)
    colour = forms.ChoiceField(label="Farge", choices=[("r", "Rød"), ("g", "Grønn")])
    roles = forms.MultipleChoiceField(label="Roller", choices=[("a", "Rådgiver"), ("l", "Leder")])
    version = forms.IntegerField(required=False)

    def conflict_values(self, current):
        return {"roles": ["l"]}


def test_the_conflict_shows_labels_and_yes_no_and_never_a_password():
    form = _Form({"first_name": "Kari", "is_active": "on", "password": "nytt-passord", "colour": "r", "roles": ["a"]})
    assert form.is_valid(), form.errors
    rows = changed_values(form, _Record())
    assert rows == [("Aktiv", "Ja", "Nei"), ("Farge", "Rød", "Grønn"), ("Roller", "Rådgiver", "Leder")]
    assert not any("passord" in str(row).lower() or "argon2" in str(row) for row in rows)


def test_a_deleted_record_has_no_values_to_compare():
    form = _Form({"first_name": "Kari", "colour": "r", "roles": ["a"]})
    assert form.is_valid()
    assert changed_values(form, None) == []
