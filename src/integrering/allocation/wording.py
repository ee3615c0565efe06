"""Numbers written the Norwegian way in messages and explanations."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def norwegian_number(value: float, decimals: int = 1) -> str:
    """``1234.5`` → ``1 234,5`` (Norwegian separators, no-break space)."""
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    return text.replace("-", "−")


def whole(value: int) -> str:
    """``2500`` → ``2 500`` (no-break space), as the quotas are written."""
    if isinstance(value, int):
        return f"{value:,}".replace(",", "\u00a0").replace("-", "−")
    return norwegian_number(value, 0)
