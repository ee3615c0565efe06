"""The ``allocate``, ``calibrate`` and ``sensitivity`` commands (a stable contract).

``main(argv)`` returns the exit status: 0 success, 2 invalid input, 3 infeasible, 4 no
allocation proven optimal within the time limit, 1 anything unexpected. It never lets a
traceback through. An error the engine reports about a municipality or a criterion is given
with the file, row and column it comes from.
"""

from __future__ import annotations

import argparse
import errno
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from integrering.i18n import gettext as _
from integrering.i18n import gettext_noop

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
    parser.add_argument("input", metavar="INPUT", help=_("CSV or XLSX file"))
    if total:
        parser.add_argument("--total", type=whole(0), required=True, metavar="N", help=_("number to distribute"))
    parser.add_argument("--min-lot", type=whole(0), default=10, metavar="M", help=_("minimum lot (default 10)"))
    parser.add_argument("--format", type=format_choice, default="csv", metavar="FORMAT", help=_("csv or json"))
    parser.add_argument("--output", metavar=_("FILE"), help=_("write to this file instead of standard output"))
    parser.add_argument(
        "--time-limit",
        type=seconds,
        default=DEFAULT_TIME_LIMIT,
        metavar=_("SECONDS"),
        help=_(
            "time limit for the method optimal per allocation (default %(seconds)s); when it is reached, the "
            "command ends with status 4"
        )
        % {"seconds": f"{DEFAULT_TIME_LIMIT:g}"},
    )


def _model_options(parser: NorwegianParser) -> None:
    parser.add_argument(
        "--base", type=real, default=0.0, metavar="B", help=_("base number per participating municipality")
    )
    parser.add_argument(
        "--method",
        type=method_choice,
        default="optimal",
        metavar=_("METHOD"),
        help=_("optimal, sainte-lague, dhondt or largest-remainder"),
    )
    parser.add_argument(
        "--weight",
        type=column_value,
        action="append",
        default=[],
        metavar=_("COLUMN") + "=W",
        help=_("weight of a criterion"),
    )
    parser.add_argument(
        "--exponent",
        type=column_value,
        action="append",
        default=[],
        metavar=_("COLUMN") + "=P",
        help=_("exponent of a criterion"),
    )
    parser.add_argument(
        "--lower-is-better",
        action="append",
        default=[],
        metavar=_("COLUMN"),
        help=_("criterion where a lower value gives a larger share (uses c^-p)"),
    )


def _minors_options(parser: NorwegianParser) -> None:
    parser.add_argument(
        "--minors-total",
        type=whole(0),
        metavar="M",
        help=_(
            "this many of the total are unaccompanied minors (EM): distributed over the municipalities with ema=ja "
            "(or all when the column is missing), within each municipality's number; gives the column herav_ema"
        ),
    )
    parser.add_argument(
        "--minors-min-lot",
        type=whole(0),
        metavar="K",
        help=_("minimum lot for unaccompanied minors: a municipality gets 0 or at least K (default 0)"),
    )


def build_parser(prog: str) -> NorwegianParser:
    parser = NorwegianParser(prog=prog, description=_("Distribution of settlement numbers over municipalities."))
    commands = parser.add_subparsers(
        dest="command", required=True, parser_class=NorwegianParser, metavar="{allocate,calibrate,sensitivity}"
    )
    allocate_parser = commands.add_parser("allocate", help=_("distribute a total over the municipalities"))
    _common(allocate_parser, total=True)
    _model_options(allocate_parser)
    _minors_options(allocate_parser)
    calibrate_parser = commands.add_parser("calibrate", help=_("find parameters that recreate last year's numbers"))
    _common(calibrate_parser, total=False)
    calibrate_parser.add_argument(
        "--target", required=True, metavar=_("COLUMN"), help=_("the column with last year's numbers")
    )
    calibrate_parser.add_argument("--criteria", nargs="+", default=[], metavar=_("COLUMN"))
    sensitivity_parser = commands.add_parser("sensitivity", help=_("how robust are the numbers?"))
    _common(sensitivity_parser, total=True)
    _model_options(sensitivity_parser)
    sensitivity_parser.add_argument(
        "--draws", type=whole(1, MAX_DRAWS), default=1000, metavar="N", help=_("number of draws (default 1000)")
    )
    sensitivity_parser.add_argument(
        "--spread",
        type=real,
        default=0.2,
        metavar=_("SHARE"),
        help=_("the weights are drawn within ± this share (default 0.2)"),
    )
    sensitivity_parser.add_argument(
        "--seed", type=whole(0), default=1, metavar=_("SEED"), help=_("seed for random numbers (default 1)")
    )
    return parser


