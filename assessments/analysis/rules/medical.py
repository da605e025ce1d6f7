"""Medical cause (article: 'Underlying Medical Conditions'): refer, never diagnose."""

from __future__ import annotations

from collections.abc import Mapping

from .. import facts
from ..snapshot import Snapshot
from ..thresholds import Thresholds
from .common import causes_in, no_data
from .registry import EXPLAINING_CATEGORIES, Found, Gap, beyond, rule, score

WEAKNESS_SCALE_MAX = 10


@rule(
    "possible_medical_condition",
    category="medical",
    needs=("wellness", "symptoms"),
    metric="a suspected condition on a recent symptom report; or perceived leg weakness "
    "marked on most days of the window with sleep, nutrition and training data present and no "
    "training or lifestyle cause found (at cause level: watch items do not explain it)",
    thresholds=(
        "symptom_window_days",
        "persistent_weakness_min",
        "persistent_weakness_window_days",
        "persistent_weakness_min_days",
    ),
    article="Underlying Medical Conditions",
    recommends=("see_doctor",),
    after_others=True,
)
def possible_medical_condition(
    s: Snapshot, t: Thresholds, found: Mapping[str, Found]
) -> Found | Gap | None:
    """Article: anemia, thyroid or neurological problems can cause weakness; when no training
    or lifestyle reason explains lasting weakness, a doctor should look. Only likely causes
    count as reasons: a watch item (sleep a little short, protein below target) does not."""
    reported = [r for r in s.symptoms.last(t.symptom_window_days) if r.suspected]
    if reported:
        return Found(
            score=score(1.0, 1.0),
            evidence={
                "suspected_conditions": sorted({r.suspected for r in reported}),
                "reported_on": reported[-1].date,
                "days": t.symptom_window_days,
            },
        )
    days = t.persistent_weakness_window_days
    weakness = facts.persistent_weakness(s)
    if weakness is None:
        return no_data("wellness check-ins", days)
    if not facts.is_persistent(weakness, t) or causes_in(found, EXPLAINING_CATEGORIES):
        return None
    missing = facts.unchecked_causes_data(s, days)
    if missing:
        return Gap(
            f"lasting leg weakness, but no {', '.join(missing)} data in the last {days} "
            "days to rule out training and lifestyle causes"
        )
    return Found(
        score=score(
            beyond(
                weakness.mean_weakness,
                t.persistent_weakness_min,
                WEAKNESS_SCALE_MAX - t.persistent_weakness_min,
            ),
            weakness.marked_days / days,
        ),
        evidence={
            "mean_perceived_weakness": weakness.mean_weakness,
            "mean_fatigue": weakness.mean_fatigue,
            "days_with_marked_weakness": weakness.marked_days,
            "threshold_weakness": t.persistent_weakness_min,
            "threshold_days": t.persistent_weakness_min_days,
            "days": days,
        },
    )
