"""Issue 11 §6: a form with errors opens with Designsystemet's error summary: a region headed «Dette må rettes»
that links to each field with an error, lists non-field errors too, and takes the focus (static JS, no inline
script)."""

from pathlib import Path

import pytest
from django import forms
from django.template.loader import render_to_string
from django.utils import translation

APP_JS = Path(__file__).resolve().parents[2] / "src" / "integrering" / "static" / "js" / "app.js"


class _Form(forms.Form):
    name = forms.CharField(label="Navn")
    age = forms.IntegerField(label="Alder")

    def clean(self):
        raise forms.ValidationError("Noe er galt med skjemaet.")


def test_the_summary_links_each_field_and_lists_non_field_errors():
    form = _Form({"name": "", "age": "x"})
    assert not form.is_valid()
    with translation.override("nb"):
        html = render_to_string("core/_error_summary.html", {"form": form})
    assert "Dette må rettes" in html
    assert 'tabindex="-1"' in html and "data-error-summary" in html
    assert 'href="#id_name"' in html and 'href="#id_age"' in html
    assert "Noe er galt med skjemaet." in html


def test_no_summary_without_errors():
    assert render_to_string("core/_error_summary.html", {"form": _Form()}).strip() == ""


def test_the_static_script_focuses_the_summary():
    assert "[data-error-summary]" in APP_JS.read_text(encoding="utf-8")


@pytest.mark.django_db
def test_the_password_change_form_shows_the_summary(make_user, client_for):
    from integrering.core.roles import Role

    client = client_for(make_user(Role.ADVISER, username="oppsummering"))
    page = client.post("/passord/", {"old_password": "feil", "new_password1": "", "new_password2": ""})
    html = page.content.decode()
    assert "Dette må rettes" in html and 'href="#id_old_password"' in html
