"""``run(snapshot) -> Result``: every rule over one athlete, red flags first.

Order of work: the cause rules (training, technique, lifestyle, neuromuscular), then the rules
that need their results (``possible_medical_condition``), then the red flags. A finding that a
better-placed cause explains (``defers_to``) is scored down. Conflicting advice is resolved
next (``resolve_conflicts``): one run never advises lightening the load and adding to it at
once. Findings are sorted by level (causes first), then score, highest first; on equal scores
the DESIGN.md order decides. The window reported is the longest span any rule reads, ending on
``as_of`` (both days included).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from . import facts, recommendations
from .rules import CAUSES, RED_FLAGS, Found, Gap, Raised
from .rules.red_flags import advice_text
from .rules.registry import (
    LEVELS,
    REFERRAL_SEVERITIES,
    SEVERITIES,
    clean_evidence,
    ordered_causes,
)
from .snapshot import Snapshot
from .thresholds import RULESET_VERSION, Thresholds

SEVERITY_ORDER = {severity: rank for rank, severity in enumerate(SEVERITIES)}
CAUSES_IN_ORDER = ordered_causes()


@dataclass(frozen=True, slots=True)
class Finding:
    cause: str
    category: str
    score: float
    evidence: dict
    recommendations: tuple[recommendations.Recommendation, ...]
    level: str = "cause"  # cause | watch


@dataclass(frozen=True, slots=True)
class RedFlag:
    code: str
    severity: str  # emergency | urgent | soon | warning (a note, no referral)
    evidence: dict
    advice: str


@dataclass(frozen=True, slots=True)
class Result:
    athlete_id: int
    as_of: date
    ruleset_version: str
    window_start: date
    window_end: date
    weakness_type: str  # true | perceived | none | undetermined
    red_flags: tuple[RedFlag, ...]
    findings: tuple[Finding, ...]
    data_gaps: tuple[str, ...]
    training_advice_secondary: bool
    phases: tuple[facts.PhaseUsed, ...] = ()  # coach-set and detected, as the rules used them

    def to_dict(self) -> dict:
        """The API's analysis-run shape, minus the id, athlete and created_at Django adds."""
        return {
            "ruleset_version": self.ruleset_version,
            "window": {"start": self.window_start.isoformat(), "end": self.window_end.isoformat()},
            "weakness_type": self.weakness_type,
            "red_flags": [
                {"code": f.code, "severity": f.severity, "evidence": f.evidence, "advice": f.advice}
                for f in self.red_flags
            ],
            "findings": [
                {
                    "cause": f.cause,
                    "category": f.category,
                    "level": f.level,
                    "score": f.score,
                    "evidence": f.evidence,
                    "recommendations": [r.to_dict() for r in f.recommendations],
                }
                for f in self.findings
            ],
            "data_gaps": list(self.data_gaps),
            "training_advice_secondary": self.training_advice_secondary,
            "phases": [p.to_dict() for p in self.phases],
        }


def run(snapshot: Snapshot) -> Result:
    """Analyse one athlete. Never raises for missing data: gaps are reported instead."""
    s, t = snapshot, snapshot.thresholds
    gaps: list[str] = []
    found: dict[str, Found] = {}
    for phase in (False, True):
        for rule in CAUSES_IN_ORDER:
            if rule.after_others is phase:
                outcome = rule.check(s, t, found) if phase else rule.check(s, t)
                _collect(rule.code, outcome, found, gaps)
    resolve_conflicts(found)
    flags: dict[str, Raised] = {}
    no_reports = not s.symptoms.last(t.symptom_window_days)
    for rule in RED_FLAGS.values():
        if no_reports and rule.needs == ("symptoms",):
            continue  # it reads symptom reports alone: without one it could only report a gap
        outcome = rule.check(s, t, found) if rule.after_others else rule.check(s, t)
        if no_reports and isinstance(outcome, Gap) and "symptoms" in rule.needs:
            continue  # no symptom report means nothing to report, not missing data
        _collect(rule.code, outcome, flags, gaps)
    red_flags = _red_flags(flags)
    lookback = facts.lookback_days(t)
    result = Result(
        athlete_id=s.profile.athlete_id,
        as_of=s.as_of,
        ruleset_version=RULESET_VERSION,
        window_start=s.as_of - timedelta(days=lookback - 1),
        window_end=s.as_of,
        weakness_type=classify_weakness(s, t),
        red_flags=red_flags,
        findings=_findings(s, t, found),
        data_gaps=tuple(dict.fromkeys(gaps)),
        training_advice_secondary=any(f.severity in REFERRAL_SEVERITIES for f in red_flags),
        phases=facts.phases(s),
    )
    # The shared facts served this run; dropping them keeps a batch of snapshots light
    # (less memory, and less for the garbage collector to scan while the batch runs).
    s.cache.clear()
    return result


