"""core/files: the kind of a file from its content, limits before reading, random storage names, delete removes
the stored object, the upload handler that never keeps more than the limit (local folder storage)."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from integrering.core.exceptions import ApplicationError
from integrering.core.files.models import StoredFile
from integrering.core.files.services import clean_name, file_delete, file_store, upload_check
from integrering.core.files.sniffing import sniff
from integrering.core.files.uploads import SizeLimitedUploadHandler
from integrering.core.roles import Role
from integrering.regional.activities.services import activity_create
from integrering.regional.areas import Area


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    import openpyxl

    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
        (docx_bytes(), "docx"),
        (xlsx_bytes(), "xlsx"),
        (ODT, "odt"),
        ("Referat fra møtet\nPunkt 1: ærlig talt\n".encode(), "text"),
        (b"\xef\xbb\xbfmed BOM", "text"),
        (b"MZ\x90\x00\x03\x00\x00\x00", None),  # an executable
        (zipped({"a.txt": b"x"}), None),  # a ZIP that is no office document
        (b"PK\x03\x04 broken zip", None),
        (b"text with a NUL\x00 byte", None),
        ("latin-1 \xe6\xf8\xe5 is not UTF-8".encode("latin-1"), None),
        (b"", None),
    ],
)
def test_the_kind_comes_from_the_content(data, expected):
    kind = sniff(io.BytesIO(data))
    assert (kind.key if kind else None) == expected


def test_the_size_is_checked_before_a_byte_is_read(settings):
    settings.UPLOAD_MAX_BYTES = 1000

    class Huge:
        name = "stor.pdf"
        size = 1001

        def read(self, *args):  # pragma: no cover - must not be called
            raise AssertionError("read before the size check")

        seek = read

    with pytest.raises(ApplicationError) as error:
        upload_check(Huge())
    assert error.value.code == "file_too_large"


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("tom.pdf", b"", "file_empty"),
        ("faktura.pdf", b"MZ\x90\x00", "file_kind"),
        ("bilde.pdf", b"\x89PNG\r\n\x1a\n0000", "file_mismatch"),  # a PNG named .pdf
        ("notat.html", b"<script>alert(1)</script>", "file_mismatch"),  # text, but not named as text
    ],
)
def test_refused_uploads(name, data, code):
    with pytest.raises(ApplicationError) as error:
        upload_check(SimpleUploadedFile(name, data, content_type="application/pdf"))
    assert error.value.code == code


def test_a_kind_outside_the_accepted_ones_is_refused():
    with pytest.raises(ApplicationError) as error:
        upload_check(SimpleUploadedFile("a.pdf", b"%PDF-1.4"), accept={"png", "jpeg"})
    assert error.value.code == "file_kind"


def test_clean_names():
    assert clean_name("../../etc/passwd") == "passwd"
    assert clean_name("C:\\Users\\kari\\budsjett.xlsx") == "budsjett.xlsx"
    assert clean_name("ond\r\nheader.pdf") == "ondheader.pdf"
    assert clean_name("...") == "fil"
    long = clean_name("a" * 300 + ".pdf")
    assert len(long) == 200 and long.endswith(".pdf")


@pytest.fixture
def activity(county, adviser):
    return activity_create(
        county=county,
        user=adviser,
        areas=[Area.GUIDANCE],
        title="Kurs",
        activity_type="course",
        start_date=__import__("datetime").date(2025, 1, 1),
    )


def test_store_and_delete_in_the_local_folder(settings, activity, adviser, django_capture_on_commit_callbacks):
    data = b"%PDF-1.4 agenda"
    stored = file_store(upload=SimpleUploadedFile("Agenda mai.pdf", data), owner=activity, purpose="x", user=adviser)
    path = Path(settings.MEDIA_ROOT) / stored.name
    assert path.read_bytes() == data
    assert "Agenda" not in stored.name and stored.name.startswith("files/")
    assert stored.sha256 == __import__("hashlib").sha256(data).hexdigest()
    assert stored.owner == activity and stored.uploaded_by == adviser and stored.original_name == "Agenda mai.pdf"
    with django_capture_on_commit_callbacks(execute=True):
        file_delete(stored)
    assert not path.exists() and not StoredFile.objects.exists()


def test_a_failed_row_leaves_no_object_behind(settings, activity, monkeypatch):
    def refuse(**kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr(StoredFile.objects, "create", refuse)
    with pytest.raises(RuntimeError):
        file_store(upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4"), owner=activity, purpose="x")
    assert not [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


def test_the_upload_handler_keeps_no_more_than_the_largest_limit(settings, rf, monkeypatch):
    """It keeps the larger of the attachment limit and the import limit (each reader checks its own), and one byte."""
    import types

    from integrering.core.files import uploads

    monkeypatch.setattr(uploads, "Limits", lambda: types.SimpleNamespace(max_bytes=50))  # the import limit
    for attachment_limit, kept in ((100, 101), (20, 51)):
        settings.UPLOAD_MAX_BYTES = attachment_limit
        handler = SizeLimitedUploadHandler(rf.post("/"))
        handler.new_file("file", "stor.pdf", "application/pdf", 10_000)
        for start in range(0, 10_000, 1000):
            assert handler.receive_data_chunk(b"x" * 1000, start) is None
        upload = handler.file_complete(10_000)
        assert upload.size == 10_000  # the real size, so the check refuses it
        assert len(upload.read()) == kept  # but only the larger limit (and one byte) was kept


def test_a_too_large_upload_is_refused_with_a_clear_message(settings, activity, adviser, client_for):
    settings.UPLOAD_MAX_BYTES = 5 * 1024 * 1024
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024  # through the temporary-file handler, as a large file goes
    big = SimpleUploadedFile("stor.pdf", b"%PDF-1.4" + b"0" * (5 * 1024 * 1024 + 10), content_type="application/pdf")
    response = client_for(adviser).post(
        f"/regionalt/aktiviteter/{activity.pk}/vedlegg/", {"file": big, "name": "Stor"}, follow=True
    )
    assert "Filen er for stor" in response.content.decode()
    assert not StoredFile.objects.exists()


def test_another_county_never_gets_an_activity_attachment(activity, adviser, make_user, other_county, client_for):
    from integrering.regional.activities.services import attachment_add

    attachment = attachment_add(
        activity=activity, upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4"), name="", user=adviser
    )
    other = make_user(Role.ADVISER, username="radgiver46", county_obj=other_county)
    assert client_for(other).get(f"/regionalt/aktiviteter/vedlegg/{attachment.pk}/").status_code == 404
