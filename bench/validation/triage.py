"""Medical triage histories: otherwise healthy athletes who report a symptom.

Tiers follow science.md's triage table (NHS/Stroke Association FAST; NICE CKS sciatica and
GIRFT 2023 for cauda equina; NICE NG158 for venous thromboembolism; rhabdomyolysis guidance).
Where DESIGN.md names no code for a sign (deep-vein thrombosis, cauda equina, rhabdomyolysis),
only the tier is expected: the code is the engine's to choose. Written before the engine ran.
"""

from __future__ import annotations

from .people import lifter, usual_plan, woman
from .spec import History, Verdict, symptom

TRIAGE = (
    History(
        "triage_sudden_one_sided_weakness",
        "triage",
        "Left leg suddenly weak this morning and getting worse.",
        lifter(
            age_years=52,
            symptoms=(
                symptom(1, onset="sudden", severity=6, side="left", progression="worsening"),
            ),
        ),
        usual_plan(),
        Verdict(
            tier="emergency",
            red_flags=("sudden_weakness",),
            why="Sudden one-sided weakness: possible stroke, call emergency services.",
        ),
    ),
    History(
        "triage_saddle_numbness",
        "triage",
        "Low back pain with numbness between the legs (saddle area).",
        lifter(
            age_years=41,
            symptoms=(
                symptom(
                    1, numbness=True, saddle_numbness=True, back_pain=True, severity=3, side="both"
                ),
            ),
        ),
        usual_plan(),
        Verdict(tier="emergency", why="Saddle numbness: possible cauda equina, emergency."),
    ),
    History(
        "triage_bladder_bowel_change",
        "triage",
        "Back and right leg pain for four days, and new trouble passing urine.",
        woman(
            age_years=37,
            symptoms=(
                symptom(
                    2,
                    bladder_bowel_change=True,
                    back_pain=True,
                    pain=True,
                    pain_days=4,
                    pain_improves_with_rest=False,
                    severity=4,
                    side="right",
                ),
            ),
        ),
        usual_plan(),
        Verdict(
            tier="emergency",
            why="New bladder change with back and leg symptoms: cauda equina, emergency.",
        ),
    ),
    History(
        "triage_calf_pain_with_swelling",
        "triage",
        "Right calf painful and swollen for three days, since a long flight.",
        woman(
            age_years=46,
            symptoms=(
                symptom(
                    1,
                    pain=True,
                    pain_days=3,
                    side="right",
                    swelling=True,
                    severity=2,
                    context="calf sore and swollen since a 10-hour flight",
                ),
            ),
        ),
        usual_plan(),
        Verdict(tier="urgent", why="One-sided calf pain with swelling: possible DVT, same day."),
    ),
    History(
        "triage_tingling_both_feet",
        "triage",
        "Tingling in both feet for a week, no weakness.",
        lifter(
            age_years=48,
            symptoms=(symptom(3, tingling=True, side="both", severity=1, progression="stable"),),
        ),
        usual_plan(),
        Verdict(
            tier="urgent",
            red_flags=("sensory_symptoms",),
            why="Sensory symptoms in both legs: urgent.",
        ),
    ),
    History(
        "triage_numbness_with_weakness",
        "triage",
        "Numb left shin with a weak left leg, slowly worse over a week.",
        woman(
            age_years=33,
            symptoms=(symptom(2, numbness=True, severity=5, side="left", progression="worsening"),),
        ),
        usual_plan(),
        Verdict(
            tier="urgent",
            red_flags=("sensory_symptoms",),
            why="Numbness together with weakness: urgent.",
        ),
    ),
    History(
        "triage_resolved_numbness_long_drive",
        "triage",
        "Outer thigh went numb on a 5-hour drive; gone by the next morning.",
        lifter(
            age_years=35,
            symptoms=(
                symptom(
                    2,
                    numbness=True,
                    side="right",
                    resolved=True,
                    progression="improving",
                    explained_by="long drive",
                    context="numb outer thigh after a 5-hour drive, gone next morning",
                ),
            ),
        ),
        usual_plan(),
        Verdict(tier="none", why="Resolved and explained by its context: a note, no referral."),
    ),
    History(
        "triage_persistent_pain_not_easing",
        "triage",
        "Left knee pain for 12 days that does not ease with rest.",
        woman(
            age_years=29,
            symptoms=(
                symptom(
                    1,
                    pain=True,
                    pain_days=12,
                    pain_improves_with_rest=False,
                    severity=3,
                    side="left",
                    progression="stable",
                ),
            ),
        ),
        usual_plan(),
        Verdict(
            tier="soon",
            red_flags=("persistent_pain",),
            why="Pain beyond a week that rest does not help: see someone soon.",
        ),
    ),
    History(
        "triage_severe_weakness_8",
        "triage",
        "Both legs feel very weak (8/10) for a few days, getting worse.",
        lifter(
            age_years=44, symptoms=(symptom(1, severity=8, side="both", progression="worsening"),)
        ),
        usual_plan(),
        Verdict(
            tier="urgent",
            red_flags=("severe_weakness",),
            why="Severe weakness: medical assessment before any training.",
        ),
    ),
    History(
        "triage_suspected_condition",
        "triage",
        "Suspects an underactive thyroid; GP appointment booked.",
        woman(
            age_years=50, symptoms=(symptom(3, severity=4, suspected_condition="hypothyroidism"),)
        ),
        usual_plan(),
        Verdict(
            ("possible_medical_condition",),
            tier="soon",
            red_flags=("suspected_medical_condition",),
            why="A suspected condition: a doctor confirms or rules it out.",
        ),
    ),
    History(
        "triage_dark_urine_severe_pain",
        "triage",
        "Cola-coloured urine and severe muscle pain after a 100-rep squat challenge.",
        lifter(
            age_years=23,
            checkin_rate=0.95,
            urine_rate=0.95,
            recent=(("urine", 7.8, 3), ("soreness", 9.0, 3), ("weakness", 5.0, 3)),
            symptoms=(
                symptom(
                    1,
                    pain=True,
                    pain_days=2,
                    severity=6,
                    side="both",
                    context="100-rep squat challenge three days ago",
                ),
            ),
        ),
        usual_plan(),
        Verdict(tier="urgent", why="Possible exertional rhabdomyolysis: doctor the same day."),
    ),
    History(
        "triage_unexplained_weakness_18_days",
        "triage",
        "Legs feel weak (about 7/10) on most days for 18 days; sleep, food, training normal.",
        woman(age_years=42, checkin_rate=0.95, nutrition_rate=0.8, recent=(("weakness", 7.2, 18),)),
        usual_plan(),
        Verdict(
            ("possible_medical_condition",),
            tier="soon",
            red_flags=("unexplained_weakness",),
            why="Weeks of weakness with no training or lifestyle reason: see a doctor.",
        ),
    ),
    History(
        "triage_tingling_one_foot_mild",
        "triage",
        "Mild tingling in the left foot for four days, no weakness.",
        lifter(
            age_years=39,
            symptoms=(symptom(4, tingling=True, side="left", severity=0, progression="stable"),),
        ),
        usual_plan(),
        Verdict(
            tier="soon",
            red_flags=("sensory_symptoms",),
            why="One-sided sensory symptom without weakness: soon.",
        ),
    ),
    History(
        "triage_pain_easing_with_rest",
        "triage",
        "Tweaked a hamstring sprinting 9 days ago; easing with rest.",
        lifter(
            age_years=24,
            goal="power",
            sport="football",
            symptoms=(
                symptom(
                    2,
                    pain=True,
                    pain_days=9,
                    pain_improves_with_rest=True,
                    severity=2,
                    side="right",
                    progression="improving",
                    context="tweaked hamstring sprinting",
                ),
            ),
        ),
        usual_plan(),
        Verdict(tier="none", why="A strain getting better with rest: no referral."),
    ),
    History(
        "triage_sore_calves_both_sides",
        "triage",
        "Both calves sore for two days after the first hill sprints in months; no swelling.",
        woman(
            age_years=31,
            symptoms=(
                symptom(
                    1,
                    pain=True,
                    pain_days=2,
                    side="both",
                    severity=2,
                    context="first hill sprints in months",
                ),
            ),
        ),
        usual_plan(),
        Verdict(tier="none", why="Delayed-onset soreness on both sides: no referral."),
    ),
)
