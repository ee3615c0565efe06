"""Invalid input on the command line: exit status 2 and a Norwegian message naming file, row and column."""

import pytest

from integrering.allocation import InvalidInput, Municipality, Parameters, allocate
from integrering.allocation.cli import main


def write(tmp_path, text: str, name: str = "input.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def error(capsys, argv) -> str:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    return captured.err


def test_a_file_without_kommunenummer_says_so_even_with_several_numeric_columns(tmp_path, capsys):
    path = write(tmp_path, "knr,folk\n5001,3\n")
    message = error(capsys, ["allocate", path, "--total", "10"])
    assert "«kommunenummer» mangler" in message and path in message
    assert "tallkolonner" not in message


@pytest.mark.parametrize("option", ["--weight", "--exponent"])
@pytest.mark.parametrize("column", ["kommunenummer", "navn", "min", "maks", "fast", "utelat"])
def test_a_reserved_column_cannot_be_a_criterion(tmp_path, capsys, option, column):
    path = write(tmp_path, "kommunenummer,navn,folk,min,maks,fast,utelat\n5001,A,3,,,,\n5006,B,4,,,,\n")
    extra = ["--weight", "folk=1"] if option == "--exponent" else []
    message = error(capsys, ["allocate", path, "--total", "10", *extra, option, f"{column}=1"])
    assert f"kan ikke gjelde «{column}»" in message and f"kolonne «{column}»" in message


def test_calibrate_refuses_a_reserved_target_or_criterion(tmp_path, capsys):
    path = write(tmp_path, "kommunenummer,folk,anmodning\n5001,3,10\n")
    assert "kan ikke gjelde «kommunenummer»" in error(capsys, ["calibrate", path, "--target", "kommunenummer"])
    assert "kan ikke gjelde «maks»" in error(capsys, ["calibrate", path, "--target", "anmodning", "--criteria", "maks"])


def test_all_weights_zero_is_refused_not_replaced(tmp_path, capsys):
    path = write(tmp_path, "kommunenummer,folk,jobb\n5001,3,1\n5006,1,3\n")
    message = error(capsys, ["allocate", path, "--total", "10", "--weight", "folk=0", "--weight", "jobb=0"])
    assert "større enn 0" in message
    with pytest.raises(InvalidInput, match="større enn 0"):
        allocate([Municipality("5001", criteria={"folk": 1})], 10, Parameters({"folk": 0}))


@pytest.mark.parametrize(
    ("text", "argv", "words"),
    [
        pytest.param(
            "kommunenummer,folk,min,maks\n5001,3,,\n5006,4,12,10\n",
            ["allocate", "--total", "20"],
            ["rad 3", "kolonne «min»", "større enn «maks»"],
            id="min above maks",
        ),
        pytest.param(
            "kommunenummer,folk,folk\n5001,3,4\n",
            ["allocate", "--total", "20"],
            ["rad 1", "kolonne «folk»", "flere ganger"],
            id="repeated header column",
        ),
        pytest.param(
            "kommunenummer,folk,anmodning\n5001,300,20\n5006,100,\n",
            ["calibrate", "--target", "anmodning"],
            ["rad 3", "kolonne «anmodning»", "mangler"],
            id="blank target, not counted as 0",
        ),
        pytest.param(
            "kommunenummer,folk,ledig\n5006,3,2\n5001,4,0\n",
            ["allocate", "--total", "20", "--weight", "folk=1", "--weight", "ledig=1", "--lower-is-better", "ledig"],
            ["rad 3", "kolonne «ledig»", "større enn 0"],
            id="engine error about a municipality",
        ),
    ],
)
def test_a_bad_row_is_named_with_file_row_and_column(tmp_path, capsys, text, argv, words):
    path = write(tmp_path, text)
    message = error(capsys, [argv[0], path, *argv[1:]])
    assert path in message
    assert all(word in message for word in words), message


def test_writing_into_a_missing_folder_says_so_in_norwegian(tmp_path, capsys):
    path = write(tmp_path, "kommunenummer,folk\n5001,3\n5006,4\n")
    target = tmp_path / "nope" / "out.csv"
    message = error(capsys, ["allocate", path, "--total", "20", "--output", str(target)])
    assert "mappen finnes ikke" in message and "No such file" not in message
    assert not target.parent.exists()


def test_a_base_that_leaves_no_room_is_refused(tmp_path, capsys):
    path = write(tmp_path, "kommunenummer,navn,folk\n5001,Trondheim,200000\n5006,Steinkjer,20000\n5014,Frøya,5000\n")
    message = error(capsys, ["allocate", path, "--total", "20", "--base", "10"])
    assert "Grunntallet 10,00 for 3 deltakende kommuner blir 30,0" in message
    assert "høyst 6,66" in message


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["allocate", "INPUT", "--total", "ti"], "«ti» er ikke et helt tall"),
        (["allocate", "INPUT", "--total", "10", "--time-limit", "-1"], "positivt antall sekunder"),
        (["allocate", "INPUT", "--total", "10", "--base", "x"], "«x» er ikke et tall"),
        (["sensitivity", "INPUT", "--total", "10", "--seed", "-1"], "må være minst 0"),
        (["allocate", "INPUT", "--tot", "10"], "mangler: --total"),
        (["allocate", "INPUT", "--total"], "--total mangler verdi"),
    ],
)
def test_argument_errors_are_norwegian(tmp_path, capsys, argv, words):
    path = write(tmp_path, "kommunenummer,folk\n5001,3\n")
    message = error(capsys, [path if a == "INPUT" else a for a in argv])
    assert words in message
    assert "invalid" not in message and "argument" not in message.replace("argumentene", "")


@pytest.mark.parametrize("command", ["allocate", "calibrate", "sensitivity"])
def test_the_help_is_norwegian(capsys, command):
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("bruk: ") and "vis denne hjelpen og avslutt" in out and "valg:" in out
    assert "usage" not in out and "show this help" not in out and "options:" not in out
