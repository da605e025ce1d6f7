"""The rule registry: each cause and each red flag is one registered function.

Modelled on a registry of checker classes: a decorator records the rule's stable code, its
category, the data series it reads, the thresholds it compares against and the article section
it encodes. The engine runs the registry; the docs page is rendered from it.

A rule returns ``Found`` (a cause is likely), ``Raised`` (a red flag), ``Gap`` (its data is
missing, a human sentence) or ``None`` (data present, nothing to report).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from ..metrics import as_reported

CATEGORIES = ("training", "technique", "lifestyle", "medical", "neuromuscular")
SEVERITIES = ("emergency", "urgent", "soon", "warning")  # most pressing first
# a medical referral; "warning" is a note for the coach that sends nobody to a doctor
REFERRAL_SEVERITIES = ("emergency", "urgent", "soon")
LEVELS = ("cause", "watch")  # cause: a likely cause (ranked, flagged); watch: worth a look
# 'no cause found' for unexplained weakness means no cause of these categories
EXPLAINING_CATEGORIES = ("training", "lifestyle")


@dataclass(frozen=True, slots=True)
class Found:
    """A finding. ``level`` is ``cause`` (beyond noise and persisting: ranked, flagged, e-mailed)
    or ``watch`` (a signal worth a look, never flagged). ``recommendations`` defaults to every
    code the rule declares. ``advice`` holds the athlete's numbers the recommendation texts
    are written with (field names of ``Strategy.template``, e.g. ``deload_sets_per_week``);
    a strategy whose numbers are missing falls back to its plain words."""

    score: float
    evidence: dict
    recommendations: tuple[str, ...] | None = None
    level: str = "cause"
    advice: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Raised:
    """A red flag: a reason to see a medical professional."""

    severity: str
    evidence: dict
    advice: str = ""  # replaces the registered advice when this case needs its own words


@dataclass(frozen=True, slots=True)
class Gap:
    """Data the rule needs is missing, said so a coach can act on it."""

    message: str


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    check: Callable
    needs: tuple[str, ...]  # snapshot series the rule reads; it can only fire with one present
    metric: str
    thresholds: tuple[str, ...]
    article: str
    category: str = "red_flag"
    recommends: tuple[str, ...] = ()
    severity: str = ""  # red flags: the usual severity, for the docs
    advice: str = ""  # red flags: what to tell the athlete
    source: str = ""  # red flags: the clinical guidance the rule follows
    after_others: bool = False  # needs the other causes' findings: called with them
    defers_to: tuple[str, ...] = ()  # causes that, when also found, explain this one better


CAUSES: dict[str, Rule] = {}
RED_FLAGS: dict[str, Rule] = {}


def rule(
    code: str,
    *,
    category: str,
    needs: tuple[str, ...],
    metric: str,
    thresholds: tuple[str, ...],
    article: str,
    recommends: tuple[str, ...],
    after_others: bool = False,
    defers_to: tuple[str, ...] = (),
) -> Callable:
    """Register a cause rule under its stable code."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}")

    def register(check: Callable) -> Callable:
        _add(
            CAUSES,
            Rule(
                code,
                check,
                needs,
                metric,
                tuple(dict.fromkeys(thresholds)),  # shared groups may repeat a key
                article,
                category,
                recommends,
                after_others=after_others,
                defers_to=defers_to,
            ),
        )
        return check

    return register


def red_flag(
    code: str,
    *,
    needs: tuple[str, ...],
    metric: str,
    thresholds: tuple[str, ...],
    article: str,
    severity: str,
    advice: str,
    source: str,
    after_others: bool = False,
) -> Callable:
    """Register a red-flag rule under its stable code, with the clinical source it follows."""
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")

    def register(check: Callable) -> Callable:
        _add(
            RED_FLAGS,
            Rule(
                code,
                check,
                needs,
                metric,
                thresholds,
                article,
                severity=severity,
                advice=advice,
                source=source,
                after_others=after_others,
            ),
        )
        return check

    return register


def _add(table: dict[str, Rule], entry: Rule) -> None:
    if entry.code in CAUSES or entry.code in RED_FLAGS:
        raise ValueError(f"rule {entry.code!r} registered twice")
    table[entry.code] = entry


def ordered_causes() -> list[Rule]:
    """Cause rules in the DESIGN.md order (by category, then as declared in their module)."""
    return sorted(CAUSES.values(), key=lambda entry: CATEGORIES.index(entry.category))


def found_in(found: Mapping[str, Found], categories: tuple[str, ...]) -> list[str]:
    """Codes of the found causes that belong to any of ``categories``."""
    return [code for code in found if code in CAUSES and CAUSES[code].category in categories]


# --- scores and evidence ----------------------------------------------------------------------


def score(severity: float, support: float) -> float:
    """A finding's score in [0.2, 1].

    ``severity`` (0 at the threshold, 1 at the rule's full-score point) sets 0.4-1.0;
    ``support`` (share of the data a confident call would use) scales it by 0.5-1.0. So a
    finding just past its threshold on thin data scores about 0.2, a far-off one on full data 1.
    """
    severity = min(1.0, max(0.0, severity))
    support = min(1.0, max(0.0, support))
    return round((0.4 + 0.6 * severity) * (0.5 + 0.5 * support), 3)


def beyond(value: float, limit: float, full_at: float) -> float:
    """How far ``value`` lies above ``limit`` as a share of ``full_at`` (severity above)."""
    return (value - limit) / full_at if full_at > 0 else 1.0


def short_of(value: float, limit: float, full_at: float) -> float:
    """How far ``value`` lies below ``limit`` as a share of ``full_at`` (severity below)."""
    return (limit - value) / full_at if full_at > 0 else 1.0


def clean_evidence(evidence: Mapping[str, object]) -> dict:
    """Evidence ready for JSON: floats rounded, tuples as lists, dates as ISO strings."""
    out = {}
    for key, value in evidence.items():
        kind = type(value)
        if kind in _KEPT_AS_IS:
            out[key] = value
        elif kind is float:
            out[key] = as_reported(value)
        else:
            out[key] = _clean(value)
    return out


# Exact types evidence keeps unchanged (the common case, looked up before ``_clean``'s checks;
# bool is not among them: it becomes 0 or 1).
_KEPT_AS_IS = frozenset({int, str, type(None)})


def _clean(value: object) -> object:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return as_reported(value)
    if isinstance(value, (int, str)) or value is None:
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return [_clean(item) for item in items]
    return str(value)
