"""Small helpers the rule modules share: gap sentences, plain means, persistence and the
found causes that explain weakness away."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from ..thresholds import Thresholds
from .registry import CAUSES, Found, Gap


@functools.lru_cache(maxsize=1024)
def no_data(what: str, days: int) -> Gap:
    """'no sleep check-ins in the last 14 days' (a Gap is immutable: one per sentence)."""
    return Gap(f"no {what} in the last {days} days")


def too_few(what: str, have: int, need: int, days: int) -> Gap:
    """'no sleep check-ins in the last 14 days' or 'only 3 ... (5 needed)'."""
    if have == 0:
        return no_data(what, days)
    return Gap(f"only {have} {what} in the last {days} days ({need} needed)")


def not_a_number(what: str, days: int) -> Gap:
    """A gap for check-ins whose values are not finite numbers (never a crash)."""
    return Gap(f"{what} in the last {days} days are not all finite numbers")


def average(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values)


class Persistence(NamedTuple):
    """How a daily signal spreads over a window: ``days_past`` of ``days`` logged days are past
    the line, and the first and last of them are ``span_days`` apart (both included). A
    named tuple: several are built every run, and it is cheaper to build than a dataclass."""

    days: int
    days_past: int
    span_days: int

    @property
    def share_pct(self) -> float:
        return self.days_past * 100.0 / self.days if self.days else 0.0

    def most_days(self, min_pct: float) -> bool:
        """More than ``min_pct`` % of the logged days are past the line."""
        return self.share_pct > min_pct

    def persists(self, t: Thresholds, min_pct: float | None = None) -> bool:
        """Most logged days past the line, and not within one week only (science.md
        revisions: 'most days of two weeks'; 'chronic means weeks')."""
        share = t.persist_days_min_pct if min_pct is None else min_pct
        return self.most_days(share) and self.span_days >= t.persist_min_span_days


def persistence(entries: Sequence, past_line: Callable[[object], bool]) -> Persistence:
    """Count the dated ``entries`` for which ``past_line(entry)`` holds, and their spread."""
    past = [entry.date for entry in entries if past_line(entry)]
    span = (past[-1] - past[0]).days + 1 if past else 0
    return Persistence(len(entries), len(past), span)


def causes_in(found: Mapping[str, Found], categories: tuple[str, ...]) -> list[str]:
    """Codes of the found *causes* (level ``cause``) in any of ``categories``: a watch item
    does not explain weakness away."""
    return [
        code
        for code, hit in found.items()
        if hit.level == "cause" and code in CAUSES and CAUSES[code].category in categories
    ]


def round_up(value: float, step: float) -> float:
    """``value`` rounded up to a whole number of ``step`` (advice in practical units)."""
    return math.ceil(round(value / step, 9)) * step if value > 0 else 0.0


def every_week_below(series, field: str, line: float, days: int, week_days: int) -> bool:
    """Whether each ``week_days``-day week of the last ``days`` days has entries and a mean of
    ``field`` below ``line``: a shortfall of two weeks, not one bad week averaged in."""
    for ending in range(0, days - week_days + 1, week_days):
        values = [getattr(entry, field) for entry in series.window(week_days, ending)]
        if not values or sum(values) / len(values) >= line:
            return False
    return True
