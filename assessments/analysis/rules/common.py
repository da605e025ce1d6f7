"""Small helpers the rule modules share: gap sentences and plain means."""

from __future__ import annotations

from collections.abc import Iterable

from .registry import Gap


def no_data(what: str, days: int) -> Gap:
    return Gap(f"no {what} in the last {days} days")


def too_few(what: str, have: int, need: int, days: int) -> Gap:
    """'no sleep check-ins in the last 14 days' or 'only 3 ... (5 needed)'."""
    if have == 0:
        return no_data(what, days)
    return Gap(f"only {have} {what} in the last {days} days ({need} needed)")


def average(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values)
