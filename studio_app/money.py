"""Money: stored as integer fen (分), shown and typed as yuan (元). The one place that converts."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def fen_to_yuan(fen: int | float) -> float:
    return float(fen) / 100.0


def yuan_to_fen(yuan: float | int | str | Decimal) -> int:
    """Round half up to the fen, as a till does (``0.005`` yuan is 1 fen); ``ValueError`` on non-numbers."""
    try:
        amount = Decimal(str(yuan).strip())
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {yuan!r}") from exc
    if not amount.is_finite():
        raise ValueError(f"not an amount: {yuan!r}")
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_yuan(fen: int | float | None, symbol: str = "¥", decimals: int = 2) -> str:
    """``123456`` fen → ``¥1,234.56``; None → ``–``."""
    if fen is None:
        return "–"
    return f"{symbol}{fen_to_yuan(fen):,.{decimals}f}"
