"""Histories with one subtle cause, and with two or three causes at once.

Each verdict was written from the story alone, before the engine was run against it. 'Subtle'
means the cause is real and persisting but the data carry everyday noise: partial logging,
whole-number scores, missed sessions.
"""

from __future__ import annotations

from .people import lifter, steady_plan, usual_plan, woman
from .spec import History, Verdict, weeks

SHORT_SLEEP = (("sleep_h", 6.2, 35),)
LOW_PROTEIN = (("protein_g_per_kg", 1.0, 200),)
HIGH_STRESS = (("stress", 7.5, 28),)
DEHYDRATED = (("water_ml_per_kg", 18.0, 8), ("urine", 5.8, 8), ("mass_change_pct", -1.8, 6))
OVERREACHING = (
    weeks("accumulation", 5),
    weeks("deload", 1),
    weeks("accumulation", 5),
    weeks("overreach", 2),
)
NO_GOAL_LIFT = (weeks("accumulation", 7), weeks("accumulation", 6, programme="no_goal_lift"))

SINGLE = (
    History(
        "cause_short_sleep_6_2h",
        "cause",
        "Shift-working lifter sleeping about 6.2 h on most nights for five weeks.",
        lifter(age_years=29, recent=SHORT_SLEEP),
        usual_plan(),
        Verdict(
            ("inadequate_sleep",),
            not_causes=("overtraining",),
            why="Most nights well under 7 h for weeks: sleep is the cause.",
        ),
    ),
    History(
        "cause_low_protein_1_0",
        "cause",
        "Hypertrophy trainee eating about 1.0 g/kg protein for months.",
        woman(age_years=34, body_mass_kg=65.0, recent=LOW_PROTEIN),
        usual_plan(),
        Verdict(
            ("nutritional_deficiency",),
            why="1.0 g/kg is far below the 1.4-2.0 g/kg that supports training.",
        ),
    ),
    History(
        "cause_stalled_eight_weeks",
        "cause",
        "Same squat load, reps and sets every week for three months; strength flat.",
        lifter(age_years=31, fixed_loads=True, weekly_gain_pct=0.0),
        steady_plan(),
        Verdict(
            ("insufficient_progressive_overload",),
            not_causes=("overtraining", "inadequate_volume_frequency"),
            why="Nothing was ever added: a stall from missing overload.",
        ),
    ),
    History(
        "cause_overtraining_real",
        "cause",
        "Two weeks of five hard sessions a week; fatigue and soreness up, e1RM and jump down.",
        lifter(age_years=25, sport="CrossFit"),
        OVERREACHING,
        Verdict(
            ("overtraining",),
            not_causes=(
                "inadequate_volume_frequency",
                "insufficient_progressive_overload",
                "poor_motor_unit_recruitment",
            ),
            why="A load spike confirmed by fatigue, soreness and falling output.",
        ),
    ),
    History(
        "cause_chronic_stress_four_weeks",
        "cause",
        "Four weeks of a stressful job change: stress about 7-8/10 most days.",
        woman(age_years=41, goal="general", recent=HIGH_STRESS),
        usual_plan(),
        Verdict(("chronic_stress",), why="High stress for weeks, not one bad week."),
    ),
    History(
        "cause_low_volume_hypertrophy",
        "cause",
        "Wants bigger legs but trains them once a week with four working sets.",
        lifter(age_years=27, goal="hypertrophy", programme="minimal", sessions_per_week=1),
        steady_plan(),
        Verdict(
            ("inadequate_volume_frequency",),
            not_causes=("overtraining",),
            why="2 sets per muscle a week is far below a hypertrophy dose.",
        ),
    ),
    History(
        "cause_isolation_only",
        "cause",
        "Trains legs on machines only: extensions, curls, bridges, calf raises.",
        woman(age_years=36, goal="general", goal_lifts=(), programme="isolation_only"),
        steady_plan(),
        Verdict(
            ("poor_exercise_selection",), why="No compound leg lift at all: selection is the cause."
        ),
    ),
    History(
        "cause_goal_lift_missing",
        "cause",
        "Wants a bigger squat but has not squatted for six weeks (leg press, lunges, hinges).",
        lifter(age_years=30),
        NO_GOAL_LIFT,
        Verdict(
            ("lack_of_specificity",),
            not_causes=("poor_exercise_selection",),
            why="Compound work is there, the goal lift is not.",
        ),
    ),
    History(
        "cause_hamstring_quadriceps_imbalance",
        "cause",
        "Footballer whose hamstring curl is 45 % of his leg extension on both tests.",
        lifter(age_years=24, goal="power", sport="football", hq_ratio=0.45, jump_cm=44.0),
        usual_plan(),
        Verdict(("muscle_imbalance",), why="H:Q well under 0.6 on repeated tests."),
    ),
    History(
        "cause_left_right_asymmetry",
        "cause",
        "After a knee injury one leg presses 22 % less than the other.",
        woman(age_years=22, goal="strength", asymmetry_pct=22.0, sport="basketball"),
        usual_plan(),
        Verdict(("muscle_imbalance",), why="A 22 % left/right gap on repeated tests."),
    ),
    History(
        "cause_form_flaws",
        "cause",
        "Knees cave and heels lift on every squat screen; tight ankles.",
        lifter(age_years=38, form_flaws=("heel_lift", "knee_valgus"), ankle_cm=8.0),
        usual_plan(),
        Verdict(("suboptimal_form",), why="Two flaws on every screen of the goal lift."),
    ),
    History(
        "cause_compensation_hip_hike",
        "cause",
        "One hip hikes under load on the last two squat screens.",
        woman(
            age_years=44, goal="general", goal_lifts=("back-squat",), compensations=("hip_hike",)
        ),
        usual_plan(),
        Verdict(("compensation_pattern",), why="The same compensation on repeated screens."),
    ),
    History(
        "cause_poor_stability_masters",
        "cause",
        "58-year-old who balances 7 s on one leg, reaches 87 % on the Y-balance, hips wobble.",
        lifter(
            age_years=58,
            training_age_years=4.0,
            squat_1rm_kg=110.0,
            balance_s=7.0,
            y_balance_pct=87.0,
            stability_issues=("hip", "knee"),
            jump_cm=24.0,
        ),
        usual_plan(),
        Verdict(("poor_stability",), why="Balance and reach far below norms, seen on screens."),
    ),
    History(
        "cause_dehydration_hot_week",
        "cause",
        "A hot training week: drinks little, urine dark, morning mass 1.8 % down.",
        lifter(
            age_years=34,
            body_mass_kg=82.0,
            weigh_in_rate=0.9,
            urine_rate=0.9,
            checkin_rate=0.85,
            nutrition_rate=0.8,
            recent=DEHYDRATED,
        ),
        usual_plan(),
        Verdict(("dehydration",), why="Dark urine with morning mass well below baseline."),
    ),
    History(
        "cause_jump_low_and_flat",
        "cause",
        "Strong squatter (2x body mass, still rising) whose jump is low (27 cm) and flat.",
        lifter(
            age_years=28,
            body_mass_kg=90.0,
            squat_1rm_kg=180.0,
            weekly_gain_pct=0.6,
            jump_cm=27.0,
            jump_tracks_strength=False,
        ),
        usual_plan(),
        Verdict(
            ("poor_motor_unit_recruitment",),
            not_causes=("overtraining",),
            why="Output stays low relative to strength over weeks: recruitment.",
        ),
    ),
    History(
        "cause_low_mind_muscle",
        "cause",
        "Cannot feel the quads work: mind-muscle ratings of 1-2 for weeks.",
        woman(age_years=27, mind_muscle=1.6),
        usual_plan(),
        Verdict(("weak_mind_muscle_connection",), why="Ratings of 1-2 out of 5 for weeks."),
    ),
    History(
        "cause_low_energy_runner",
        "cause",
        "Distance runner eating about 55 % of what her training needs.",
        woman(
            age_years=23,
            body_mass_kg=55.0,
            height_cm=165.0,
            goal="general",
            sport="distance running",
            activity_level=2.0,
            recent=(("energy_pct", 55, 200),),
        ),
        usual_plan(),
        Verdict(("nutritional_deficiency",), why="Energy intake far below need (RED-S risk)."),
    ),
)

