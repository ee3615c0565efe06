"""The Django management commands hand their arguments to the engine's command line as they are."""

from pathlib import Path

import pytest

from integrering.settlement.management.commands import allocate, calibrate, sensitivity

EXAMPLE = Path(__file__).parent / "data" / "trondelag_2021.csv"


@pytest.mark.parametrize(
    ("module", "argv", "code"),
    [
        (allocate, ["allocate", str(EXAMPLE), "--total", "619", "--weight", "folkemengde_2020=1"], 0),
        (allocate, ["allocate", str(EXAMPLE), "--total", "619", "--method", "nope"], 2),
        (calibrate, ["calibrate", str(EXAMPLE), "--target", "anmodning"], 0),
        (
            sensitivity,
            ["sensitivity", str(EXAMPLE), "--total", "619", "--weight", "folkemengde_2020=1", "--draws", "3"],
            0,
        ),
        (allocate, ["allocate", str(EXAMPLE), "--total", "5", "--weight", "folkemengde_2020=1"], 3),
    ],
)
def test_each_command_exits_with_the_engines_status(module, argv, code, capsys):
    with pytest.raises(SystemExit) as exit_:
        module.Command().run_from_argv(["integrering"] + argv)
    assert exit_.value.code == code
    assert "Traceback" not in capsys.readouterr().err


def test_django_help_shows_the_engines_options(capsys):
    allocate.Command().print_help("integrering", "allocate")
    assert "--total" in capsys.readouterr().out
