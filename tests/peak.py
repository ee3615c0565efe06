"""Peak memory of one command, for the tests that bound it (never a timing).

The command runs under a small fresh parent whose only child it is, so ``RUSAGE_CHILDREN`` is the command's own
peak: measured from the test process itself, a forked child's ``ru_maxrss`` starts at the size of the (large)
pytest worker it was forked from, and ``RUSAGE_CHILDREN`` is the largest child the worker ever waited for.
"""

from __future__ import annotations

import subprocess
import sys

_MEASURE = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "sys.stdout.write(r.stdout)\n"
    "sys.stderr.write(r.stderr)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(r.returncode)\n"
)


def run_measured(args: list[str], *, env: dict[str, str], cwd: str | None = None) -> tuple[int, str, str, int]:
    """(exit status, standard output, standard error, peak memory in KB) of ``args`` (ru_maxrss: KB on Linux)."""
    result = subprocess.run([sys.executable, "-c", _MEASURE, *args], env=env, capture_output=True, text=True, cwd=cwd)
    *messages, peak = result.stderr.strip().splitlines()
    return result.returncode, result.stdout, "\n".join(messages), int(peak)