def _criteria(table: Table, named: list[str], skip: tuple[str, ...] = (), option: str | None = None) -> list[str]:
    option = option or "--weight " + _("COLUMN=WEIGHT")
    if named:
        refuse_reserved(table, option.split()[0], named)
        require_columns(table, named)
        return named
    found = numeric_columns(table, skip)
    if len(found) == 1:
        return found
    if not found:
        raise table.error(_("found no column with numbers to distribute by."))
    raise table.error(
        _("several number columns (%(columns)s); choose with %(option)s.")
        % {"columns": ", ".join(found), "option": option}
    )


def _only_criteria(table: Table, option: str, columns: list[str], criteria: list[str]) -> None:
    stray = [c for c in columns if c not in criteria]
    if stray:
        raise table.error(
            _("%(option)s applies to a column that is not a criterion: %(columns)s.")
            % {"option": option, "columns": ", ".join(stray)}
        )


def _parameters(args: argparse.Namespace, table: Table) -> Parameters:
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
def _located(table: Table) -> Iterator[None]:
    """Give an engine error about a municipality or a criterion with the file's row and column."""
    try:
        yield
    except InvalidInput as error:
        if error.municipality is None and error.column is None:
            raise
        row = row_of(table, error.municipality) if error.municipality else None
        raise table.error(error.detail, row, error.column) from error


def run_allocate(args: argparse.Namespace) -> str:
    if args.minors_min_lot is not None and args.minors_total is None:
        raise InvalidInput(_("--minors-min-lot applies only together with --minors-total (see --help)"))
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


def run_calibrate(args: argparse.Namespace) -> str:
    table = _read(args.input)
    target = args.target.strip().lower()
    refuse_reserved(table, "--target", [target])
    require_columns(table, [target])
    criteria = _criteria(
        table, [c.strip().lower() for c in args.criteria], skip=(target,), option="--criteria " + _("COLUMN") + " ..."
    )
    targets = whole_column(table, target)
    with _located(table):
        result = calibrate(municipalities_from_table(table, criteria), targets, criteria, args.min_lot, args.time_limit)
    print(calibration_summary(result), file=sys.stderr)
    return calibration_json(result) if args.format == "json" else calibration_csv(result)


def run_sensitivity(args: argparse.Namespace) -> str:
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


COMMANDS: dict[str, Callable[[argparse.Namespace], str]] = {
    "allocate": run_allocate,
    "calibrate": run_calibrate,
    "sensitivity": run_sensitivity,
}


WRITE_ERRORS = {
    errno.ENOENT: gettext_noop("the folder does not exist"),
    errno.ENOTDIR: gettext_noop("a part of the path is not a folder"),
    errno.EACCES: gettext_noop("no permission to write there"),
    errno.EPERM: gettext_noop("no permission to write there"),
    errno.EISDIR: gettext_noop("it is a folder, not a file"),
    errno.ENOSPC: gettext_noop("there is no more space on the disk"),
    errno.EROFS: gettext_noop("the file system is read-only"),
}


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        known = WRITE_ERRORS.get(exc.errno or 0)
        reason = (
            _(known) if known else _("the operating system answered with error code %(code)s") % {"code": exc.errno}
        )
        raise InvalidInput(_("cannot write to «%(file)s»: %(reason)s.") % {"file": output, "reason": reason}) from exc


def main(argv: list[str], prog: str = "integrering") -> int:
    """Run one command; returns the exit status."""
    command = argv[0] if argv else ""
    try:
        args = build_parser(prog).parse_args(argv)
        _write(COMMANDS[args.command](args), args.output)
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    except AllocationError as exc:
        kind = {
            EXIT_INFEASIBLE: gettext_noop("no allocation possible"),
            EXIT_NOT_PROVEN: gettext_noop("no proven optimal allocation"),
        }.get(exc.exit_code, gettext_noop("error"))
        print(f"{prog} {command}: {_(kind)}: {exc}", file=sys.stderr)
        return exc.exit_code
    except Exception as exc:  # never a traceback for users
        unexpected = _("unexpected error")
        print(f"{prog} {command}: {unexpected}: {exc!r}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
