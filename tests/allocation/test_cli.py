"""The command line: success paths, formats, and every error path with its exit status."""

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from integrering.allocation.cli import main


def write(tmp_path, text: str, name: str = "input.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return str(path)


SMALL = "kommunenummer,navn,folkemengde\n5001,Trondheim,1000\n5006,Steinkjer,300\n5014,Frøya,100\n"


def test_allocate_writes_a_csv_row_per_municipality_that_adds_up(tmp_path, capsys):
    assert main(["allocate", write(tmp_path, SMALL), "--total", "40"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("kommunenummer,navn,antall,kvote")
    assert "forklaring" in lines[0]
    assert sum(int(line.split(",")[2]) for line in lines[1:]) == 40


def test_allocate_writes_json_with_total_method_objective_and_rows(tmp_path, capsys):
    code = main(
        [
            "allocate",
            write(tmp_path, SMALL),
            "--total",
            "40",
            "--format",
            "json",
            "--method",
            "sainte-lague",
            "--min-lot",
            "5",
            "--base",
            "2",
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 40 and data["method"] == "sainte-lague"
    assert "objective" in data
    assert {"kommunenummer", "antall", "kvote", "forklaring"} <= set(data["rows"][0])


def test_allocate_writes_to_the_output_file(tmp_path, capsys):
    target = tmp_path / "out.json"
    assert main(["allocate", write(tmp_path, SMALL), "--total", "40", "--format", "json", "--output", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["total"] == 40


def test_allocate_reads_semicolons_with_a_bom_and_decimal_commas(tmp_path, capsys):
    text = "\ufeffkommunenummer;navn;ledighet;maks;utelat\n301;Oslo;2,5;;nei\n5001;Trondheim;3,5;12;\n5006;X;4;;ja\n"
    assert main(["allocate", write(tmp_path, text), "--total", "30"]) == 0
    rows = [line.split(",") for line in capsys.readouterr().out.splitlines()[1:]]
    assert rows[0][:3] == ["0301", "Oslo", "18"]
    assert rows[1][:3] == ["5001", "Trondheim", "12"]
    assert rows[2][2] == "0"


def test_allocate_reads_xlsx(tmp_path, capsys):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["kommunenummer", "navn", "folkemengde", "fast"])
    sheet.append([5001, "Trondheim", 1000, None])
    sheet.append([5006, "Steinkjer", 300, 15])
    path = tmp_path / "input.xlsx"
    workbook.save(path)
    assert main(["allocate", str(path), "--total", "50"]) == 0
    out = capsys.readouterr().out
    assert "5001,Trondheim,35" in out and "5006,Steinkjer,15" in out


def test_weights_and_exponents_name_the_criteria(tmp_path, capsys):
    text = "kommunenummer,folk,jobb\n1,100,10\n2,100,30\n"
    assert (
        main(
            [
                "allocate",
                write(tmp_path, text),
                "--total",
                "40",
                "--weight",
                "folk=1",
                "--weight",
                "jobb=1",
                "--exponent",
                "folk=0.5",
                "--min-lot",
                "0",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out.splitlines()
    assert out[1].split(",")[2] == "15" and out[2].split(",")[2] == "25"


def test_calibrate_reproduces_the_seed_table(seed_csv, capsys):
    assert main(["calibrate", str(seed_csv), "--target", "anmodning", "--format", "json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["rmse"] <= 4.5
    assert sum(row["antall"] for row in data["rows"]) == 619
    assert {"base", "exponents", "weights"} <= set(data["parameters"])
    assert "RMSE" in captured.err


def test_sensitivity_reports_min_median_and_max(tmp_path, capsys):
    assert (
        main(
            [
                "sensitivity",
                write(tmp_path, SMALL),
                "--total",
                "40",
                "--draws",
                "20",
                "--spread",
                "0.3",
                "--seed",
                "3",
                "--format",
                "json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["draws"] == 20
    assert all(row["min"] <= row["median"] <= row["maks"] for row in data["rows"])


def error(capsys, argv, code):
    assert main(argv) == code
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return captured.err


def test_a_bad_number_names_the_file_row_and_column(tmp_path, capsys):
    path = write(tmp_path, "kommunenummer,folkemengde\n5001,100\n5006,12a\n")
    message = error(capsys, ["allocate", path, "--total", "10"], 2)
    assert "rad 3" in message and "kolonne «folkemengde»" in message and path in message
    assert "ikke et tall" in message


def test_a_missing_municipality_number_column_is_invalid_input(tmp_path, capsys):
    message = error(capsys, ["allocate", write(tmp_path, "navn,folk\nA,1\n"), "--total", "10"], 2)
    assert "kommunenummer" in message and "mangler" in message


def test_an_empty_municipality_number_names_the_row(tmp_path, capsys):
    message = error(capsys, ["allocate", write(tmp_path, "kommunenummer,folk\n5001,1\n,2\n"), "--total", "10"], 2)
    assert "rad 3" in message and "kommunenummer" in message


def test_a_duplicate_municipality_is_invalid_input(tmp_path, capsys):
    path = write(tmp_path, "kommunenummer,folk\n5001,1\n5006,2\n5001,3\n")
    message = error(capsys, ["allocate", path, "--total", "10"], 2)
    assert "rad 4" in message and "flere ganger" in message and "rad 2" in message


def test_an_unknown_method_is_invalid_input_listing_the_valid_ones(tmp_path, capsys):
    message = error(capsys, ["allocate", write(tmp_path, SMALL), "--total", "10", "--method", "foo"], 2)
    assert "ukjent metode «foo»" in message and "sainte-lague" in message


def test_an_unknown_format_is_invalid_input(tmp_path, capsys):
    message = error(capsys, ["allocate", write(tmp_path, SMALL), "--total", "10", "--format", "xml"], 2)
    assert "ukjent format «xml»" in message


def test_several_numeric_columns_without_weight_is_invalid_input(tmp_path, capsys):
    path = write(tmp_path, "kommunenummer,folk,jobb\n5001,1,2\n")
    message = error(capsys, ["allocate", path, "--total", "10"], 2)
    assert "flere tallkolonner" in message and "--weight" in message


@pytest.mark.parametrize(
    "argv, words",
    [
        (["allocate", "INPUT"], "mangler: --total"),
        (["allocate", "INPUT", "--total", "ti"], "ikke et helt tall"),
        (["allocate", "INPUT", "--total", "10", "--weight", "folkemengde"], "KOLONNE=TALL"),
        (["allocate", "INPUT", "--total", "10", "--weight", "nope=1"], "kolonnen «nope» finnes ikke"),
        (["allocate", "INPUT", "--total", "10", "--bogus"], "ukjente argumenter"),
        (["fordel", "INPUT"], "ugyldig verdi"),
        ([], "mangler"),
    ],
)
def test_bad_arguments_are_invalid_input_in_norwegian(tmp_path, capsys, argv, words):
    path = write(tmp_path, SMALL)
    message = error(capsys, [path if a == "INPUT" else a for a in argv], 2)
    assert words in message


def test_a_missing_file_is_invalid_input(tmp_path, capsys):
    assert "finnes ikke" in error(capsys, ["allocate", str(tmp_path / "nope.csv"), "--total", "1"], 2)


def test_a_windows_1252_file_from_norwegian_excel_is_read_with_its_letters(tmp_path, capsys):
    path = tmp_path / "excel.csv"
    path.write_bytes("kommunenummer;navn;folk\n5014;Frøya;1\n5001;Trondheim;3\n".encode("cp1252"))
    assert main(["allocate", str(path), "--total", "20"]) == 0
    assert "Frøya" in capsys.readouterr().out


def test_a_bad_yes_no_value_names_row_and_column(tmp_path, capsys):
    path = write(tmp_path, "kommunenummer,folk,utelat\n5001,1,kanskje\n")
    message = error(capsys, ["allocate", path, "--total", "1"], 2)
    assert "rad 2" in message and "kolonne «utelat»" in message


def test_fixed_numbers_above_the_total_are_infeasible(tmp_path, capsys):
    path = write(tmp_path, "kommunenummer,folk,fast\n5001,1,30\n5006,2,\n")
    message = error(capsys, ["allocate", path, "--total", "20"], 3)
    assert "faste tallene" in message and "ingen fordeling mulig" in message


def test_caps_that_cannot_reach_the_total_are_infeasible(tmp_path, capsys):
    path = write(tmp_path, "kommunenummer,folk,maks\n5001,1,10\n5006,2,12\n")
    assert "Maks-tallene" in error(capsys, ["allocate", path, "--total", "40"], 3)


@pytest.mark.parametrize("method", ["optimal", "sainte-lague", "dhondt", "largest-remainder"])
def test_a_minimum_lot_that_makes_the_total_impossible_is_infeasible(tmp_path, capsys, method):
    path = write(tmp_path, "kommunenummer,folk,maks\n5001,1,12\n5006,2,12\n")
    message = error(capsys, ["allocate", path, "--total", "15", "--method", method], 3)
    assert "Minstetallet" in message


def test_help_exits_with_zero(capsys):
    assert main(["allocate", "--help"]) == 0
    assert "--total" in capsys.readouterr().out


def test_the_documented_example_reproduces_the_seed_table(capsys):
    example = Path(__file__).parent / "data" / "trondelag_2021.csv"
    assert main(["calibrate", str(example), "--target", "anmodning", "--format", "json"]) == 0
    calibrated = json.loads(capsys.readouterr().out)
    parameters = calibrated["parameters"]
    assert (
        main(
            [
                "allocate",
                str(example),
                "--total",
                "619",
                "--weight",
                "folkemengde_2020=1",
                "--exponent",
                f"folkemengde_2020={parameters['exponents']['folkemengde_2020']}",
                "--base",
                str(parameters["base"]),
                "--format",
                "json",
            ]
        )
        == 0
    )
    allocated = json.loads(capsys.readouterr().out)
    assert [r["antall"] for r in allocated["rows"]] == [r["antall"] for r in calibrated["rows"]]
    assert calibrated["rmse"] <= 4.5


def test_calibrate_with_an_unknown_target_column_is_invalid_input(seed_csv, capsys):
    message = error(capsys, ["calibrate", str(seed_csv), "--target", "nope"], 2)
    assert "kolonnen «nope» finnes ikke" in message


def test_a_lower_is_better_criterion_gives_more_to_the_lower_value(tmp_path, capsys):
    path = write(tmp_path, "kommunenummer,ledighet\n1,2\n2,4\n")
    assert main(["allocate", path, "--total", "30", "--min-lot", "0", "--lower-is-better", "ledighet"]) == 0
    counts = [line.split(",")[2] for line in capsys.readouterr().out.splitlines()[1:]]
    assert counts == ["20", "10"]


def test_lower_is_better_must_name_a_criterion(tmp_path, capsys):
    path = write(tmp_path, "kommunenummer,folk,ledighet\n1,2,3\n")
    message = error(
        capsys, ["allocate", path, "--total", "3", "--weight", "folk=1", "--lower-is-better", "ledighet"], 2
    )
    assert "ikke er et kriterium" in message


@pytest.mark.parametrize(
    "argv, words",
    [
        (["allocate", "INPUT", "--total", "99999999999999999999"], "Totalen kan ikke være større enn"),
        (["allocate", "INPUT", "--total", "10", "--base", "-1"], "Grunntallet"),
        (["allocate", "INPUT", "--total", "10", "--exponent", "folkemengde=-1"], "Eksponenten for «folkemengde»"),
        (["allocate", "INPUT", "--total", "10", "--exponent", "folkemengde=1e308"], "for store"),
        (["sensitivity", "INPUT", "--total", "10", "--draws", "100000000"], "kan ikke være større enn 100000"),
    ],
)
def test_out_of_range_options_are_invalid_input_not_a_hang_or_a_warning(tmp_path, capsys, argv, words):
    path = write(tmp_path, SMALL)
    message = error(capsys, [path if a == "INPUT" else a for a in argv], 2)
    assert words in message and "Warning" not in message


def test_a_municipality_number_of_more_than_four_digits_is_invalid_input(tmp_path, capsys):
    path = write(tmp_path, "kommunenummer,folk\n50011,1\n5006,2\n")
    message = error(capsys, ["allocate", path, "--total", "10"], 2)
    assert "rad 2" in message and "«50011»" in message and "kommunenummer" in message


@pytest.mark.parametrize("method", ["optimal", "sainte-lague", "dhondt", "largest-remainder"])
def test_a_total_below_the_minimum_lot_blames_the_lot_not_caps_that_do_not_exist(tmp_path, capsys, method):
    message = error(capsys, ["allocate", write(tmp_path, SMALL), "--total", "5", "--method", method], 3)
    assert "Minstetallet 10" in message and "Maks-tallene" not in message
