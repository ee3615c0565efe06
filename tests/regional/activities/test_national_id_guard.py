"""No individual cases: no free-text field of the regional app accepts a national identity number."""

import datetime

import pytest
from django import forms
from django.apps import apps
from django.db import models

from integrering.core.exceptions import ApplicationError
from integrering.regional.activities.forms import ActivityForm, FollowUpForm, StatusForm
from integrering.regional.activities.services import activity_create, activity_status_change, activity_update
from integrering.regional.areas import Area
from integrering.regional.validation import NATIONAL_ID_HELP, contains_national_id, no_national_id
from tests.regional.conftest import NATIONAL_ID


def test_a_valid_identity_number_is_recognised_also_with_a_space():
    assert contains_national_id(f"Gjelder {NATIONAL_ID}")
    assert contains_national_id(f"Gjelder {NATIONAL_ID[:6]} {NATIONAL_ID[6:]}")


def test_other_numbers_of_eleven_digits_are_let_through():
    assert not contains_national_id("Kontonummer 12345678903 og telefon 73 00 00 00")
    assert not contains_national_id(f"1{NATIONAL_ID}")  # part of a longer number


def test_every_free_text_field_of_every_regional_model_carries_the_guard():
    unguarded = [
        f"{model.__name__}.{field.name}"
        for model in apps.get_app_config("regional").get_models()
        for field in model._meta.get_fields()
        if isinstance(field, (models.CharField, models.TextField))
        and not field.choices
        and field.name not in getattr(model, "unguarded_fields", ())
        and no_national_id not in field.validators
    ]
    assert not unguarded, f"Free-text fields without the identity-number guard: {unguarded}"


@pytest.mark.parametrize("form_class", [ActivityForm, FollowUpForm, StatusForm])
def test_every_text_field_of_the_forms_refuses_an_identity_number_and_says_why(form_class, county):
    kwargs = {"county": county} if form_class in (ActivityForm, FollowUpForm) else {}
    form = form_class(**kwargs)
    text_fields = [
        n for n, f in form.fields.items() if isinstance(f, forms.CharField) and not isinstance(f, forms.ChoiceField)
    ]
    assert text_fields
    for name in text_fields:
        field = form.fields[name]
        assert no_national_id in field.validators, name
        assert str(field.help_text) == str(NATIONAL_ID_HELP), name
        assert "enkeltsaker" in str(field.help_text)
        with pytest.raises(forms.ValidationError):
            field.clean(f"Om {NATIONAL_ID}")


def test_the_activity_form_shows_the_message_in_norwegian(client_for, adviser):
    response = client_for(adviser).post(
        "/regionalt/aktiviteter/ny/",
        {"title": f"Møte om {NATIONAL_ID}", "activity_type": "course", "areas": ["2"], "start_date": "2025-01-10"},
    )
    assert response.status_code == 400
    assert "fødselsnummer" in response.content.decode()


@pytest.mark.parametrize("field", ["title", "place", "description"])
def test_the_service_refuses_an_identity_number_whoever_calls_it(field, county, adviser):
    data = {"title": "Kurs", "activity_type": "course", "start_date": datetime.date(2025, 1, 10), field: NATIONAL_ID}
    with pytest.raises(ApplicationError) as error:
        activity_create(county=county, user=adviser, areas=[Area.GUIDANCE], **data)
    assert error.value.field == field


def test_an_edit_and_the_evaluation_note_are_guarded_too(activity):
    with pytest.raises(ApplicationError):
        activity_update(activity=activity, areas=[2], description=f"Gjelder {NATIONAL_ID}")
    activity.refresh_from_db()
    activity_status_change(activity=activity, status="done")
    with pytest.raises(ApplicationError):
        activity_status_change(activity=activity, status="followed_up", evaluation=f"Jente {NATIONAL_ID}")
