import pytest
from django.urls import path

from integrering.core.permissions import public


@public
def broken(request):
    raise RuntimeError("boom")


urlpatterns = [path("feil/", broken)]
handler500 = "integrering.core.errors.server_error"


@pytest.mark.urls("tests.core.test_error_pages")
def test_a_server_error_shows_a_norwegian_page_without_a_traceback(client):
    client.raise_request_exception = False
    response = client.get("/feil/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Noe gikk galt" in page and "Ingenting ble lagret" in page
    assert "Traceback" not in page and "boom" not in page


def test_a_forbidden_page_is_norwegian(adviser, client_for):
    response = client_for(adviser).get("/admin/brukere/")
    assert response.status_code == 403
    assert "Du har ikke tilgang til denne siden" in response.content.decode()


def test_a_bad_host_header_gives_a_norwegian_400(client, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    response = client.get("/logg-inn/", HTTP_HOST="angriper.example.com")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Forespørselen kunne ikke behandles" in page and '<html lang="nb"' in page


def test_a_failed_csrf_check_gives_a_norwegian_page(adviser):
    from django.test import Client

    from tests.conftest import PASSWORD

    client = Client(enforce_csrf_checks=True)
    response = client.post("/logg-inn/", {"username": "radgiver", "password": PASSWORD})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Skjemaet er utløpt" in page and "Ingenting ble lagret" in page
    assert "CSRF" not in page
