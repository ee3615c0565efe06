"""`integrering send-test-email --to ADDRESS`: the operator's check of the mail settings."""

import io
import os
import subprocess
import sys

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from integrering.core.mail.models import SentEmail
from tests.core.mail.conftest import free_port, point_django_at

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning"),
]


def run(*args):
    out = io.StringIO()
    call_command("send-test-email", *args, stdout=out)
    return out.getvalue()


def test_it_sends_the_test_message_and_says_where_it_went(county):
    output = run("--to", "drift@example.org", "--county", "50")
    [message] = mail.outbox
    assert message.to == ["drift@example.org"] and message.subject == "Prøve-e-post fra Integrering"
    assert "bestilt av kommandolinjen" in message.body
    record = SentEmail.objects.get()
    assert record.county == county and record.related is None
    assert "Prøve-e-post sendt til drift@example.org" in output and f"nummer {record.pk}" in output


def test_through_a_real_smtp_server_it_reports_the_server(smtp):
    output = run("--to", "drift@example.org")
    assert len(smtp.received) == 1
    assert f"(127.0.0.1:{smtp.port})" in output
    assert SentEmail.objects.get().county is None


def test_a_server_that_is_down_exits_2_with_the_reason_and_what_to_check(settings):
    point_django_at(settings, free_port())
    with pytest.raises(CommandError) as raised:
        run("--to", "drift@example.org")
    assert raised.value.returncode == 2
    message = str(raised.value)
    assert message.startswith("E-posten ble ikke sendt: Fikk ikke kontakt med e-posttjeneren.")
    assert "Sjekk EMAIL_HOST og EMAIL_PORT" in message and "Connection refused" in message
    assert SentEmail.objects.get().status == SentEmail.Status.FAILED


def test_a_refused_login_names_the_variables_to_check(settings, smtp_server_with_password):
    point_django_at(settings, smtp_server_with_password.port, EMAIL_HOST_USER="feil", EMAIL_HOST_PASSWORD="feil")
    with pytest.raises(CommandError) as raised:
        run("--to", "drift@example.org")
    assert raised.value.returncode == 2 and "Sjekk EMAIL_HOST_USER og EMAIL_HOST_PASSWORD." in str(raised.value)


@pytest.mark.parametrize(
    "args, words",
    [
        (["--to", "ikke-en-adresse"], "«ikke-en-adresse» er ikke en e-postadresse."),
        (["--to", "drift@example.org", "--county", "99"], "Det finnes ikke noe fylke med nummer «99»."),
    ],
)
def test_bad_input_exits_2_with_a_norwegian_message_and_sends_nothing(args, words):
    with pytest.raises(CommandError) as raised:
        run(*args)
    assert raised.value.returncode == 2 and str(raised.value) == words
    assert not mail.outbox and not SentEmail.objects.exists()


def test_from_the_shell_a_bad_address_gives_exit_2_and_no_traceback():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "EMAIL_"))} | {"DJANGO_DEBUG": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "integrering.cli", "send-test-email", "--to", "ola"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "«ola» er ikke en e-postadresse." in result.stderr and "Traceback" not in result.stderr
