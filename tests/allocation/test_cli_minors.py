"""The command line with unaccompanied minors: the ``ema`` column, ``--minors-total``/``--minors-min-lot``,
the ``herav_ema`` column in CSV and JSON, and the exit status of every error."""

import csv
import io
import json

import pytest

from integrering.allocation.cli import main

TOWNS = (
    "kommunenummer,navn,folkemengde,ema\n"
    "5001,Trondheim,1000,ja\n"
    "5006,Steinkjer,300,nei\n"
    "5007,Namsos,150,JA\n"
    "5014,Frøya,100,Nei\n"
)


def write(tmp_path, text: str, name: str = "input.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def rows_of(output: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(output)))


def error(capsys, argv, code):
    assert main(argv) == code
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    return captured.err


def test_the_csv_gains_herav_ema_after_antall_and_the_minors_explanation_at_the_end(tmp_path, capsys):
    assert main(["allocate", write(tmp_path, TOWNS), "--total", "60", "--minors-total", "8"]) == 0
    output = capsys.readouterr().out
    assert output.splitlines()[0] == (
        "kommunenummer,navn,antall,herav_ema,kvote,regel,forklaring,ema_kvote,ema_regel,ema_forklaring"
    )
    rows = {row["kommunenummer"]: row for row in rows_of(output)}
    assert sum(int(row["herav_ema"]) for row in rows.values()) == 8
    assert sum(int(row["antall"]) for row in rows.values()) == 60
    assert all(int(row["herav_ema"]) <= int(row["antall"]) for row in rows.values())
    for number in ("5006", "5014"):  # ema = nei
        assert rows[number]["herav_ema"] == "0" and rows[number]["ema_regel"] == "not_eligible"
        assert "tar ikke imot enslige mindreårige" in rows[number]["ema_forklaring"]
    assert rows["5001"]["ema_forklaring"].startswith("Trondheim: ")


def test_the_json_gains_the_frame_the_objective_and_herav_ema_in_each_row(tmp_path, capsys):
    argv = ["allocate", write(tmp_path, TOWNS), "--total", "60", "--minors-total", "8", "--minors-min-lot", "2"]
    assert main(argv + ["--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["minors_total"] == 8 and data["minors_min_lot"] == 2 and data["minors_objective"] >= 0
    assert sum(row["herav_ema"] for row in data["rows"]) == 8
    assert {"herav_ema", "ema_kvote", "ema_regel", "ema_forklaring"} <= set(data["rows"][0])
    assert all(row["herav_ema"] == 0 or row["herav_ema"] >= 2 for row in data["rows"])


def test_without_an_ema_column_every_municipality_may_take_minors(tmp_path, capsys):
    text = "kommunenummer,folkemengde\n1,100\n2,100\n"
    assert main(["allocate", write(tmp_path, text), "--total", "20", "--minors-total", "4", "--format", "json"]) == 0
    assert [row["herav_ema"] for row in json.loads(capsys.readouterr().out)["rows"]] == [2, 2]


def test_without_minors_total_the_output_is_as_before_even_with_an_ema_column(tmp_path, capsys):
    assert main(["allocate", write(tmp_path, TOWNS), "--total", "60"]) == 0
    assert capsys.readouterr().out.startswith("kommunenummer,navn,antall,kvote,regel,forklaring\n")


@pytest.mark.parametrize(("value", "shown"), [("kanskje", "«kanskje»"), ("1", "«1»"), ("", "en tom celle")])
def test_an_ema_value_other_than_ja_or_nei_names_the_file_row_and_column(tmp_path, capsys, value, shown):
    path = write(tmp_path, f"kommunenummer,folkemengde,ema\n5001,100,ja\n5006,50,{value}\n")
    message = error(capsys, ["allocate", path, "--total", "20", "--minors-total", "2"], 2)
    assert path in message and "rad 3" in message and "kolonne «ema»" in message
    assert shown in message and "ja eller nei" in message


def test_more_minors_than_the_takers_can_hold_exits_with_3_and_says_why(tmp_path, capsys):
    message = error(capsys, ["allocate", write(tmp_path, TOWNS), "--total", "60", "--minors-total", "55"], 3)
    assert "ingen fordeling mulig" in message and "enslige mindreårige" in message and "til sammen bare" in message


def test_a_minors_minimum_lot_that_makes_it_impossible_exits_with_3(tmp_path, capsys):
    text = "kommunenummer,folkemengde\n1,100\n2,100\n"
    argv = ["allocate", write(tmp_path, text), "--total", "10", "--minors-total", "7", "--minors-min-lot", "4"]
    assert "Minstetallet for enslige mindreårige (4)" in error(capsys, argv + ["--min-lot", "0"], 3)


def test_a_minors_minimum_lot_without_a_minors_total_is_invalid(tmp_path, capsys):
    message = error(capsys, ["allocate", write(tmp_path, TOWNS), "--total", "60", "--minors-min-lot", "2"], 2)
    assert "--minors-min-lot" in message and "--minors-total" in message


@pytest.mark.parametrize("value", ["-1", "tre"])
def test_a_bad_minors_total_is_invalid(tmp_path, capsys, value):
    assert "--minors-total" in error(
        capsys, ["allocate", write(tmp_path, TOWNS), "--total", "60", "--minors-total", value], 2
    )


def test_ema_is_not_a_criterion(tmp_path, capsys):
    message = error(capsys, ["allocate", write(tmp_path, TOWNS), "--total", "60", "--weight", "ema=1"], 2)
    assert "«ema»" in message


def test_the_help_shows_the_minors_options(capsys):
    assert main(["allocate", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--minors-total" in out and "--minors-min-lot" in out


def test_a_name_that_looks_like_a_formula_is_written_as_text(tmp_path, capsys):
    assert main(["allocate", write(tmp_path, "kommunenummer,navn,folk\n1,=SUM(A1:A9),10\n"), "--total", "10"]) == 0
    assert "'=SUM(A1:A9)" in capsys.readouterr().out
