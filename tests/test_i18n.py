"""integrering.i18n: the pure cores' gettext reads the project catalogue without Django, and Django's once it runs."""

import subprocess
import sys
from pathlib import Path

from django.utils import translation

from integrering import i18n
from integrering.allocation.errors import InvalidInput

SRC = Path(__file__).resolve().parents[1] / "src"


def test_without_django_the_standard_library_reads_the_bokmal_catalogue():
    code = (
        "import sys; from integrering import i18n; "
        "print(i18n.gettext('the value is missing.')); "
        "print(i18n.ngettext('%(name)s: %(count)s of %(total)s is an unaccompanied minor. The EM quota is %(quota)s "
        "(%(share)s %% of the frame %(frame)s). %(reason)s', 'x', 2)[:43]); "
        "sys.exit(1 if any(m.startswith('django') for m in sys.modules) else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env={"PYTHONPATH": str(SRC)}, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["verdien mangler.", "%(name)s: %(count)s av %(total)s er enslige"]


def test_under_django_the_active_language_applies():
    assert i18n.gettext("the value is missing.") == "verdien mangler."
    with translation.override("en"):
        assert i18n.gettext("the value is missing.") == "the value is missing."
        assert str(InvalidInput(i18n.gettext("is empty."), municipality="5001")) == "Municipality 5001: is empty."
    assert str(InvalidInput(i18n.gettext("is empty."), municipality="5001")) == "Kommune 5001: er tom."


def test_a_marked_constant_is_not_translated_until_shown():
    assert i18n.gettext_noop("the value is missing.") == "the value is missing."
