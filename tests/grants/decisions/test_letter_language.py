"""The decision letters are written in the language chosen on the decision page (bokmål or nynorsk)."""

import pytest
from django.core import mail

from integrering.core.roles import Role
from tests.grants.decisions.test_budget_guard import recommended
from tests.grants.factories import call_make, organisation_make


@pytest.mark.parametrize("language,expected,not_expected", [("nn", "3 veker", "3 uker"), ("nb", "3 uker", "3 veker")])
def test_the_decision_letters_are_in_the_chosen_language(
    county, make_user, client_for, django_capture_on_commit_callbacks, language, expected, not_expected
):
    applicant = make_user(Role.APPLICANT, username="soker")
    organisation = organisation_make(user=applicant)
    call = call_make(county=county, budget_frame=500_000)
    application = recommended(call, organisation, applicant, amount=200_000)
    client = client_for(make_user(Role.GRANT_CASEWORKER, username="tilskudd"))
    page = client.get(f"/tilskudd/ordninger/utlysninger/{call.pk}/vedtak/").content.decode()
    assert 'name="sprak"' in page and 'value="nn"' in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/tilskudd/ordninger/utlysninger/{call.pk}/vedtak/", {"soknad": [application.pk], "sprak": language}
        )
    assert response.status_code == 302
    [letter] = mail.outbox
    assert expected in letter.body and not_expected not in letter.body


def test_an_unknown_letter_language_falls_back_to_the_default(county, make_user, client_for):
    applicant = make_user(Role.APPLICANT, username="soker")
    call = call_make(county=county, budget_frame=500_000)
    application = recommended(call, organisation_make(user=applicant), applicant, amount=100_000)
    client = client_for(make_user(Role.GRANT_CASEWORKER, username="tilskudd"))
    response = client.post(
        f"/tilskudd/ordninger/utlysninger/{call.pk}/vedtak/", {"soknad": [application.pk], "sprak": "xx"}
    )
    assert response.status_code == 302
