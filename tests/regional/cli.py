"""Run ``integrering <args>`` as the command line does: an ApplicationError is its message and exit status 2."""

import contextlib
import io
from unittest import mock


def cli(*args: str) -> tuple[int, str, str]:
    """(exit status, standard output, standard error)."""
    from django.core.management import execute_from_command_line

    from integrering.cli import _run_management_command

    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        # A command closes every database connection when it ends; inside a test's transaction on PostgreSQL
        # that would close the test's own connection.
        with (
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
            mock.patch("django.db.connections.close_all"),
        ):
            _run_management_command(execute_from_command_line, ["integrering", *args])
    except SystemExit as exit:
        code = exit.code or 0
    return code, out.getvalue(), err.getvalue()
