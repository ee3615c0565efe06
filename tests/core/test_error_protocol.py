"""The one error protocol: services raise ApplicationError; views, htmx and commands show it plainly."""

import pytest
from django.db.utils import OperationalError
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation

from integrering import cli
from integrering.core.error_handling import busy_error, form_error_add
from integrering.core.exceptions import ApplicationError, Busy, ConcurrentEdit, NotFound
from integrering.core.middleware import ApplicationErrorMiddleware


def _middleware():
    return ApplicationErrorMiddleware(lambda request: HttpResponse("ok"))


def test_the_message_is_translated_when_shown_and_filled_with_its_parameters():
    error = ApplicationError("Row %(row)s: %(problem)s", params={"row": 3, "problem": "x"}, field="file")
    assert error.user_message == "Row 3: x"
    assert error.field == "file" and error.code == "invalid" and error.status == 400
    with translation.override("nb"):
        assert ConcurrentEdit().user_message == "Noen andre har endret dette siden du åpnet det."


@pytest.mark.django_db
def test_an_error_escaping_a_view_is_a_page_with_the_reason_and_its_status():
    request = RequestFactory().post("/noe/")
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    for error, status in ((ApplicationError("Too late"), 400), (NotFound("Gone"), 404), (ConcurrentEdit(), 409)):
        response = _middleware().process_exception(request, error)
        assert response.status_code == status
        assert error.user_message in response.content.decode()


@pytest.mark.django_db
def test_an_htmx_request_gets_the_reason_in_the_alert_region_not_a_bare_error():
    request = RequestFactory().post("/noe/", headers={"HX-Request": "true"})
    response = _middleware().process_exception(request, ApplicationError("Budget exceeded"))
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#app-alerts"
    assert response["X-Application-Error"] == "400"
    assert 'role="alert"' in response.content.decode() and "Budget exceeded" in response.content.decode()


def test_other_exceptions_are_left_to_django():
    assert _middleware().process_exception(RequestFactory().get("/"), ValueError("bug")) is None


def test_a_locked_sqlite_database_is_busy_and_anything_else_is_not():
    assert isinstance(busy_error(OperationalError("database is locked")), Busy)
    assert busy_error(OperationalError("no such table: x")) is None
    assert Busy("x").status == 503


def test_a_form_shows_the_error_at_its_field_or_at_the_top():
    from django import forms

    class Form(forms.Form):
        amount = forms.IntegerField()

    form = Form(data={"amount": "5"})
    assert form.is_valid()
    form_error_add(form, ApplicationError("Over the budget", field="amount"))
    form_error_add(form, ApplicationError("The call is closed", field="not_a_field"))
    assert form.errors["amount"] == ["Over the budget"]
    assert form.non_field_errors() == ["The call is closed"]


def test_a_command_that_raises_an_application_error_prints_it_and_exits_with_2(capsys):
    def execute(argv):
        raise ApplicationError("The file has %(n)s errors", params={"n": 2})

    with pytest.raises(SystemExit) as exit_info:
        cli._run_management_command(execute, ["integrering", "import-something"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip() == "integrering: The file has 2 errors"
