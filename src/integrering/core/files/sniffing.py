"""What kind of file an upload really is, from its first bytes (never from the browser's word or the name).

Accepted kinds: PDF, PNG, JPEG, the Office Open XML documents (DOCX, XLSX, PPTX), the OpenDocument ones (ODT, ODS,
ODP) and plain UTF-8 text. A ZIP container is told apart by the names in its central directory (nothing is
decompressed, except the ODF ``mimetype`` member of at most a hundred bytes).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import IO

HEAD_BYTES = 8192
# A ZIP with more members than this is not an office document we accept (and not worth reading further).
MAX_ZIP_MEMBERS = 5000


@dataclass(frozen=True)
class Kind:
    key: str
    content_type: str
    suffixes: tuple[str, ...]


KINDS: dict[str, Kind] = {
    kind.key: kind
    for kind in (
        Kind("pdf", "application/pdf", (".pdf",)),
        Kind("png", "image/png", (".png",)),
        Kind("jpeg", "image/jpeg", (".jpg", ".jpeg")),
        Kind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",)),
        Kind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)),
        Kind("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", (".pptx",)),
        Kind("odt", "application/vnd.oasis.opendocument.text", (".odt",)),
        Kind("ods", "application/vnd.oasis.opendocument.spreadsheet", (".ods",)),
        Kind("odp", "application/vnd.oasis.opendocument.presentation", (".odp",)),
        Kind("text", "text/plain", (".txt", ".csv")),
    )
}
# Documents: every kind. Callers may narrow it (e.g. images only).
DOCUMENTS = frozenset(KINDS)

_OOXML_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}
_ODF_TYPES = {KINDS[key].content_type: key for key in ("odt", "ods", "odp")}


def _zip_kind(stream: IO[bytes]) -> str | None:
    try:
        with zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ZIP_MEMBERS:
                return None
            names = {info.filename for info in infos}
            if "[Content_Types].xml" in names:
                for part, key in _OOXML_PARTS.items():
                    if part in names:
                        return key
                return None
            mimetype = archive.getinfo("mimetype") if "mimetype" in names else None
            if mimetype is not None and mimetype.file_size <= 100:
                declared = archive.read(mimetype).decode("ascii", "replace").strip()
                return _ODF_TYPES.get(declared)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, RuntimeError, NotImplementedError, EOFError):
        return None
    return None


def _is_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A character cut at the end of the head is fine; anything else is not UTF-8 text.
        if error.start < len(head) - 3:
            return False
    return all(byte >= 0x20 or byte in b"\t\n\r\f" for byte in head)


def sniff(stream: IO[bytes]) -> Kind | None:
    """The kind of the file in ``stream`` (seekable; left at position 0), or None for anything not accepted."""
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    key: str | None = None
    if head.startswith(b"%PDF-"):
        key = "pdf"
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        key = "png"
    elif head.startswith(b"\xff\xd8\xff"):
        key = "jpeg"
    elif head.startswith(b"PK\x03\x04"):
        key = _zip_kind(stream)
        stream.seek(0)
    elif _is_text(head.removeprefix(b"\xef\xbb\xbf")):
        key = "text"
    return KINDS[key] if key else None