# (winner, loser): when both are found, the loser's advice would contradict the winner's (a
# deload or a gentle ramp-up against more volume or load). The winner keeps its level; the loser
# becomes a watch item without its load-raising advice, and its evidence says why.
PRECEDENCE: tuple[tuple[str, str], ...] = (
    ("overtraining", "inadequate_volume_frequency"),
    ("overtraining", "insufficient_progressive_overload"),
    ("return_ramp_up", "inadequate_volume_frequency"),
    ("return_ramp_up", "insufficient_progressive_overload"),
)


# Winners that change the loser's advice but not its level: a planned ramp-up after a break
# says how to add work back, it does not make a shortfall that predates the break less real.
ADVICE_ONLY_WINNERS = frozenset({"return_ramp_up"})

# (first, second): two pieces of advice that cannot stand together although neither is about
# lightening the whole week. The finding at the higher level keeps its advice; on equal levels
# the first wins. Clean technique comes before heavier loads (NSCA, Haff & Triplett 2016: load
# is progressed only while technique holds; source article: 'reduce the weight and focus on
# proper technique').
ADVICE_CONFLICTS: tuple[tuple[str, str], ...] = (("start_lighter", "progressive_overload"),)


def resolve_conflicts(found: dict[str, Found]) -> None:
    """Make one run's advice consistent, in place.

    First the explicit ``PRECEDENCE`` pairs and ``ADVICE_CONFLICTS``; then, as a backstop for
    any pair not listed, a finding advising more load or volume (``direction == "more"``, e.g.
    progressive overload, more volume, plyometrics) loses that advice while any finding
    advises less (a deload, a ramp-up), and is kept as a watch item with the reason in its
    evidence.
    """
    for winner, loser in PRECEDENCE:
        if winner in found and loser in found:
            keep = winner in ADVICE_ONLY_WINNERS
            found[loser] = _yield_to(found[loser], CAUSES[loser].recommends, winner, keep)
    for first, second in ADVICE_CONFLICTS:
        _resolve_advice_pair(found, first, second)
    lighter = [code for code, hit in found.items() if "less" in _directions(code, hit)]
    if not lighter:
        return
    for code, hit in list(found.items()):
        if code not in lighter and "more" in _directions(code, hit):
            keep = all(c in ADVICE_ONLY_WINNERS for c in lighter)
            found[code] = _yield_to(hit, CAUSES[code].recommends, lighter[0], keep)


def _resolve_advice_pair(found: dict[str, Found], first: str, second: str) -> None:
    firsts = [code for code, hit in found.items() if first in _recommended(code, hit)]
    seconds = [code for code, hit in found.items() if second in _recommended(code, hit)]
    if not firsts or not seconds:
        return

    def cause_level(codes: list[str]) -> bool:
        return any(found[code].level == "cause" for code in codes)

    if cause_level(seconds) and not cause_level(firsts):
        winners, losers, dropped = seconds, firsts, first
    else:
        winners, losers, dropped = firsts, seconds, second
    winner = next((c for c in winners if found[c].level == "cause"), winners[0])
    for code in losers:
        hit = found[code]
        kept = tuple(c for c in _recommended(code, hit) if c != dropped)
        evidence = {**hit.evidence, "deferred_to": winner}
        found[code] = replace(hit, level="watch", recommendations=kept, evidence=evidence)


