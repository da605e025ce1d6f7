"""Every number the rules compare against, with its unit and where it comes from.

One defaults table (``DEFAULTS``); an organization may override any value. Sources follow
``science.md``; where a value is a practitioner convention or Legstrong's own scoring choice the
source text says so. Windows count calendar days back from the snapshot's ``as_of`` day.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

RULESET_VERSION = "1.0.0"

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
    # --- workload (overtraining) ---
    ("acute_window_days", 7, "days", "acute workload window",
     "Gabbett 2016 BJSM; Williams et al. 2017 (EWMA, lambda = 2/(N+1))", 1),
    ("chronic_window_days", 28, "days", "chronic workload window (coupled: includes the acute "
     "week)", "Gabbett 2016 BJSM; Williams et al. 2017", 1),
    ("acwr_danger", 1.5, "ratio", "acute:chronic workload ratio above this is the 'danger zone'",
     "Gabbett 2016; a flag to look, not a diagnosis (Impellizzeri et al. 2020)"),
    ("acwr_sweet_spot_low", 0.8, "ratio", "lower edge of the 'sweet spot' band (evidence only)",
     "Gabbett 2016"),
    ("acwr_sweet_spot_high", 1.3, "ratio", "upper edge of the 'sweet spot' band (evidence only)",
     "Gabbett 2016"),
    ("acwr_full_score_excess", 0.5, "ratio", "ACWR above the danger line where the score "
     "peaks", SCORING, 0.01),
    ("monotony_max", 2.0, "ratio", "weekly training monotony (mean / SD of daily load) above "
     "this is a risk", "Foster 1998"),
    ("monotony_full_score_excess", 1.0, "ratio", "monotony above the limit where the score "
     "peaks", SCORING, 0.01),
    ("overtraining_unconfirmed_factor", 0.6, "factor", "score multiplier when the load pattern "
     "is not backed by raised fatigue/soreness or a performance drop",
     "Impellizzeri et al. 2020: ACWR alone is not a diagnosis", 0.0, 1.0),
    # --- volume, frequency, selection, specificity ---
    ("volume_window_days", 28, "days", "window for sessions, sets and exercise mix",
     "Schoenfeld et al. 2016, 2017 (weekly dose)", 7),
    ("volume_min_history_days", 14, "days", "training history needed before weekly rates are "
     "judged", "Legstrong convention", 1),
    ("leg_sessions_min_per_week", 2.0, "sessions/week", "fewest leg sessions a week",
     "source article (2-3 a week are often effective); Schoenfeld et al. 2016 (>= 2x/week)"),
    ("hard_sets_min_per_muscle_week", 10.0, "hard sets/week", "fewest hard sets a week for each "
     "major leg muscle (quadriceps, hamstrings, glutes)",
     "Schoenfeld et al. 2017 dose-response (>= 10 sets/week)"),
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
    ("baseline_min_change_points", 1.0, "points", "smallest rise of a recent mean over the "
     "athlete's own baseline that counts on a whole-number 1-10 scale",
     "science.md revisions: one point is the scale's resolution; Hopkins 2000 (a change must "
     "exceed the measure's typical error)"),
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
    ("jump_drop_min_pct", 10.0, "%", "jump height this far below baseline is a drop",
     "Claudino et al. 2017 (CMJ for neuromuscular status)"),
    ("jump_full_score_excess_pct", 10.0, "%", "jump drop beyond the threshold where the score "
     "peaks", SCORING, 0.01),
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
