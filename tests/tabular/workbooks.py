"""Hand-made XLSX files for the tests: the zip and its XML written here, so a test controls every byte."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Iterable

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    f'<workbook xmlns="{MAIN}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_PATH = "xl/worksheets/sheet1.xml"


def sheet_xml(rows: str, *, dimension: str | None = None, head: str = "") -> str:
    """A worksheet's XML around ``rows`` (``<row>`` elements), with an optional declared dimension."""
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{head}<worksheet xmlns="{MAIN}">{declared}<sheetData>{rows}'
        "</sheetData></worksheet>"
    )


def text_row(number: int, *values: str) -> str:
    """A ``<row>`` of inline strings in columns A, B, …"""
    cells = "".join(
        f'<c r="{chr(ord("A") + index)}{number}" t="inlineStr"><is><t>{value}</t></is></c>'
        for index, value in enumerate(values)
    )
    return f'<row r="{number}">{cells}</row>'


def workbook(sheet: str | bytes | Iterable[bytes], *, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal valid XLSX whose first sheet is ``sheet`` (text, bytes, or chunks streamed into the zip)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        if isinstance(sheet, str | bytes):
            archive.writestr(SHEET_PATH, sheet)
        else:
            with archive.open(SHEET_PATH, "w", force_zip64=False) as part:
                for chunk in sheet:
                    part.write(chunk)
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def declared_size_set(data: bytes, part: str, size: int) -> bytes:
    """``data`` with the zip directory's entry for ``part`` claiming ``size`` unpacked bytes (a lying directory)."""
    name = part.encode()
    position = 0
    while True:
        position = data.find(b"PK\x01\x02", position)
        if position < 0:
            raise ValueError(f"{part} is not in the directory")
        name_length = struct.unpack("<H", data[position + 28 : position + 30])[0]
        if data[position + 46 : position + 46 + name_length] == name:
            break
        position += 4
    return data[: position + 24] + struct.pack("<L", size) + data[position + 28 :]


MB = 1024 * 1024


def zip_bomb(megabytes: int = 300) -> bytes:
    """A worksheet of ``megabytes`` of the same row over and over: packs about 1,000 times (under 1 MB for 300)."""
    row = b'<row><c t="inlineStr"><is><t>bomb</t></is></c></row>'
    block = row * (MB // len(row))

    def chunks() -> Iterable[bytes]:
        yield b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        yield b"<sheetData>"
        for _ in range(megabytes):
            yield block
        yield b"</sheetData></worksheet>"

    return workbook(chunks())


def far_reaching_rows(count: int) -> bytes:
    """Declares A1:XFD20001 and ``count`` rows that really reach column XFD (16,384): openpyxl would build every
    cell in between; the reader stops at the column limit."""
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>R{n}</t></is></c><c r="XFD{n}"><v>1</v></c></row>'
        for n in range(1, count + 1)
    )
    return workbook(sheet_xml(rows, dimension="A1:XFD20001"))


def csv_of_size(header: bytes, row: bytes, megabytes: int) -> bytes:
    """A CSV of ``header`` and copies of ``row`` reaching ``megabytes`` MB (over a size limit)."""
    return header + row * (megabytes * MB // len(row) + 1)
