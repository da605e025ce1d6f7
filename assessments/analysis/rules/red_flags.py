"""Red flags (article: 'When to Seek Professional Medical Advice').

The engine never diagnoses. Each flag says plainly that a medical professional should look,
and any red flag puts the training advice second. Symptom reports count when they are recent
(``symptom_window_days``).
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import facts
from ..snapshot import Snapshot, SymptomReport
from ..thresholds import Thresholds
from .common import no_data
from .registry import EXPLAINING_CATEGORIES, Found, Gap, Raised, found_in, red_flag

SYMPTOMS = "symptom report"
SENSORY = ("numbness", "tingling", "loss_of_sensation")

URGENCY = {
    "urgent": "Stop leg training and get medical care today.",
    "soon": "Book an appointment with a doctor or physical therapist in the next few days.",
}


DARK_URINE_ADVICE = (
    "Very dark, cola-coloured urine with severe muscle pain after training needs a doctor "
    "the same day; no training until then."
)


def advice_text(severity: str, advice: str) -> str:
    """The advice a red flag carries: how soon, then why."""
    return f"{URGENCY[severity]} {advice}"


def _recent(s: Snapshot, t: Thresholds) -> tuple[SymptomReport, ...]:
    return s.symptoms.last(t.symptom_window_days)


def _reported(reports: list[SymptomReport], **evidence: object) -> dict:
    return {"reports": len(reports), "latest_report": reports[-1].date, **evidence}


@red_flag(
    "sudden_weakness",
    needs=("symptoms",),
    severity="urgent",
    metric="a recent symptom report with sudden onset",
    thresholds=("symptom_window_days",),
    article="leg weakness that is sudden",
    advice="Weakness that comes on suddenly needs a same-day medical assessment; call "
    "emergency services if the face, arm or speech are affected too.",
)
def sudden_weakness(s: Snapshot, t: Thresholds) -> Raised | Gap | None:
    """Sudden weakness can be neurological or vascular: same-day care."""
    recent = _recent(s, t)
    if not recent:
        return no_data(SYMPTOMS, t.symptom_window_days)
    sudden = [r for r in recent if r.onset == "sudden"]
    if not sudden:
        return None
    return Raised("urgent", _reported(sudden, max_severity=max(r.severity for r in sudden)))


@red_flag(
    "severe_weakness",
    needs=("symptoms",),
    severity="urgent",
    metric="weakness severity (0-10) on a recent symptom report",
    thresholds=("symptom_window_days", "severe_weakness_min"),
    article="leg weakness that is severe",
    advice="Weakness this strong needs a medical assessment before any more training.",
)
def severe_weakness(s: Snapshot, t: Thresholds) -> Raised | Gap | None:
    """Severe weakness (>= 8/10) is not a training problem until a doctor says so."""
    recent = _recent(s, t)
    if not recent:
        return no_data(SYMPTOMS, t.symptom_window_days)
    severe = [r for r in recent if r.severity >= t.severe_weakness_min]
    if not severe:
        return None
    return Raised(
        "urgent",
        _reported(
            severe,
            max_severity=max(r.severity for r in severe),
            threshold_severity=t.severe_weakness_min,
        ),
    )


@red_flag(
    "sensory_symptoms",
    needs=("symptoms",),
    severity="urgent",
    metric="numbness, tingling or loss of sensation on a recent symptom report; urgent with "
    "loss of sensation or marked weakness, otherwise soon",
    thresholds=("symptom_window_days", "sensory_urgent_min_severity"),
    article="accompanied by numbness, tingling, or loss of sensation",
    advice="Numbness, tingling or loss of feeling in the legs needs a doctor to check the "
    "nerves; go to emergency care at once if the groin or buttocks feel numb or bladder or "
    "bowel control changes.",
)
def sensory_symptoms(s: Snapshot, t: Thresholds) -> Raised | Gap | None:
    """Sensory change points to nerve involvement (e.g. a compressed nerve root)."""
    recent = _recent(s, t)
    if not recent:
        return no_data(SYMPTOMS, t.symptom_window_days)
    sensory = [r for r in recent if r.numbness or r.tingling or r.loss_of_sensation]
    if not sensory:
        return None
    urgent = any(
        r.loss_of_sensation or r.severity >= t.sensory_urgent_min_severity for r in sensory
    )
    symptoms = sorted({name for r in sensory for name in SENSORY if getattr(r, name)})
    return Raised(
        "urgent" if urgent else "soon",
        _reported(
            sensory,
            symptoms=symptoms,
            max_severity=max(r.severity for r in sensory),
            threshold_urgent_severity=t.sensory_urgent_min_severity,
        ),
    )


@red_flag(
    "persistent_pain",
    needs=("symptoms",),
    severity="soon",
    metric="pain reported for at least the minimum days that does not ease with rest "
    "(or whose response to rest is not reported)",
    thresholds=("symptom_window_days", "persistent_pain_min_days"),
    article="persistent pain that doesn't improve with rest",
    advice="Pain that has lasted a week or more without easing with rest should be examined; "
    "do not train through it in the meantime.",
)
def persistent_pain(s: Snapshot, t: Thresholds) -> Raised | Gap | None:
    """Lasting pain unrelieved by rest suggests an injury or a non-mechanical cause."""
    recent = _recent(s, t)
    if not recent:
        return no_data(SYMPTOMS, t.symptom_window_days)
    painful = [r for r in recent if r.pain]
    lasting = [
        r
        for r in painful
        if r.pain_days is not None
        and r.pain_days >= t.persistent_pain_min_days
        and r.pain_improves_with_rest is not True
    ]
    if lasting:
        return Raised(
            "soon",
            _reported(
                lasting,
                pain_days=max(r.pain_days for r in lasting),
                threshold_days=t.persistent_pain_min_days,
                improves_with_rest=_rest_answer(lasting[-1]),
            ),
        )
    if any(r.pain_days is None for r in painful):
        return Gap("pain reported without how many days it has lasted")
    return None


def _rest_answer(report: SymptomReport) -> str:
    return {False: "no", None: "not reported"}.get(report.pain_improves_with_rest, "yes")


@red_flag(
    "unexplained_weakness",
    needs=("wellness",),
    severity="soon",
    metric="perceived leg weakness marked on most days of the window, no training or "
    "lifestyle cause found, and no explanation on a recent symptom report",
    thresholds=(
        "persistent_weakness_min",
        "persistent_weakness_window_days",
        "persistent_weakness_min_days",
        "symptom_window_days",
    ),
    article="leg weakness that is unexplained",
    advice="Weakness that has lasted for weeks without a training or lifestyle reason "
    "should be checked by a doctor.",
    after_others=True,
)
def unexplained_weakness(
    s: Snapshot, t: Thresholds, found: Mapping[str, Found]
) -> Raised | Gap | None:
    """Weakness with no reason found, unlike the finding, is raised even when some data are
    missing: the flag errs on the side of a check-up and lists what was not checked."""
    days = t.persistent_weakness_window_days
    weakness = facts.persistent_weakness(s)
    if weakness is None:
        return no_data("wellness check-ins", days)
    if not facts.is_persistent(weakness, t) or found_in(found, EXPLAINING_CATEGORIES):
        return None
    if any(r.explained for r in _recent(s, t)):
        return None
    unchecked = facts.unchecked_causes_data(s, days)
    return Raised(
        "soon",
        {
            "mean_perceived_weakness": weakness.mean_weakness,
            "days_with_marked_weakness": weakness.marked_days,
            "threshold_weakness": t.persistent_weakness_min,
            "threshold_days": t.persistent_weakness_min_days,
            "not_checked": unchecked,
            "days": days,
        },
    )


@red_flag(
    "suspected_medical_condition",
    needs=("symptoms", "wellness"),
    severity="soon",
    metric="a suspected condition on a recent symptom report; urgent when very dark urine "
    "and severe muscle pain coincide (possible exertional muscle breakdown)",
    thresholds=(
        "symptom_window_days",
        "rhabdo_urine_colour_min",
        "rhabdo_pain_min",
        "rhabdo_window_days",
    ),
    article="you suspect an underlying medical condition",
    advice="A suspected medical condition should be confirmed or ruled out by a doctor; "
    "share the training and check-in history with them.",
)
def suspected_medical_condition(s: Snapshot, t: Thresholds) -> Raised | Gap | None:
    """Athlete or coach suspects a condition; or the data show the warning signs of muscle
    breakdown after hard training (science.md), which cannot wait."""
    dark_urine = _dark_urine_with_severe_pain(s, t)
    if dark_urine:
        return Raised("urgent", dark_urine, advice=DARK_URINE_ADVICE)
    recent = _recent(s, t)
    if not recent:
        return no_data(SYMPTOMS, t.symptom_window_days)
    suspected = [r for r in recent if r.suspected]
    if not suspected:
        return None
    return Raised(
        "soon",
        _reported(
            suspected,
            suspected_conditions=sorted({r.suspected for r in suspected}),
        ),
    )


def _dark_urine_with_severe_pain(s: Snapshot, t: Thresholds) -> dict | None:
    days = t.rhabdo_window_days
    wellness = s.wellness.last(days)
    darkest = max((w.urine_colour for w in wellness if w.urine_colour is not None), default=None)
    if darkest is None or darkest < t.rhabdo_urine_colour_min:
        return None
    pain = max(
        [w.soreness for w in wellness] + [r.severity for r in s.symptoms.last(days) if r.pain],
        default=0,
    )
    if pain < t.rhabdo_pain_min:
        return None
    return {
        "pattern": "very_dark_urine_with_severe_muscle_pain",
        "urine_colour": darkest,
        "threshold_urine_colour": t.rhabdo_urine_colour_min,
        "pain": pain,
        "threshold_pain": t.rhabdo_pain_min,
        "days": days,
    }
