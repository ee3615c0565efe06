"""The installed ``integrering`` script runs the engine's commands without any Django setting."""

import os
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).parent / "data" / "trondelag_2021.csv"
SCRIPT = Path(sys.executable).parent / "integrering"
PLAIN_SHELL = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp")}


def run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(SCRIPT), *argv], env=PLAIN_SHELL, capture_output=True, text=True, timeout=300, check=False
    )


def test_calibrate_runs_from_a_plain_shell_without_django_settings():
    done = run("calibrate", str(EXAMPLE), "--target", "anmodning")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "kommunenummer,navn,faktisk,antall,kvote,avvik,forklaring"
    assert sum(int(line.split(",")[3]) for line in lines[1:]) == 619
    assert "DJANGO" not in done.stderr and "Kalibrert" in done.stderr


def test_allocate_and_its_help_run_from_a_plain_shell():
    assert run("allocate", "--help").returncode == 0
    done = run("allocate", str(EXAMPLE), "--total", "619", "--weight", "folkemengde_2020=1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("kommunenummer,navn,antall,kvote,regel,forklaring\n")


def test_errors_keep_their_exit_status_from_a_plain_shell():
    done = run("allocate", str(EXAMPLE), "--total", "5", "--weight", "folkemengde_2020=1")
    assert done.returncode == 3 and "Minstetallet" in done.stderr
