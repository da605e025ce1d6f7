"""Red flags (article: 'When to Seek Professional Medical Advice'), triaged as science.md's
triage table says: ``emergency`` (call emergency services), ``urgent`` (medical care today),
``soon`` (a doctor in the next few days) and ``warning`` (a note for the coach, no referral).

The engine never diagnoses. Each flag names the signs it saw and who to see how soon, cites the
clinical guidance it follows (``source``), and any referral puts the training advice second.
Symptom reports count when they are recent (``symptom_window_days``). Free text (context,
explanations) is never copied into the evidence; only whether it was given.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import facts
from ..snapshot import Snapshot, SymptomReport
from ..thresholds import Thresholds
from .common import causes_in, no_data
from .registry import EXPLAINING_CATEGORIES, Found, Gap, Raised, red_flag

SYMPTOMS = "symptom report"
SENSORY = ("numbness", "tingling", "loss_of_sensation")
ONE_SIDE = ("left", "right")

URGENCY = {
    "emergency": "Call emergency services now (999 in the UK, 112 in the EU, 911 in North "
    "America) for emergency medical care; no training.",
    "urgent": "Stop leg training and get medical care today.",
    "soon": "Book an appointment with a doctor or physical therapist in the next few days.",
    "warning": "A note for the coach: no medical referral is needed now.",
}


def advice_text(severity: str, advice: str) -> str:
    """The advice a red flag carries: how soon, then why."""
    return f"{URGENCY[severity]} {advice}"


def _recent(s: Snapshot, t: Thresholds) -> tuple[SymptomReport, ...]:
    return s.symptoms.last(t.symptom_window_days)


def _reported(reports: list[SymptomReport], **evidence: object) -> dict:
    return {"reports": len(reports), "latest_report": reports[-1].date, **evidence}


def _sensory(r: SymptomReport) -> bool:
    return r.numbness or r.tingling or r.loss_of_sensation


def _given(text: str | None) -> bool:
    return bool((text or "").strip())


def _explained_and_resolved(r: SymptomReport, t: Thresholds) -> bool:
    """A passing numbness or tingling with an everyday explanation (a long drive, tight boots):
    gone, explained, in one leg or unsaid, without loss of feeling or marked weakness."""
    return (
        r.resolved
        and (_given(r.context) or _given(r.explained_by))
        and r.side != "both"
        and not r.loss_of_sensation
        and r.severity < t.sensory_urgent_min_severity
    )


FAST_ADVICE = (
    "Sudden weakness or numbness on one side of the body can be a stroke: act FAST (Face "
    "drooping, Arm weakness, Speech difficulty, Time to call)."
)


@red_flag(
    "sudden_weakness",
    needs=("symptoms",),
    severity="urgent",
    metric="a recent symptom report with sudden onset; an emergency when it is on one side "
    "(weakness or numbness) and has not passed",
    thresholds=("symptom_window_days", "sensory_urgent_min_severity"),
    article="leg weakness that is sudden",
    advice="Weakness that comes on suddenly needs a same-day medical assessment, even if it "
    "has passed; call emergency services if the face, arm or speech are affected too.",
    source="NHS and Stroke Association 'Act FAST' (sudden one-sided weakness or numbness: "
    "call emergency services); NICE NG128 (2019) stroke and TIA: a passed episode is assessed "
    "within 24 hours; source article ('sudden')",
)
def sudden_weakness(s: Snapshot, t: Thresholds) -> Raised | Gap | None:
    """Sudden weakness can be neurological or vascular: same-day care; sudden one-sided
    weakness or numbness is a stroke sign until shown otherwise: emergency."""
    recent = _recent(s, t)
    if not recent:
        return no_data(SYMPTOMS, t.symptom_window_days)
    sudden = [r for r in recent if r.onset == "sudden" and not _explained_and_resolved(r, t)]
    if not sudden:
        return None
    one_sided = [
        r
        for r in sudden
        if r.side in ONE_SIDE and not r.resolved and (r.severity > 0 or _sensory(r))
    ]
    evidence = _reported(
        one_sided or sudden,
        max_severity=max(r.severity for r in sudden),
        one_sided=bool(one_sided),
        sides=sorted({r.side or "not said" for r in one_sided or sudden}),
    )
    if one_sided:
        return Raised("emergency", evidence, advice=FAST_ADVICE)
    return Raised("urgent", evidence)


@red_flag(
    "severe_weakness",
    needs=("symptoms",),
    severity="urgent",
    metric="weakness severity (0-10) on a recent symptom report",
    thresholds=("symptom_window_days", "severe_weakness_min"),
    article="leg weakness that is severe",
    advice="Weakness this strong needs a medical assessment before any more training.",
    source="source article ('severe'); NICE CKS sciatica: a severe or progressive "
    "neurological deficit needs urgent assessment",
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


RESOLVED_NUMBNESS_ADVICE = (
    "The numbness or tingling has gone and has an everyday explanation, so no doctor is "
    "needed for it; report it again at once if it returns, spreads to both legs or comes "
    "with weakness."
)


@red_flag(
    "sensory_symptoms",
    needs=("symptoms",),
    severity="urgent",
    metric="numbness, tingling or loss of sensation on a recent symptom report; urgent in "
    "both legs, with loss of sensation, with marked weakness or when worsening, otherwise "
    "soon; a note only (warning) when it has passed and its context explains it",
    thresholds=("symptom_window_days", "sensory_urgent_min_severity"),
    article="accompanied by numbness, tingling, or loss of sensation",
    advice="Numbness, tingling or loss of feeling in the legs needs a doctor to check the "
    "nerves; go to emergency care at once if the groin or buttocks feel numb or bladder or "
    "bowel control changes.",
    source="NICE CKS sciatica (lumbar radiculopathy): bilateral, progressive or marked "
    "neurological symptoms need urgent assessment; science.md triage",
)
def sensory_symptoms(s: Snapshot, t: Thresholds) -> Raised | Gap | None:
    """Sensory change points to nerve involvement (e.g. a compressed nerve root); in both
    legs or with weakness it cannot wait."""
    recent = _recent(s, t)
    if not recent:
        return no_data(SYMPTOMS, t.symptom_window_days)
    sensory = [r for r in recent if _sensory(r)]
    if not sensory:
        return None
    active = [r for r in sensory if not _explained_and_resolved(r, t)]
    if not active:
        return Raised(
            "warning",
            _reported(sensory, symptoms=_sensory_names(sensory), resolved=True, explained=True),
            advice=RESOLVED_NUMBNESS_ADVICE,
        )
    urgent = any(
        r.loss_of_sensation
        or r.side == "both"
        or r.progression == "worsening"
        or r.severity >= t.sensory_urgent_min_severity
        for r in active
    )
    return Raised(
        "urgent" if urgent else "soon",
        _reported(
            active,
            symptoms=_sensory_names(active),
            both_legs=any(r.side == "both" for r in active),
            worsening=any(r.progression == "worsening" for r in active),
            max_severity=max(r.severity for r in active),
            threshold_urgent_severity=t.sensory_urgent_min_severity,
        ),
    )


def _sensory_names(reports: list[SymptomReport]) -> list[str]:
    return sorted({name for r in reports for name in SENSORY if getattr(r, name)})


@red_flag(
    "cauda_equina_signs",
    needs=("symptoms",),
    severity="emergency",
    metric="saddle numbness; or a bladder or bowel change with back pain or leg symptoms; or "
    "back pain with numbness or tingling in both legs (a bladder or bowel change alone: soon)",
    thresholds=("symptom_window_days",),
    article="accompanied by numbness, tingling, or loss of sensation",
    advice="Numbness between the legs or around the bottom, or a change in bladder or bowel "
    "control, with back or leg symptoms can mean pressure on the nerves at the base of the "
    "spine, which needs emergency care now.",
    source="NICE CKS sciatica and suspected cauda equina syndrome (immediate referral); "
    "GIRFT national suspected cauda equina syndrome pathway (2023): emergency assessment",
)
def cauda_equina_signs(s: Snapshot, t: Thresholds) -> Raised | Gap | None:
    """Cauda equina compression must be decompressed within hours to save bladder, bowel and
    leg function; its signs go straight to emergency care."""
    recent = _recent(s, t)
    if not recent:
        return no_data(SYMPTOMS, t.symptom_window_days)
    emergency = [r for r in recent if _cauda_equina_pattern(r)]
    if emergency:
        return Raised(
            "emergency",
            _reported(
                emergency,
                saddle_numbness=any(r.saddle_numbness for r in emergency),
                bladder_bowel_change=any(r.bladder_bowel_change for r in emergency),
                back_pain=any(r.back_pain for r in emergency),
            ),
        )
    bladder = [r for r in recent if r.bladder_bowel_change]
    if not bladder:
        return None
    return Raised(
        "soon",
        _reported(bladder, bladder_bowel_change=True, back_pain=False),
        advice="A change in bladder or bowel habit should be checked by a doctor; go to "
        "emergency care at once if back pain, leg numbness or weakness, or numbness between "
        "the legs follow.",
    )


def _cauda_equina_pattern(r: SymptomReport) -> bool:
    leg_symptoms = r.severity > 0 or r.pain or _sensory(r)
    return (
        r.saddle_numbness
        or (r.bladder_bowel_change and (r.back_pain or leg_symptoms))
        or (r.back_pain and r.side == "both" and _sensory(r))
    )


@red_flag(
    "leg_swelling",
    needs=("symptoms",),
    severity="urgent",
    metric="swelling of one leg (or of a painful leg whose side is not said): urgent, same "
    "day; swelling of both legs, or one that has gone down: soon",
    thresholds=("symptom_window_days",),
    article="you suspect an underlying medical condition",
    advice="A swollen, painful calf on one side needs a doctor today to rule out a blood "
    "clot; do not massage it or train legs until then, and call emergency services if "
    "breathlessness or chest pain appear.",
    source="NICE NG158 (2020) venous thromboembolic diseases: suspected deep vein "
    "thrombosis is assessed (Wells score, D-dimer, ultrasound) the same day",
)
def leg_swelling(s: Snapshot, t: Thresholds) -> Raised | Gap | None:
    """One-sided calf pain with swelling is a deep-vein thrombosis sign (NICE NG158)."""
    recent = _recent(s, t)
    if not recent:
        return no_data(SYMPTOMS, t.symptom_window_days)
    swollen = [r for r in recent if r.swelling]
    if not swollen:
        return None
    same_day = [
        r for r in swollen if not r.resolved and (r.side in ONE_SIDE or (r.side is None and r.pain))
    ]
    reports = same_day or swollen
    evidence = _reported(
        reports,
        sides=sorted({r.side or "not said" for r in reports}),
        pain=any(r.pain for r in reports),
    )
    if same_day:
        return Raised("urgent", evidence)
    return Raised(
        "soon",
        evidence,
        advice="Swelling of both legs, or swelling that has gone down, should be checked by "
        "a doctor; get care the same day if one calf becomes swollen, painful or warm.",
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
    source="source article ('persistent pain that doesn't improve with rest'); NICE CKS "
    "sciatica and low back pain (review when symptoms do not settle)",
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
    "lifestyle cause (at cause level: watch items do not explain it) and no explanation on a "
    "recent symptom report",
    thresholds=(
        "persistent_weakness_min",
        "persistent_weakness_window_days",
        "persistent_weakness_min_days",
        "symptom_window_days",
    ),
    article="leg weakness that is unexplained",
    advice="Weakness that has lasted for weeks without a training or lifestyle reason "
    "should be checked by a doctor.",
    source="source article ('unexplained'); NICE CKS tiredness/fatigue in adults (persistent "
    "unexplained symptoms are examined and tested)",
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
    if not facts.is_persistent(weakness, t) or causes_in(found, EXPLAINING_CATEGORIES):
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
    needs=("symptoms",),
    severity="soon",
    metric="a suspected condition on a recent symptom report",
    thresholds=("symptom_window_days",),
    article="you suspect an underlying medical condition",
    advice="A suspected medical condition should be confirmed or ruled out by a doctor; "
    "share the training and check-in history with them.",
    source="source article ('you suspect an underlying medical condition')",
)
def suspected_medical_condition(s: Snapshot, t: Thresholds) -> Raised | Gap | None:
    """Athlete or coach suspects a condition: a doctor confirms or rules it out."""
    recent = _recent(s, t)
    if not recent:
        return no_data(SYMPTOMS, t.symptom_window_days)
    suspected = [r for r in recent if r.suspected]
    if not suspected:
        return None
    return Raised(
        "soon",
        _reported(suspected, suspected_conditions=sorted({r.suspected for r in suspected})),
    )


@red_flag(
    "dark_urine_with_muscle_pain",
    needs=("wellness", "symptoms"),
    severity="urgent",
    metric="very dark urine and severe muscle pain (soreness or a painful symptom report) "
    "within a few days of each other",
    thresholds=("rhabdo_urine_colour_min", "rhabdo_pain_min", "rhabdo_window_days"),
    article="you suspect an underlying medical condition",
    advice="Very dark, cola-coloured urine with severe muscle pain after training needs a "
    "doctor the same day to check for muscle breakdown that can harm the kidneys; drink "
    "water and do not train until then.",
    source="Kim et al. 2016 (exertional rhabdomyolysis); O'Connor et al. 2020 (CHAMP clinical "
    "practice guideline for exertional rhabdomyolysis)",
)
def dark_urine_with_muscle_pain(s: Snapshot, t: Thresholds) -> Raised | None:
    """Warning signs of exertional muscle breakdown (rhabdomyolysis): same-day care."""
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
    return Raised(
        "urgent",
        {
            "urine_colour": darkest,
            "threshold_urine_colour": t.rhabdo_urine_colour_min,
            "pain": pain,
            "threshold_pain": t.rhabdo_pain_min,
            "sessions": len(s.sessions.last(days)),
            "days": days,
        },
    )
