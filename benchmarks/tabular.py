"""Benchmark of the tabular package: files in and out, time and peak memory.

Writes (with the package's own writers) a 200,000-row CSV and a 50,000-row XLSX of fictitious participants
(participant-like columns: reference, name, dates, municipality number, permit, yes/no, months; no real
persons), then reads them through the readers and the column framework (dates parsed, municipality numbers
looked up in a table as an application would, choices checked) at the default limits. Hostile files too: an
XLSX zip bomb (300 MB unpacked), a sheet declaring ``A1:XFD20001``, a CSV row of millions of empty fields and a
CSV over 20 MB.

Every case runs in a fresh process, twice: once for the time (wall clock, and the process's CPU time, which a
busy machine inflates less) and the process's maximum resident set size (``resource.getrusage``; it includes the
interpreter and its imports, shown as the «baseline» row), and once under ``tracemalloc`` for the peak of Python
allocations during the case alone (tracemalloc slows a process down, so the time is taken from the first run).
The XLSX that is read is written with shared strings, as Excel saves a workbook.

Run: ``.venv/bin/python benchmarks/tabular.py [--csv-rows 200000] [--xlsx-rows 50000]``
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from integrering import tabular as t  # noqa: E402

HEADER = [
    "referanse",
    "navn",
    "fodselsdato",
    "kommunenummer",
    "tillatelse",
    "bosettingsdato",
    "bosatt_etter_avtale",
    "utdanningsniva",
    "vedtak_dato",
    "varighet_mnd",
    "fulltid_vgo",
]
PERMITS = ["flyktning", "overforingsflyktning", "familie_til_flyktning", "kollektiv_beskyttelse", "annen"]
EDUCATION = ["ingen", "grunnskole", "videregaende", "hoyere", ""]
# Municipality numbers as an application would look them up (the valid ones of a year); fictitious spread.
NUMBERS = [
    f"{county}{n:02d}"
    for county in ("03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56")
    for n in range(1, 25)
]
MB = 1024 * 1024


def participants(rows: int, seed: int = 2021) -> Iterator[list[t.CellValue]]:
    rng = random.Random(seed)
    start = datetime.date(2021, 1, 1)
    for i in range(rows):
        settled = start + datetime.timedelta(days=rng.randrange(1800))
        born = settled - datetime.timedelta(days=rng.randrange(16 * 365, 60 * 365))
        decided = settled + datetime.timedelta(days=rng.randrange(20, 150)) if rng.random() < 0.8 else None
        yield [
            f"B{i:06d}",
            f"Deltaker {i}",
            born,
            rng.choice(NUMBERS),
            rng.choice(PERMITS),
            settled,
            rng.random() < 0.9,
            rng.choice(EDUCATION),
            decided,
            rng.choice([12, 24, 36]),
            rng.random() < 0.3,
        ]


def columns() -> tuple[tuple[t.Column, ...], dict[str, t.Parser[object]]]:
    lookup = {number: f"kommune {number}" for number in NUMBERS}
    cols = (
        t.Column("reference", "referanse", required=True, blank=False, parse=t.text(max_length=50)),
        t.Column("name", "navn", parse=t.text(max_length=200)),
        t.Column("birth_date", "fødselsdato", parse=t.date()),
        t.Column("municipality", "kommunenummer", required=True, blank=False, parse=t.municipality_number()),
        t.Column("permit", "tillatelse", parse=t.choice(PERMITS)),
        t.Column("settlement_date", "bosettingsdato", parse=t.date()),
        t.Column("by_agreement", "bosatt_etter_avtale", parse=t.yes_no()),
        t.Column("education", "utdanningsnivå", parse=t.choice(EDUCATION[:-1])),
        t.Column("decision_date", "vedtak_dato", parse=t.date()),
        t.Column("months", "varighet_mnd", parse=t.whole_number(minimum=0, maximum=60)),
        t.Column("full_time", "fulltid_vgo", parse=t.yes_no()),
    )
    parsers: dict[str, t.Parser[object]] = {
        "municipality": t.chain(t.municipality_number(), t.lookup(lookup, key=t.exact))
    }
    return cols, parsers


# The cases (each run in a fresh process) -----------------------------------------------------------------------------


def case_baseline(path: Path) -> str:
    return "imports only"


def case_write_csv(path: Path, rows: int) -> str:
    with path.open("wb") as file:
        t.write_csv(HEADER, participants(rows), file)
    return f"{rows:,} rows, {path.stat().st_size / MB:.1f} MB"


def case_write_xlsx(path: Path, rows: int) -> str:
    with path.open("wb") as file:
        t.write_xlsx(t.Sheet("Deltakere", HEADER, participants(rows)), file)
    return f"{rows:,} rows, {path.stat().st_size / MB:.1f} MB (constant memory, inline strings)"


def case_write_xlsx_shared(path: Path, rows: int) -> str:
    with path.open("wb") as file:
        t.write_xlsx(t.Sheet("Deltakere", HEADER, participants(rows)), file, shared_strings=True)
    return f"{rows:,} rows, {path.stat().st_size / MB:.1f} MB (shared strings, as Excel saves)"


def case_read_rows(path: Path) -> str:
    count = sum(1 for _ in t.iter_rows(path.read_bytes(), path.name))
    return f"{count - 1:,} rows"


def case_read_table(path: Path) -> str:
    cols, parsers = columns()
    table = t.read_table(t.iter_rows(path.read_bytes(), path.name), cols, parsers=parsers)
    return f"{len(table.rows):,} rows parsed"


def case_refused(path: Path) -> str:
    try:
        rows = sum(1 for _ in t.iter_rows(path.read_bytes(), path.name))
    except t.TableError as error:
        return f"refused: {error.code}"
    return f"read, {rows:,} rows"


# Hostile files ---------------------------------------------------------------------------------------------------------


def bomb(path: Path, megabytes: int = 300) -> None:
    import zipfile

    row = b'<row><c t="inlineStr"><is><t>bomb</t></is></c></row>'
    block = row * (MB // len(row))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        _workbook_parts(archive)
        with archive.open("xl/worksheets/sheet1.xml", "w") as part:
            part.write(
                b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            )
            part.write(b"<sheetData>")
            for _ in range(megabytes):
                part.write(block)
            part.write(b"</sheetData></worksheet>")


def huge_dimension(path: Path, rows: int = 20_001) -> None:
    import zipfile

    body = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>B{n:06d}</t></is></c><c r="B{n}"><v>{n}</v></c></row>'
        for n in range(1, rows + 1)
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        _workbook_parts(archive)
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<dimension ref="A1:XFD{rows}"/><sheetData>{body}</sheetData></worksheet>',
        )


def _workbook_parts(archive: object) -> None:
    main = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006"
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{package}/content-types">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{main}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{main}.worksheet+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{package}/relationships"><Relationship Id="rId1" '
        f'Type="{rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'xmlns:r="{rels}"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{package}/relationships"><Relationship Id="rId1" '
        f'Type="{rels}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    }
    for name, content in parts.items():
        archive.writestr(name, content)  # type: ignore[attr-defined]


def empty_fields(path: Path) -> None:
    path.write_bytes(b"referanse;kommunenummer\n" + b";" * (19 * MB))


def oversized(path: Path) -> None:
    path.write_bytes(b"referanse;kommunenummer\n" + b"B000001;5001\n" * (21 * MB // 13))


# Running the cases -----------------------------------------------------------------------------------------------------

CASES: dict[str, Callable[..., str]] = {
    "baseline": case_baseline,
    "write_csv": case_write_csv,
    "write_xlsx": case_write_xlsx,
    "write_xlsx_shared": case_write_xlsx_shared,
    "read_rows": case_read_rows,
    "read_table": case_read_table,
    "refused": case_refused,
}


def child(case: str, path: str, rows: int, trace: bool) -> None:
    """Run one case in this (fresh) process and print its figures as JSON."""
    function = CASES[case]
    arguments = (Path(path), rows) if case.startswith("write") else (Path(path),)
    if trace:
        tracemalloc.start()
    started, cpu_started = time.perf_counter(), time.process_time()
    result = function(*arguments)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # Linux: kilobytes
    print(json.dumps({"result": result, "seconds": seconds, "cpu": cpu, "peak": peak, "rss": rss_kb * 1024}))


def measured(case: str, path: Path, rows: int = 0) -> dict[str, object]:
    def run(trace: bool) -> dict[str, object]:
        command = [sys.executable, __file__, "--child", case, str(path), str(rows)] + (["--trace"] if trace else [])
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        return json.loads(output.strip().splitlines()[-1])

    plain = run(trace=False)
    traced = run(trace=True)
    return {**plain, "peak": traced["peak"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv-rows", type=int, default=200_000)
    parser.add_argument("--xlsx-rows", type=int, default=50_000)
    parser.add_argument("--child", nargs=3, metavar=("CASE", "PATH", "ROWS"), help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        case, path, rows = options.child
        child(case, path, int(rows), options.trace)
        return
    with tempfile.TemporaryDirectory(prefix="tabular-benchmark-") as directory:
        folder = Path(directory)
        csv_path, xlsx_path, inline_path = folder / "deltakere.csv", folder / "deltakere.xlsx", folder / "inline.xlsx"
        rows = [("baseline (interpreter + imports)", measured("baseline", folder))]
        rows.append((f"write CSV, {options.csv_rows:,} rows", measured("write_csv", csv_path, options.csv_rows)))
        rows.append((f"write XLSX, {options.xlsx_rows:,} rows", measured("write_xlsx", inline_path, options.xlsx_rows)))
        rows.append(
            (
                f"write XLSX, shared strings, {options.xlsx_rows:,} rows",
                measured("write_xlsx_shared", xlsx_path, options.xlsx_rows),
            )
        )
        rows.append(("read CSV: readers only", measured("read_rows", csv_path)))
        rows.append(("read CSV: readers + columns", measured("read_table", csv_path)))
        rows.append(("read XLSX: readers only", measured("read_rows", xlsx_path)))
        rows.append(("read XLSX: readers + columns", measured("read_table", xlsx_path)))
        for label, build, name in (
            ("XLSX zip bomb, 300 MB unpacked", bomb, "bomb.xlsx"),
            ("XLSX declaring A1:XFD20001", huge_dimension, "dimension.xlsx"),
            ("CSV row of 19 M empty fields", empty_fields, "fields.csv"),
            ("CSV of 21 MB", oversized, "big.csv"),
        ):
            path = folder / name
            build(path)
            size = path.stat().st_size
            rows.append((f"{label} ({size / MB:.2f} MB file)", measured("refused", path)))
    print(f"Python {sys.version.split()[0]}; default limits: {t.DEFAULT_LIMITS}")
    print()
    print(f"{'case':<50} {'wall':>8} {'CPU':>8} {'tracemalloc peak':>17} {'max RSS':>9}  result")
    print("-" * 140)
    for label, figures in rows:
        print(
            f"{label:<50} {figures['seconds']:>7.2f}s {figures['cpu']:>7.2f}s {figures['peak'] / MB:>14.1f} MB "
            f"{figures['rss'] / MB:>6.0f} MB  {figures['result']}"
        )


if __name__ == "__main__":
    main()