COMBINED = (
    History(
        "combined_sleep_and_stress",
        "combined",
        "A month of work stress (7-8/10) and 6.2 h nights.",
        woman(age_years=39, goal="general", recent=(("stress", 7.5, 28), ("sleep_h", 6.2, 28))),
        usual_plan(),
        Verdict(("inadequate_sleep", "chronic_stress"), why="Both persist for weeks."),
    ),
    History(
        "combined_protein_and_stall",
        "combined",
        "Eats 1.0 g/kg protein and has used the same loads for three months.",
        lifter(age_years=33, fixed_loads=True, weekly_gain_pct=0.0, recent=LOW_PROTEIN),
        steady_plan(),
        Verdict(
            ("nutritional_deficiency", "insufficient_progressive_overload"),
            why="No overload and too little protein: both hold him back.",
        ),
    ),
    History(
        "combined_overtraining_and_short_sleep",
        "combined",
        "Overreaching for two weeks while sleeping about 6.1 h.",
        lifter(age_years=29, recent=(("sleep_h", 6.1, 21),)),
        OVERREACHING,
        Verdict(
            ("overtraining", "inadequate_sleep"),
            not_causes=("inadequate_volume_frequency",),
            why="Load spike with fatigue and lost output, on short sleep.",
        ),
    ),
    History(
        "combined_form_and_stability",
        "combined",
        "Knees cave on squats, and she balances 7 s on one leg.",
        woman(
            age_years=48,
            goal="general",
            goal_lifts=("back-squat",),
            form_flaws=("forward_lean", "knee_valgus"),
            balance_s=7.0,
            y_balance_pct=88.0,
            stability_issues=("hip", "knee"),
        ),
        usual_plan(),
        Verdict(("suboptimal_form", "poor_stability"), why="Both seen on every screen."),
    ),
    History(
        "combined_goal_lift_missing_and_hq",
        "combined",
        "No squats for six weeks, and a hamstring curl 45 % of his extension.",
        lifter(age_years=26, hq_ratio=0.45),
        NO_GOAL_LIFT,
        Verdict(
            ("lack_of_specificity", "muscle_imbalance"),
            why="Goal lift missing and a clear H:Q imbalance.",
        ),
    ),
    History(
        "combined_dehydration_and_sleep",
        "combined",
        "Hot week with little water on top of a month of 6.2 h nights.",
        lifter(
            age_years=31,
            weigh_in_rate=0.9,
            urine_rate=0.9,
            checkin_rate=0.85,
            nutrition_rate=0.8,
            recent=(*DEHYDRATED, ("sleep_h", 6.2, 30)),
        ),
        usual_plan(),
        Verdict(("dehydration", "inadequate_sleep"), why="Both clear in the data."),
    ),
    History(
        "combined_stress_protein_mind_muscle",
        "combined",
        "Stressed for a month, eating 1.0 g/kg protein, cannot feel her legs work.",
        woman(age_years=35, mind_muscle=1.6, recent=(*HIGH_STRESS, *LOW_PROTEIN)),
        usual_plan(),
        Verdict(
            ("chronic_stress", "nutritional_deficiency", "weak_mind_muscle_connection"),
            why="Three independent causes, all persisting.",
        ),
    ),
    History(
        "combined_low_volume_and_asymmetry",
        "combined",
        "Hypertrophy goal, one short leg session a week, and a 22 % weaker leg.",
        woman(age_years=29, programme="minimal", sessions_per_week=1, asymmetry_pct=22.0),
        steady_plan(),
        Verdict(
            ("inadequate_volume_frequency", "muscle_imbalance"),
            not_causes=("overtraining",),
            why="Too little work and a clear asymmetry.",
        ),
    ),
)
