"""Every number the rules compare against, with its unit and where it comes from.

One defaults table (``DEFAULTS``); an organization may override any value. Sources follow
``science.md``; where a value is a practitioner convention or Legstrong's own scoring choice the
source text says so. Windows count calendar days back from the snapshot's ``as_of`` day.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

RULESET_VERSION = "2.0.0"

SCORING = "Legstrong scoring convention (how fast a score grows), not a published cut-off"
MONITORING = (
    "athlete-monitoring convention: compare with the athlete's own rolling 2-4 week baseline "
    "(Hooper & Mackinnon 1995; McLean et al. 2010)"
)


@dataclass(frozen=True, slots=True)
class ThresholdDefault:
    """One row of the defaults table. ``minimum``/``maximum`` bound what an override may set."""

    key: str
    value: float | int
    unit: str
    description: str
    source: str
    minimum: float | None = 0.0
    maximum: float | None = None

    @property
    def integral(self) -> bool:
        return isinstance(self.value, int)


def _rows(*rows: tuple) -> dict[str, ThresholdDefault]:
    return {row[0]: ThresholdDefault(*row) for row in rows}


# fmt: off
DEFAULTS: Mapping[str, ThresholdDefault] = _rows(
    # --- shared windows and data minimums ---
    ("min_checkin_days", 5, "check-ins", "fewest check-ins in a window before a daily-series "
     "rule judges it", "Legstrong convention: fewer days say little about a habit", 1),
    ("recent_window_days", 7, "days", "recent window compared with the athlete's baseline",
     MONITORING, 1),
    ("baseline_window_days", 28, "days", "the athlete's own baseline, the days just before the "
     "recent window", MONITORING, 1),
    ("baseline_min_days", 10, "check-ins", "fewest baseline check-ins for a z-score",
     MONITORING, 2),
    ("baseline_z_max", 1.5, "z", "how far above the athlete's baseline counts as 'well above'",
     MONITORING),
    ("baseline_sd_floor", 1.0, "points", "smallest spread used for a z-score, so a very steady "
     "baseline does not turn a one-point change into an alarm",
     "science.md revisions: about one point on whole-number 1-10 scales (their resolution)"),
    ("assessment_full_support", 3, "assessments", "assessments in a window that give a finding "
     "full weight of evidence", SCORING, 1),
    ("deferred_score_factor", 0.75, "factor", "a finding another found cause explains better "
     "(e.g. volume gaps from isolation-only training) has its score multiplied by this",
     SCORING, 0.0, 1.0),
    # --- e1RM and progressive overload ---
    ("e1rm_max_reps", 10, "reps", "effective reps (reps + RIR) above which no e1RM is estimated "
     "(an organization may only lower it)", "Epley 1985; LeSuer et al. 1997; Reynolds et al. "
     "2006: prediction errors grow beyond about 10 reps", 1, 10),
    ("hard_set_min_rpe", 7.0, "RPE", "a set at or above this RPE is a hard set",
     "Schoenfeld et al. 2017 count sets taken near failure; RPE 7 = 3 reps in reserve", 0, 10),
    ("hard_set_max_rir", 3.0, "RIR", "a set at or below this many reps in reserve is a hard set",
     "Schoenfeld et al. 2017; Helms et al. 2016 (RIR-based RPE)"),
    ("e1rm_trend_window_weeks", 8, "weeks", "span of the best-weekly-e1RM trend",
     "progressive overload principle (Kraemer & Ratamess 2004; ACSM 2009): 6-8 weeks", 1),
    ("e1rm_trend_min_weeks", 6, "weeks", "weeks with a goal-lift e1RM needed to judge the trend",
     "science.md: no gain over >= 6 weeks while training continues", 2),
    ("overload_min_gain_pct_per_week", 0.0, "%/week", "e1RM trend at or below this is no "
     "progress", "Kraemer & Ratamess 2004; ACSM position stand 2009", None),
    ("overload_full_score_loss_pct_per_week", 2.0, "%/week", "how far below the minimum gain "
     "the score reaches its maximum", SCORING, 0.01),
    ("e1rm_typical_error_pct", 3.0, "%", "day-to-day typical error of an e1RM",
     "Hopkins 2000 (typical error); e1RM from submaximal sets varies by a few % day to day",
     0.0),
    ("overload_swc_pct_per_week", 0.3, "%/week", "smallest worthwhile e1RM gain per week: "
     "no progress is a cause only when the slope's 95 % upper confidence limit stays below "
     "this (otherwise a watch item)", "Hopkins 2004 (smallest worthwhile change); about one "
     "typical error over the 8-week window", 0.0),
    # --- workload (overtraining) ---
    ("acute_window_days", 7, "days", "acute workload window",
     "Gabbett 2016 BJSM; Williams et al. 2017 (EWMA, lambda = 2/(N+1))", 1),
    ("chronic_window_days", 28, "days", "chronic workload window (EWMA; uncoupled: ends the day "
     "before the acute week)", "Williams et al. 2017; Lolli et al. 2019 (uncoupled ratio)", 1),
    ("acwr_danger", 1.5, "ratio", "uncoupled EWMA acute:chronic ratio above this is a load "
     "signal: a watch item on its own, a cause only with a confirming sign",
     "Gabbett 2016; Williams et al. 2017; a flag to look, not a diagnosis (Impellizzeri et al. "
     "2020)"),
    ("acwr_sweet_spot_low", 0.8, "ratio", "lower edge of the 'sweet spot' band (evidence only)",
     "Gabbett 2016"),
    ("acwr_sweet_spot_high", 1.3, "ratio", "upper edge of the 'sweet spot' band (evidence only)",
     "Gabbett 2016"),
    ("acwr_full_score_excess", 0.5, "ratio", "ACWR above the danger line where the score "
     "peaks", SCORING, 0.01),
    ("monotony_max", 2.0, "ratio", "weekly training monotony (mean / SD of daily load) above "
     "this is a load signal, counted only above the load floor", "Foster 1998"),
    ("monotony_min_sd_pct", 10.0, "% of mean", "daily-load SD below this share of the mean "
     "gives no monotony (identical days make the ratio meaningless; never a capped value)",
     "Foster 1998 (monotony needs varied days); Legstrong convention", 0.0, 100.0),
    ("load_floor_pct_of_usual", 100.0, "% of usual", "monotony and strain count only in a week "
     "whose load and strain exceed this share of the athlete's usual week (normal weeks)",
     "Foster 1998 (strain is what rises before illness); science.md revisions", 0.0),
    ("wellness_rise_min_points", 1.0, "points", "fatigue or soreness up by at least this over "
     "the athlete's baseline, as a week's mean, confirms a load signal; the smallest rise of "
     "any whole-number 1-10 item (stress too) that counts as a personal deviation",
     "science.md revisions: whole-number 1-10 scales need a one-point change; McLean et al. "
     "2010", 0.0, 10.0),
    ("chronic_usual_min_pct", 60.0, "% of usual", "chronic load below this share of the "
     "athlete's usual daily load (normal weeks): the ratio is not interpretable, and a rise is "
     "a ramp-up, not a spike", "science.md revisions (a ratio on a small chronic base says "
     "little: Impellizzeri et al. 2020; Lolli et al. 2019)", 0.0, 100.0),
    ("monotony_full_score_excess", 1.0, "ratio", "monotony above the limit where the score "
     "peaks", SCORING, 0.01),
    ("overtraining_unconfirmed_factor", 0.6, "factor", "score multiplier when the load pattern "
     "is not backed by raised fatigue/soreness or a performance drop (then a watch item)",
     "Impellizzeri et al. 2020: ACWR alone is not a diagnosis", 0.0, 1.0),
    ("deload_cut_sets_pct", 50.0, "%", "a deload advised in sets: this much fewer weekly leg "
     "sets than the recent weeks", "Bosquet et al. 2007 (41-60 % less volume, intensity kept)",
     0.0, 100.0),
    ("deload_cut_load_pct", 10.0, "%", "a deload advised in kg: working loads this much "
     "lighter", "Bosquet et al. 2007 (intensity largely kept); practitioner deloads 5-15 %",
     0.0, 100.0),
    # --- training phases (coach-set, else detected from the log) ---
    ("phase_low_volume_max_pct", 60.0, "% of usual", "a week with leg sets at or below this "
     "share of the athlete's usual week is markedly lower (deload or taper)",
     "Bosquet et al. 2007 (tapers cut volume 41-60 %); deloads of similar size", 0.0, 100.0),
    ("phase_kept_intensity_min_pct", 90.0, "% of usual", "top goal-lift load at or above this "
     "share of the usual top load keeps intensity (taper/peaking, not a deload)",
     "Bosquet et al. 2007 (intensity kept in effective tapers)", 0.0, 100.0),
    ("phase_taper_max_weeks", 3, "weeks", "longest run of low-volume weeks read as a taper or "
     "peaking block", "Bosquet et al. 2007 (about 2 weeks optimal, up to 3-4)", 1),
    ("phase_peaking_max_reps", 3, "reps", "goal-lift sets of this many reps or fewer are heavy "
     "singles/doubles/triples (peaking)", "powerlifting peaking practice (Pritchard et al. "
     "2015); convention", 1),
    ("phase_break_min_days", 7, "days", "this many days or more without leg training is a "
     "break", "science.md revisions (7+ days)", 1),
    ("phase_return_days", 21, "days", "days after a break judged as a return (ramp-up)",
     "science.md revisions; return-to-training ramps of 3-4 weeks (convention)", 1),
    ("phase_novice_history_days", 42, "days", "training history shorter than this is too "
     "little to judge trends (novice phase)", "science.md revisions (under about six weeks)",
     1),
    # --- volume, frequency, selection, specificity ---
    ("volume_window_days", 28, "days", "window for sessions, sets and exercise mix",
     "Schoenfeld et al. 2016, 2017 (weekly dose)", 7),
    ("volume_min_history_days", 14, "days", "training history needed before weekly rates are "
     "judged", "Legstrong convention", 1),
    ("leg_sessions_min_per_week", 2.0, "sessions/week", "fewest leg sessions a week",
     "source article (2-3 a week are often effective); Schoenfeld et al. 2016 (>= 2x/week)"),
    ("hard_sets_min_per_muscle_week", 10.0, "hard sets/week", "hypertrophy goal: fewest hard "
     "sets a week for each major leg muscle (quadriceps, hamstrings, glutes)",
     "Schoenfeld et al. 2017 dose-response (>= 10 sets/week)"),
    ("hard_sets_min_strength_week", 5.0, "hard sets/week", "strength, power and general goals "
     "(and novices): fewest hard sets a week per major leg muscle",
     "Ralston et al. 2017 (5-9 sets/week already effective for strength)"),
    ("hard_sets_min_maintenance_week", 2.0, "hard sets/week", "off-season (maintaining): "
     "fewest hard sets a week per major leg muscle, intensity kept",
     "Spiering et al. 2021; Bickel et al. 2011 (1/9 of the building dose kept strength in "
     "young adults)"),
    ("maintenance_sessions_min_per_week", 1.0, "sessions/week", "off-season (maintaining): "
     "fewest leg sessions a week", "Spiering et al. 2021 (about one session a week)"),
    ("masters_age_min", 60, "years", "from this age the maintenance dose is multiplied by "
     "masters_maintenance_factor", "Bickel et al. 2011 (older group 60-75 years)", 1),
    ("masters_maintenance_factor", 3.0, "factor", "older lifters' maintenance dose relative "
     "to young lifters'", "Bickel et al. 2011 (1/3 rather than 1/9 of the building dose)",
     1.0),
    ("synergist_set_weight", 0.5, "set", "a hard set counts 1 for its prime mover (first "
     "listed muscle) and this much for each other listed muscle",
     "fractional set counting (Pelland et al. 2024); a deadlift is not a full quadriceps set",
     0.0, 1.0),
    ("volume_tolerance_pct", 10.0, "%", "a shortfall of sets or sessions within this share of "
     "the target is a watch item, not a cause", "Legstrong convention (about one set a week "
     "at typical targets)", 0.0, 100.0),
    ("compound_share_min_pct", 50.0, "%", "smallest share of leg sets in compound lifts",
     "source article ('relying solely on isolation movements'); 50% is a Legstrong convention",
     0, 100),
    ("specificity_window_days", 14, "days", "window in which the goal lift must be trained",
     "source article; specificity principle (SAID)", 1),
    ("goal_lift_share_min_pct", 20.0, "%", "smallest share of leg sets in the goal lift or a "
     "close variant (same pattern)", "specificity principle (SAID); 20% is a convention",
     0, 100),
    # --- imbalance ---
    ("strength_test_window_days", 28, "days", "window for strength tests", "Legstrong "
     "convention: retest about monthly", 1),
    ("hq_ratio_min", 0.6, "ratio", "hamstring:quadriceps strength ratio below this is an "
     "imbalance", "Coombs & Garbutt 2002; Croisier et al. 2008 (isokinetic ~60 deg/s; machine "
     "e1RM ratios run lower, so tune per organization)"),
    ("hq_ratio_full_score_gap", 0.2, "ratio", "H:Q below the minimum where the score peaks",
     SCORING, 0.01),
    ("asymmetry_max_pct", 15.0, "%", "left/right strength difference above this is an "
     "asymmetry", "Bishop et al. 2018 (10-15% commonly used)", 0, 100),
    ("asymmetry_full_score_excess_pct", 15.0, "%", "asymmetry above the limit where the score "
     "peaks", SCORING, 0.01),
    # --- technique and stability ---
    ("screen_window_days", 42, "days", "window for movement and mobility screens",
     "Legstrong convention: screens every 3-6 weeks", 1),
    ("form_flaws_min", 2, "flaws", "form flaws on the latest goal-lift screen that count as "
     "suboptimal form", "source article; coach-rated screen (convention)", 1),
    ("form_flaws_full_score_excess", 2, "flaws", "flaws beyond the minimum where the score "
     "peaks", SCORING, 1),
    ("form_repeat_screens", 2, "screens", "the same flaw on this many screens in a row counts "
     "as suboptimal form", "source article; coach-rated screen (convention)", 2),
    ("compensation_min_screens", 2, "screens", "screens with a compensation that make it "
     "recurring", "source article; coach-rated screen (convention)", 1),
    ("compensation_full_score_excess", 2, "screens", "screens with compensations beyond the "
     "minimum where the score peaks", SCORING, 1),
    ("balance_min_s", 10.0, "s", "single-leg balance, eyes open, below this is poor stability",
     "Springer et al. 2007 (adult norms about 30 s)"),
    ("y_balance_min_pct", 94.0, "% limb length", "Y-balance composite reach below this is "
     "poor stability", "Plisky et al. 2006"),
    ("y_balance_typical_error_pct", 2.0, "% limb length", "a Y-balance composite short of the "
     "minimum by more than this is a cause; within it, a watch item",
     "Plisky et al. 2009 (Y-balance test reliability)", 0.0),
    ("y_balance_full_score_gap_pct", 10.0, "% limb length", "Y-balance below the minimum where "
     "the score peaks", SCORING, 0.01),
    ("ankle_dorsiflexion_min_cm", 10.0, "cm", "knee-to-wall distance below this restricts the "
     "ankle (supports form and stability findings)", "Bennell et al. 1998; Hoch & McKeon 2011"),
    ("ankle_dorsiflexion_max_diff_cm", 2.0, "cm", "left/right knee-to-wall difference above "
     "this restricts one ankle", "Bennell et al. 1998; Hoch & McKeon 2011 (1.5-2 cm)"),
    # --- lifestyle and triage (tolerance, persistence, personal deviation) ---
    ("persist_days_min_pct", 50.0, "%", "share of logged days past a lifestyle line that "
     "counts as 'most days' (more than this)", "science.md revisions ('most days of two "
     "weeks'); Legstrong convention", 0, 100),
    ("persist_min_span_days", 8, "days", "first to last day past the line, both included: "
     "a lifestyle shortfall persists when seen this far apart (in both weeks of a 14-day "
     "window), not in one bad week", "science.md revisions ('chronic means weeks'); "
     "Legstrong convention", 1),
    # --- sleep ---
    ("sleep_window_days", 14, "days", "window for sleep check-ins",
     "Fullagar et al. 2015 (sleep and performance)", 1),
    ("sleep_min_hours", 7.0, "h", "nightly sleep below this falls short (adults, 18 and over)",
     "source article (7-9 h); Hirshkowitz et al. 2015 (NSF: 7-9 h at 18-64, 7-8 h at 65 and "
     "over); Watson et al. 2015 (AASM)"),
    ("sleep_min_hours_under_18", 8.0, "h", "nightly sleep below this falls short at 14-17 "
     "years", "Hirshkowitz et al. 2015 (NSF: 8-10 h at 14-17 years)"),
    ("sleep_max_hours_under_18", 10.0, "h", "top of the recommended range at 14-17 years "
     "(advice only)", "Hirshkowitz et al. 2015 (NSF: 8-10 h at 14-17 years)"),
    ("adult_min_age", 18, "years", "age from which the adult sleep range applies",
     "Hirshkowitz et al. 2015 (NSF age bands)", 1),
    ("sleep_max_hours", 9.0, "h", "top of the recommended range for adults under 65 (advice "
     "only)", "Hirshkowitz et al. 2015 (NSF: 7-9 h at 18-64 years)"),
    ("sleep_max_hours_65_plus", 8.0, "h", "top of the recommended range at 65 and over "
     "(advice only)", "Hirshkowitz et al. 2015 (NSF: 7-8 h at 65 and over)"),
    ("older_adult_min_age", 65, "years", "age from which the older-adult sleep range applies",
     "Hirshkowitz et al. 2015 (NSF age bands)", 1),
    ("sleep_tolerance_h", 0.25, "h", "how far the mean must lie below the minimum before it "
     "is a cause (inside the band: a watch item)", "science.md revisions: a tolerance band of "
     "about a quarter hour (night-to-night logging noise)"),
    ("sleep_full_score_shortfall_h", 2.0, "h", "sleep below the minimum where the score peaks",
     SCORING, 0.01),
    ("sleep_quality_poor_max", 2, "/5", "a night rated at or below this is poor quality",
     "source article ('quality sleep'); Legstrong convention", 1, 5),
    ("poor_quality_nights_min_pct", 50.0, "%", "share of poor-quality nights that counts as "
     "'most nights'", "Legstrong convention", 0, 100),
    # --- nutrition and hydration ---
    ("nutrition_window_days", 14, "days", "window for nutrition and hydration check-ins",
     "Legstrong convention", 1),
    ("protein_min_g_per_kg", 1.6, "g/kg/day", "daily protein below this is worth a look "
     "(a watch item): gains level off near 1.6", "Morton et al. 2018 BJSM (breakpoint 1.6, "
     "95% CI to 2.2); Jäger et al. 2017 (ISSN: 1.4-2.0 sufficient)"),
    ("protein_low_g_per_kg", 1.2, "g/kg/day", "mean daily protein below this, on most days "
     "of two weeks, is a likely cause", "Thomas et al. 2016 (ACSM/AND/DC: 1.2-2.0 g/kg for "
     "athletes); Jäger et al. 2017; science.md revisions (cause below about 1.2-1.4)"),
    ("protein_full_score_shortfall_g_per_kg", 0.4, "g/kg/day", "protein below the cause line "
     "where the score peaks (1.2 - 0.4 = 0.8 g/kg, the general-population RDA)", SCORING, 0.01),
    ("energy_intake_min_pct_of_need", 80.0, "%", "energy intake below this share of estimated "
     "need is too low", "Mountjoy et al. 2018 (RED-S); need estimated with Mifflin-St Jeor "
     "(1990) x activity factor where fat-free mass is not known: a rough screen (intake is "
     "often under-reported)"),
    ("activity_factor", 1.55, "factor", "physical activity level: multiplier from resting to "
     "daily energy need", "FAO/WHO/UNU 2004: 1.55 is the middle of the sedentary/lightly "
     "active band (1.40-1.69); moderately active is 1.70-1.99, vigorous 2.00-2.40. The low "
     "band on purpose: the screen calls only intake far below need", 1.0, 3.0),
    ("energy_availability_min_kcal_per_kg_ffm", 30.0, "kcal/kg FFM/day", "energy intake per "
     "kg fat-free mass below this means low energy availability whatever exercise costs "
     "(used where fat-free mass is known)", "Mountjoy et al. 2018 (IOC RED-S: < 30 kcal/kg "
     "FFM/day); Loucks & Thuma 2003"),
    ("energy_full_score_shortfall_pct", 30.0, "%", "energy shortfall below the minimum where "
     "the score peaks", SCORING, 0.01),
    ("micronutrient_concern_min_days", 3, "days", "days a micronutrient concern is recorded "
     "before it counts as recurring", "source article (magnesium, potassium, B vitamins); "
     "Legstrong convention", 1),
    ("water_min_ml_per_kg", 30.0, "ml/kg/day", "mean water intake below this is worth a look "
     "(a watch item: intake alone is not a body sign)",
     "practitioner range 30-35 ml/kg/day; weak evidence, needs vary with sweat losses"),
    ("water_full_score_shortfall_ml_per_kg", 10.0, "ml/kg/day", "water below the minimum "
     "where the score peaks", SCORING, 0.01),
    ("urine_colour_dark_min", 5, "/8", "urine colour at or above this suggests dehydration",
     "Armstrong et al. 1994, 1998 (urine colour chart)", 1, 8),
    ("dark_urine_days_min_pct", 50.0, "%", "share of readings at or above the dark colour that "
     "counts as 'most days'", "Legstrong convention", 0, 100),
    ("morning_mass_loss_min_pct", 1.0, "%", "first-morning body mass more than this below the "
     "athlete's several-day baseline is a sign of low body water",
     "Cheuvront & Kenefick 2014 ('WUT': weight, urine, thirst; day-to-day mass varies < 1%)"),
    ("mass_baseline_days", 7, "weigh-ins", "the athlete's latest first-morning masses on "
     "mornings without dark urine (looked for up to three times as many days back) whose "
     "median is a morning's baseline",
     "Cheuvront & Kenefick 2014 (a several-day baseline)", 2),
    ("mass_baseline_min_readings", 3, "readings", "fewest usual weigh-ins for a baseline",
     "Cheuvront & Kenefick 2014 (about three mornings)", 1),
    ("dehydration_signs_min_days", 2, "mornings", "mornings of the last week with body mass "
     "down and dark urine that make dehydration a likely cause (one morning: a watch item)",
     "Cheuvront & Kenefick 2014 (two signs: likely); Legstrong convention for persistence", 1),
    # --- stress ---
    ("stress_window_days", 14, "days", "window for stress check-ins", "McLean et al. 2010", 1),
    ("stress_high_min", 7.0, "/10", "mean stress at or above this (on most days of two weeks) "
     "is chronic stress", "source article; McLean et al. 2010 (wellness items); 7/10 is a "
     "convention", 1, 10),
    ("stress_full_score_excess", 2.0, "/10", "stress above the limit where the score peaks",
     SCORING, 0.01),
    ("stress_tolerance_points", 0.5, "points", "a two-week mean this close below the stress "
     "line still counts when most days of both weeks are at or above the line (whole-number "
     "scores scatter about a point a day)", "science.md revisions (noise on whole-number "
     "scales); Legstrong convention"),
    # --- persistent weakness (medical) ---
    ("persistent_weakness_min", 6, "/10", "perceived leg weakness at or above this is marked",
     "science.md: weakness >= 6/10 for 14+ days with no cause found", 0, 10),
    ("persistent_weakness_window_days", 14, "days", "how long marked weakness must last",
     "science.md; source article ('unexplained')", 1),
    ("persistent_weakness_min_days", 10, "check-ins", "check-ins in that window with marked "
     "weakness", "Legstrong convention: most days, allowing for missed check-ins", 1),
    # --- neuromuscular ---
    ("jump_recent_window_days", 14, "days", "window for the latest countermovement jump",
     "Claudino et al. 2017", 1),
    ("jump_baseline_min_tests", 2, "tests", "earlier jump tests (within the trend window) that "
     "make a baseline", "Gathercole et al. 2015", 1),
    ("jump_drop_min_pct", 10.0, "%", "jump height at or above this far below baseline is a "
     "drop beyond the typical error: neuromuscular fatigue (confirms overtraining; makes "
     "weakness 'true')", "Claudino et al. 2017 (CMJ for neuromuscular status; typical error "
     "a few %); Gathercole et al. 2015"),
    ("jump_recruitment_min_tests", 3, "tests", "jump tests over 3+ weeks needed to judge the "
     "jump against strength (two more, over 5+ weeks, can make it a cause)",
     "Gathercole et al. 2015 (repeated CMJ monitoring); convention", 2),
    ("jump_strength_gap_pct", 10.0, "%", "strength gain minus jump change accumulated over "
     "the tests' span at or above which a flat or falling jump 'stays low relative to "
     "strength'", "science.md revisions; well beyond the CMJ typical error of a few % "
     "(Claudino et al. 2017), since jump height tracks strength only loosely", 0.01),
    ("activation_window_days", 28, "days", "window for mind-muscle ratings", "Legstrong "
     "convention", 1),
    ("activation_min_ratings", 2, "ratings", "ratings needed before judging", "Legstrong "
     "convention", 1),
    ("mind_muscle_max", 2.0, "/5", "mean mind-muscle rating at or below this is weak",
     "source article; Schoenfeld & Contreras 2016; Schoenfeld et al. 2018 (internal focus)",
     1, 5),
    ("plyometrics_min_training_age_years", 1.0, "years", "training age before plain "
     "plyometrics advice (otherwise: build a base first)", "source article ('if appropriate "
     "for your training level'); convention"),
    # --- true or perceived weakness ---
    ("weakness_recent_window_days", 14, "days", "recent window for the best goal-lift e1RM",
     "science.md 'True or perceived weakness'", 1),
    ("weakness_reference_window_days", 28, "days", "the weeks before the recent window that "
     "strength is compared with", "science.md 'True or perceived weakness' (4-6 weeks)", 1),
    ("true_weakness_min_drop_pct", 5.0, "%", "goal-lift e1RM drop that makes weakness 'true'",
     "science.md; beyond typical day-to-day variation of e1RM"),
    ("perceived_weakness_min", 6.0, "/10", "mean perceived leg weakness at or above this is "
     "marked", "science.md 'True or perceived weakness'", 0, 10),
    # --- red flags and triage ---
    ("symptom_window_days", 14, "days", "symptom reports this recent are screened for red "
     "flags", "Legstrong convention", 1),
    ("severe_weakness_min", 8, "/10", "weakness severity at or above this is severe",
     "source article ('sudden, severe, or unexplained')", 0, 10),
    ("sensory_urgent_min_severity", 4, "/10", "sensory symptoms with weakness at or above "
     "this are urgent (so are both legs, loss of sensation or worsening; otherwise: soon)",
     "science.md triage; NICE CKS sciatica (progressive or marked neurological deficit)",
     0, 10),
    ("persistent_pain_min_days", 7, "days", "pain lasting this long without easing with rest "
     "needs assessment", "science.md red flags", 1),
    ("rhabdo_urine_colour_min", 7, "/8", "very dark (cola-coloured) urine",
     "Armstrong urine chart; Kim et al. 2016 (exertional rhabdomyolysis warning signs)", 1, 8),
    ("rhabdo_pain_min", 8, "/10", "soreness or symptom severity that counts as severe muscle "
     "pain alongside dark urine", "Kim et al. 2016 (exertional rhabdomyolysis); convention",
     0, 10),
    ("rhabdo_window_days", 3, "days", "days in which dark urine and severe pain must coincide",
     "Legstrong convention", 1),
)
# fmt: on


class Thresholds:
    """The effective thresholds: defaults plus an organization's overrides.

    Read values as attributes (``t.sleep_min_hours``). Overrides are validated: an unknown key,
    a non-number, a value out of range, or a fraction where a whole number is needed raises a
    ``ValueError`` naming the key.
    """

    def __init__(self, overrides: Mapping[str, object] | None = None) -> None:
        values = {key: row.value for key, row in DEFAULTS.items()}
        checked = {key: _validated(key, value) for key, value in (overrides or {}).items()}
        values.update(checked)
        self.__dict__.update(values)
        self.__dict__["overrides"] = checked

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Thresholds are read-only; build a new one with overrides")

    def __getattr__(self, name: str) -> object:
        raise AttributeError(f"unknown threshold {name!r}")

    def value(self, key: str) -> float | int:
        if key not in DEFAULTS:
            raise KeyError(key)
        return self.__dict__[key]

    def as_dict(self) -> dict[str, float | int]:
        return {key: self.__dict__[key] for key in DEFAULTS}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Thresholds) and self.as_dict() == other.as_dict()

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.overrides.items())))

    def __repr__(self) -> str:
        return f"Thresholds(overrides={self.overrides!r})"


def _validated(key: str, value: object) -> float | int:
    row = DEFAULTS.get(key)
    if row is None:
        raise ValueError(f"unknown threshold {key!r}")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"threshold {key!r} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"threshold {key!r} must be a finite number, got {value!r}")
    if row.minimum is not None and value < row.minimum:
        raise ValueError(f"threshold {key!r} must be at least {row.minimum}, got {value!r}")
    if row.maximum is not None and value > row.maximum:
        raise ValueError(f"threshold {key!r} must be at most {row.maximum}, got {value!r}")
    if row.integral:
        if value != int(value):
            raise ValueError(f"threshold {key!r} must be a whole number, got {value!r}")
        return int(value)
    return float(value)