def _recommended(code: str, hit: Found) -> tuple[str, ...]:
    if hit.recommendations is not None:
        return hit.recommendations
    return CAUSES[code].recommends if code in CAUSES else ()


def _directions(code: str, hit: Found) -> set[str]:
    return {recommendations.direction(c) for c in _recommended(code, hit)}


def _yield_to(
    hit: Found, declared: tuple[str, ...], winner: str, keep_level: bool = False
) -> Found:
    codes = hit.recommendations if hit.recommendations is not None else declared
    kept = tuple(c for c in codes if recommendations.direction(c) != "more")
    evidence = {**hit.evidence, "deferred_to": winner}
    level = hit.level if keep_level else "watch"
    return replace(hit, level=level, recommendations=kept, evidence=evidence)


def _collect(code: str, outcome: object, hits: dict, gaps: list[str]) -> None:
    if isinstance(outcome, Gap):
        gaps.append(outcome.message)
    elif outcome is not None:
        hits[code] = outcome


def _findings(s: Snapshot, t: Thresholds, found: dict[str, Found]) -> tuple[Finding, ...]:
    findings = []
    for rule in CAUSES_IN_ORDER:
        hit = found.get(rule.code)
        if hit is None:
            continue
        evidence = clean_evidence(hit.evidence)
        score = hit.score
        explained_by = [code for code in rule.defers_to if code in found]
        if explained_by:
            score = round(score * t.deferred_score_factor, 3)
            evidence["explained_by"] = explained_by
        codes = hit.recommendations if hit.recommendations is not None else rule.recommends
        findings.append(
            Finding(
                cause=rule.code,
                category=rule.category,
                score=min(1.0, max(0.0, score)),
                evidence=evidence,
                recommendations=recommendations.for_athlete(codes, s.profile, t, hit.advice),
                level=hit.level,
            )
        )
    # Likely causes first, then watch items; each by score (stable: ties keep DESIGN.md order).
    findings.sort(key=lambda f: (LEVELS.index(f.level), -f.score))
    return tuple(findings)


def _red_flags(flags: dict[str, Raised]) -> tuple[RedFlag, ...]:
    out = [
        RedFlag(
            code=code,
            severity=hit.severity,
            evidence=clean_evidence(hit.evidence),
            advice=advice_text(hit.severity, hit.advice or RED_FLAGS[code].advice),
        )
        for code, hit in flags.items()
    ]
    out.sort(key=lambda f: SEVERITY_ORDER[f.severity])
    return tuple(out)


def classify_weakness(s: Snapshot, t: Thresholds) -> str:
    """science.md 'True or perceived weakness', with its revision.

    ``true``: a goal lift's best recent e1RM is well below the weeks before (within one rep
    range, planned light weeks left out), or jump height well below baseline. ``perceived``:
    the athlete feels markedly weak (or far above their own baseline) while objective
    strength holds. ``none``: an objective comparison exists and shows no marked weakness,
    and the athlete does not report feeling weak (no check-ins is not a report of
    weakness). ``undetermined``: no objective comparison at all.
    """
    strength = facts.e1rm_drop(s)
    jump = facts.jump_drop(s)
    if facts.strength_dropped(strength, t) or facts.jump_dropped(jump, t):
        return "true"
    felt = [w.perceived_leg_weakness for w in s.wellness.last(t.weakness_recent_window_days)]
    shift = facts.baseline_shift(s, "wellness", "perceived_leg_weakness")
    feels_weak = (felt and sum(felt) / len(felt) >= t.perceived_weakness_min) or (
        shift is not None
        and shift.z > t.baseline_z_max
        and shift.recent_mean - shift.baseline_mean >= t.wellness_rise_min_points
    )
    if strength is None and jump is None:
        return "undetermined"
    return "perceived" if feels_weak else "none"
