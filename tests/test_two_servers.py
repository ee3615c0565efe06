"""Issue 15 §4: two app servers from one database and one object store.

Two gunicorn processes on their own ports share a SQLite database file and an S3 bucket (moto in server mode): a
file uploaded through the first is downloaded through the second, byte for byte, by the same logged-in session
(sessions live in the database); without a session the second server sends the visitor to the login page.
"""

import http.cookiejar
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.core.files.s3 import BUCKET, bucket_create, free_port, moto_server, s3_client, s3_environment

BIN = Path(sys.executable).parent
PASSWORD = "to-servere-passord-som-er-langt"
# Run by `integrering shell -c` against the servers' database (the password comes in the environment).
SETUP = """
import datetime, os
from integrering.accounts.services import user_save
from integrering.core.models import County, User
from integrering.core.roles import Role
from integrering.regional.activities.services import activity_create
from integrering.regional.areas import Area

county = County.objects.create(number="50", name="Trøndelag", valid_from=2024)
adviser = user_save(
    user=User(username="radgiver"), county=county, roles={Role.ADVISER}, password=os.environ["TWO_SERVERS_PASSWORD"]
)
activity = activity_create(county=county, user=adviser, areas=[Area.GUIDANCE], title="To servere",
                           activity_type="course", start_date=datetime.date(2025, 1, 1))
print(activity.pk)
"""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def server(port: int, env: dict) -> subprocess.Popen:
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "integrering.wsgi:application", "--workers", "1", "--bind", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(600):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/helse/", timeout=2).read()
            return process
        except OSError as error:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn on {port} ended with {process.returncode}") from error
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"gunicorn on {port} did not start")


def multipart(fields: dict[str, str], name: str, filename: str, data: bytes, content_type: str) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        f"Content-Type: {content_type}\r\n\r\n".encode()
        + data
        + b"\r\n"
    )
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


@pytest.fixture
def two_servers(tmp_path):
    with moto_server() as endpoint:
        bucket_create(endpoint)
        env = (
            {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_", "S3_"))}
            | {
                "DJANGO_DEBUG": "1",
                "DATABASE_URL": f"sqlite:///{tmp_path / 'integrering.sqlite3'}",
                "INTEGRERING_VAR_DIR": str(tmp_path),
                "AXES_ENABLED": "0",
                "LOG_LEVEL": "WARNING",
            }
            | s3_environment(endpoint)
        )
        subprocess.run([str(BIN / "integrering"), "migrate", "--noinput", "-v0"], env=env, check=True)
        setup = subprocess.run(
            [str(BIN / "integrering"), "shell", "-c", SETUP],
            env=env | {"TWO_SERVERS_PASSWORD": PASSWORD},
            check=True,
            capture_output=True,
            text=True,
        )
        activity = int(setup.stdout.strip().splitlines()[-1])
        ports = free_port(), free_port()
        processes = [server(port, env) for port in ports]
        try:
            yield [f"http://127.0.0.1:{port}" for port in ports], activity, s3_client(endpoint)
        finally:
            for process in processes:
                process.terminate()
                process.wait(30)


def test_upload_on_one_server_download_on_the_other(two_servers):
    (first, second), activity, bucket = two_servers
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login_page = browser.open(f"{first}/logg-inn/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
    form = urllib.parse.urlencode({"username": "radgiver", "password": PASSWORD, "csrfmiddlewaretoken": token})
    assert "/logg-inn/" not in browser.open(f"{first}/logg-inn/", data=form.encode()).geturl()

    data = b"%PDF-1.7\n% agenda for two servers\n%%EOF\n"
    csrf = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    body, content_type = multipart(
        {"csrfmiddlewaretoken": csrf, "name": "Agenda"}, "file", "agenda.pdf", data, "application/pdf"
    )
    request = urllib.request.Request(
        f"{first}/regionalt/aktiviteter/{activity}/vedlegg/", data=body, headers={"Content-Type": content_type}
    )
    browser.open(request).read()
    keys = [item["Key"] for item in bucket.list_objects_v2(Bucket=BUCKET).get("Contents", [])]
    assert len(keys) == 1 and keys[0].startswith("files/")

    page = browser.open(f"{second}/regionalt/aktiviteter/{activity}/").read().decode()
    attachment = re.search(r"/regionalt/aktiviteter/vedlegg/(\d+)/", page).group(1)
    with browser.open(f"{second}/regionalt/aktiviteter/vedlegg/{attachment}/") as response:
        assert response.read() == data
        assert response.headers["Content-Disposition"].startswith("attachment")
        assert response.headers["X-Content-Type-Options"] == "nosniff"

    stranger = urllib.request.build_opener(NoRedirect())
    with pytest.raises(urllib.error.HTTPError) as refused:
        stranger.open(f"{second}/regionalt/aktiviteter/vedlegg/{attachment}/")
    assert refused.value.code == 302 and refused.value.headers["Location"].startswith("/logg-inn/")
