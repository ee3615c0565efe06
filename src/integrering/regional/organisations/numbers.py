"""Organisation numbers: 8 digits and a mod-11 check digit (weights 3 2 7 6 5 4 3 2)."""

from __future__ import annotations

WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def check_digit(first_eight: str) -> str | None:
    """The check digit of ``first_eight``, or None when no digit makes the number valid (remainder 1)."""
    remainder = sum(int(d) * w for d, w in zip(first_eight, WEIGHTS, strict=True)) % 11
    digit = (11 - remainder) % 11
    return None if digit == 10 else str(digit)


def fictional_orgnr(seed: int, *, start: int = 99_000_000) -> str:
    """A valid 9-digit number from ``seed`` (deterministic; numbers from 99… for demo and test data)."""
    base = start + seed * 7
    while True:
        digit = check_digit(str(base))
        if digit is not None:
            return f"{base}{digit}"
        base += 1
