"""The ``allocate``, ``calibrate`` and ``sensitivity`` commands (a stable contract).

``main(argv)`` returns the exit status: 0 success, 2 invalid input, 3 infeasible, 4 no
allocation proven optimal within the time limit, 1 anything unexpected. It never lets a
traceback through. An error the engine reports about a municipality or a criterion is given
with the file, row and column it comes from.
"""

from __future__ import annotations

import errno
import sys
from contextlib import contextmanager
from pathlib import Path

from .calibrate import calibrate
from .cli_args import NorwegianParser, column_value, format_choice, method_choice, real, seconds, whole
from .engine import allocate
from .errors import EXIT_INFEASIBLE, EXIT_NOT_PROVEN, AllocationError, InvalidInput
from .io import (
    Table,
    municipalities_from_table,
    numeric_columns,
    read_table,
    refuse_reserved,
    require_columns,
    require_number_column,
    row_of,
    whole_column,
)
from .model import Parameters
from .output import (
    allocation_csv,
    allocation_json,
    calibration_csv,
    calibration_json,
    calibration_summary,
    sensitivity_csv,
    sensitivity_json,
)
from .quota import DEFAULT_TIME_LIMIT
from .sensitivity import MAX_DRAWS, sensitivity


def _common(parser: NorwegianParser, total: bool) -> None:
    parser.add_argument("input", metavar="INPUT", help="CSV- eller XLSX-fil")
    if total:
        parser.add_argument("--total", type=whole(0), required=True, metavar="N", help="antall som skal fordeles")
    parser.add_argument("--min-lot", type=whole(0), default=10, metavar="M", help="minstetall (standard 10)")
    parser.add_argument("--format", type=format_choice, default="csv", metavar="FORMAT", help="csv eller json")
    parser.add_argument("--output", metavar="FIL", help="skriv til denne filen i stedet for standard ut")
    parser.add_argument(
        "--time-limit",
        type=seconds,
        default=DEFAULT_TIME_LIMIT,
        metavar="SEKUNDER",
        help=f"tidsgrense for metoden optimal per fordeling (standard {DEFAULT_TIME_LIMIT:g}); "
        "nås den, avsluttes det med status 4",
    )


def _model_options(parser: NorwegianParser) -> None:
    parser.add_argument("--base", type=real, default=0.0, metavar="B", help="grunntall per deltakende kommune")
    parser.add_argument(
        "--method",
        type=method_choice,
        default="optimal",
        metavar="METODE",
        help="optimal, sainte-lague, dhondt eller largest-remainder",
    )
    parser.add_argument(
        "--weight", type=column_value, action="append", default=[], metavar="KOLONNE=W", help="vekt for et kriterium"
    )
    parser.add_argument(
        "--exponent",
        type=column_value,
        action="append",
        default=[],
        metavar="KOLONNE=P",
        help="eksponent for et kriterium",
    )
    parser.add_argument(
        "--lower-is-better",
        action="append",
        default=[],
        metavar="KOLONNE",
        help="kriterium der lavere verdi gir større andel (bruker c^-p)",
    )


def _minors_options(parser: NorwegianParser) -> None:
    parser.add_argument(
        "--minors-total",
        type=whole(0),
        metavar="M",
        help="så mange av totalen er enslige mindreårige (EM): fordeles på kommunene med ema=ja (eller alle "
        "når kolonnen mangler), innenfor hver kommunes antall; gir kolonnen herav_ema",
    )
    parser.add_argument(
        "--minors-min-lot",
        type=whole(0),
        metavar="K",
        help="minstetall for enslige mindreårige: en kommune får 0 eller minst K (standard 0)",
    )


def build_parser(prog: str) -> NorwegianParser:
    parser = NorwegianParser(prog=prog, description="Fordeling av bosettingstall på kommuner.")
    commands = parser.add_subparsers(
        dest="command", required=True, parser_class=NorwegianParser, metavar="{allocate,calibrate,sensitivity}"
    )
    allocate_parser = commands.add_parser("allocate", help="fordel et total på kommunene")
    _common(allocate_parser, total=True)
    _model_options(allocate_parser)
    _minors_options(allocate_parser)
    calibrate_parser = commands.add_parser("calibrate", help="finn parametre som gjenskaper fjorårets tall")
    _common(calibrate_parser, total=False)
    calibrate_parser.add_argument("--target", required=True, metavar="KOLONNE", help="kolonnen med fjorårets tall")
    calibrate_parser.add_argument("--criteria", nargs="+", default=[], metavar="KOLONNE")
    sensitivity_parser = commands.add_parser("sensitivity", help="hvor robuste er tallene?")
    _common(sensitivity_parser, total=True)
    _model_options(sensitivity_parser)
    sensitivity_parser.add_argument(
        "--draws", type=whole(1, MAX_DRAWS), default=1000, metavar="N", help="antall trekninger (standard 1000)"
    )
    sensitivity_parser.add_argument(
        "--spread",
        type=real,
        default=0.2,
        metavar="ANDEL",
        help="vektene trekkes innenfor ± denne andelen (standard 0.2)",
    )
    sensitivity_parser.add_argument(
        "--seed", type=whole(0), default=1, metavar="FRØ", help="frø for tilfeldige tall (standard 1)"
    )
    return parser


