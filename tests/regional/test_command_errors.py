"""Bad input to the regional commands: a Norwegian message and exit status 2, never a traceback."""

import pytest

from tests.regional.cli import cli


@pytest.mark.parametrize(
    "args,words",
    [
        (["activities-report", "--county", "99", "--year", "2025"], "Ukjent fylkesnummer"),
        (["activities-report", "--county", "50", "--year", "tjue"], "er ikke et år"),
        (["activities-report", "--county", "50", "--year", "2025", "--format", "xlsx"], "Ukjent format"),
        (["export-organisations", "--county", "50", "--format", "pdf"], "Ukjent format"),
        (["import-organisations", "/finnes/ikke.csv", "--county", "50"], "finnes ikke"),
    ],
)
def test_bad_input_gives_a_norwegian_message_and_exit_2(db, args, words):
    code, _out, err = cli(*args)
    assert code == 2
    assert words in err
    assert "Traceback" not in err


def test_a_file_that_is_not_enhetsregisterets_gives_exit_2(db, tmp_path):
    path = tmp_path / "feil.csv.gz"
    path.write_bytes(b"\x1f\x8b not really gzip")
    code, _out, err = cli("import-organisations", str(path), "--county", "50")
    assert code == 2 and "Traceback" not in err