def _criteria(
    table: Table, named: list[str], skip: tuple[str, ...] = (), option: str = "--weight KOLONNE=VEKT"
) -> list[str]:
    if named:
        refuse_reserved(table, option.split()[0], named)
        require_columns(table, named)
        return named
    found = numeric_columns(table, skip)
    if len(found) == 1:
        return found
    if not found:
        raise table.error("fant ingen kolonne med tall å fordele etter.")
    raise table.error(f"flere tallkolonner ({', '.join(found)}); velg med {option}.")


def _only_criteria(table: Table, option: str, columns: list[str], criteria: list[str]) -> None:
    stray = [c for c in columns if c not in criteria]
    if stray:
        raise table.error(f"{option} gjelder en kolonne som ikke er et kriterium: {', '.join(stray)}.")


def _parameters(args, table: Table) -> Parameters:
    weights = dict(args.weight)
    criteria = _criteria(table, list(weights))
    exponents = dict(args.exponent)
    refuse_reserved(table, "--exponent", list(exponents))
    require_columns(table, list(exponents))
    _only_criteria(table, "--exponent", list(exponents), criteria)
    lower = [c.strip().lower() for c in args.lower_is_better]
    _only_criteria(table, "--lower-is-better", lower, criteria)
    return Parameters(
        weights=weights or {criteria[0]: 1.0},
        exponents=exponents,
        base=args.base,
        min_lot=args.min_lot,
        lower_is_better=frozenset(lower),
    )


def _read(path: str) -> Table:
    table = read_table(path)
    require_number_column(table)
    return table


@contextmanager
def _located(table: Table):
    """Give an engine error about a municipality or a criterion with the file's row and column."""
    try:
        yield
    except InvalidInput as error:
        if error.municipality is None and error.column is None:
            raise
        row = row_of(table, error.municipality) if error.municipality else None
        raise table.error(error.detail, row, error.column) from error


def run_allocate(args) -> str:
    if args.minors_min_lot is not None and args.minors_total is None:
        raise InvalidInput("--minors-min-lot gjelder bare sammen med --minors-total (se --help)")
    table = _read(args.input)
    parameters = _parameters(args, table)
    with _located(table):
        result = allocate(
            municipalities_from_table(table, list(parameters.weights)),
            args.total,
            parameters,
            args.method,
            args.time_limit,
            minors_total=args.minors_total,
            minors_min_lot=args.minors_min_lot or 0,
        )
    return allocation_json(result) if args.format == "json" else allocation_csv(result)


def run_calibrate(args) -> str:
    table = _read(args.input)
    target = args.target.strip().lower()
    refuse_reserved(table, "--target", [target])
    require_columns(table, [target])
    criteria = _criteria(
        table, [c.strip().lower() for c in args.criteria], skip=(target,), option="--criteria KOLONNE ..."
    )
    targets = whole_column(table, target)
    with _located(table):
        result = calibrate(municipalities_from_table(table, criteria), targets, criteria, args.min_lot, args.time_limit)
    print(calibration_summary(result), file=sys.stderr)
    return calibration_json(result) if args.format == "json" else calibration_csv(result)


def run_sensitivity(args) -> str:
    table = _read(args.input)
    parameters = _parameters(args, table)
    with _located(table):
        result = sensitivity(
            municipalities_from_table(table, list(parameters.weights)),
            args.total,
            parameters,
            args.draws,
            args.spread,
            args.seed,
            args.method,
            args.time_limit,
        )
    return sensitivity_json(result) if args.format == "json" else sensitivity_csv(result)


COMMANDS = {"allocate": run_allocate, "calibrate": run_calibrate, "sensitivity": run_sensitivity}


WRITE_ERRORS = {
    errno.ENOENT: "mappen finnes ikke",
    errno.ENOTDIR: "en del av stien er ikke en mappe",
    errno.EACCES: "mangler tillatelse til å skrive der",
    errno.EPERM: "mangler tillatelse til å skrive der",
    errno.EISDIR: "det er en mappe, ikke en fil",
    errno.ENOSPC: "det er ikke mer plass på disken",
    errno.EROFS: "filsystemet kan bare leses",
}


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        reason = WRITE_ERRORS.get(exc.errno, f"operativsystemet svarte med feilkode {exc.errno}")
        raise InvalidInput(f"kan ikke skrive til «{output}»: {reason}.") from exc


def main(argv: list[str], prog: str = "integrering") -> int:
    """Run one command; returns the exit status."""
    command = argv[0] if argv else ""
    try:
        args = build_parser(prog).parse_args(argv)
        _write(COMMANDS[args.command](args), args.output)
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    except AllocationError as exc:
        kind = {EXIT_INFEASIBLE: "ingen fordeling mulig", EXIT_NOT_PROVEN: "ingen bevist optimal fordeling"}.get(
            exc.exit_code, "feil"
        )
        print(f"{prog} {command}: {kind}: {exc}", file=sys.stderr)
        return exc.exit_code
    except Exception as exc:  # never a traceback for users
        print(f"{prog} {command}: uventet feil: {exc!r}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
