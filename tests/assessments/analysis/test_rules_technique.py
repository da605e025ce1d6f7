"""Technique causes: form, compensations and stability from coach-rated screens."""

import pytest

from assessments.analysis.rules import Found, Gap
from tests.assessments.analysis import builders as b

TECHNIQUE = ("suboptimal_form", "compensation_pattern", "poor_stability")


@pytest.mark.parametrize("code", TECHNIQUE)
def test_silent_on_the_healthy_athlete(code):
    assert b.check(code, b.healthy()) is None


@pytest.mark.parametrize("code", TECHNIQUE)
def test_reports_a_gap_without_screens(code):
    outcome = b.check(code, b.empty())
    assert isinstance(outcome, Gap)
    assert outcome.message.endswith("in the last 42 days")


def test_screens_older_than_the_window_are_a_gap():
    s = b.healthy(movement_screens=[b.MovementScreen(b.day(42), "back_squat", ("heel_lift",))])
    assert b.check("suboptimal_form", s) == Gap("no movement screen in the last 42 days")


# --- suboptimal form --------------------------------------------------------------------------


def test_form_fires_on_several_flaws_on_the_goal_lift():
    screens = b.movement_screens({}, {"flaws": ["knee_valgus", "forward_lean", "heel_lift"]})
    outcome = b.check("suboptimal_form", b.healthy(movement_screens=screens))
    assert outcome.evidence["flaws"] == ["forward_lean", "heel_lift", "knee_valgus"]
    assert outcome.evidence["threshold_flaws"] == 2
    assert "video_analysis" in outcome.recommendations


@pytest.mark.parametrize(("flaws", "fires"), [(1, False), (2, True), (3, True)])
def test_form_turns_at_two_flaws(flaws, fires):
    screens = b.movement_screens(
        {}, {"flaws": ["knee_valgus", "forward_lean", "heel_lift"][:flaws]}
    )
    assert (
        isinstance(b.check("suboptimal_form", b.healthy(movement_screens=screens)), Found) is fires
    )


def test_form_score_grows_with_the_number_of_flaws():
    two, four = (
        b.healthy(movement_screens=b.movement_screens({}, {"flaws": f}))
        for f in (
            ["knee_valgus", "heel_lift"],
            ["knee_valgus", "heel_lift", "butt_wink", "hip_shift"],
        )
    )
    assert b.check("suboptimal_form", four).score > b.check("suboptimal_form", two).score


def test_form_fires_on_the_same_flaw_on_two_screens_in_a_row():
    screens = b.movement_screens({"flaws": ["butt_wink"]}, {"flaws": ["butt_wink"]})
    outcome = b.check("suboptimal_form", b.healthy(movement_screens=screens))
    assert outcome.evidence["repeated_flaws"] == ["butt_wink"]


def test_form_ignores_a_flaw_that_did_not_recur():
    screens = b.movement_screens({"flaws": ["butt_wink"]}, {"flaws": ["heel_lift"]})
    assert b.check("suboptimal_form", b.healthy(movement_screens=screens)) is None


def test_form_adds_mobility_work_when_an_ankle_is_restricted():
    screens = b.movement_screens({}, {"flaws": ["heel_lift", "forward_lean"]})
    s = b.healthy(
        movement_screens=screens, mobility_screens=b.mobility(ankle_dorsiflexion_left_cm=6.0)
    )
    outcome = b.check("suboptimal_form", s)
    assert outcome.evidence["ankle_dorsiflexion_min_cm"] == 6.0
    assert "flexibility_mobility" in outcome.recommendations


def test_form_looks_only_at_goal_lift_screens():
    screens = b.movement_screens({"flaws": ["knee_valgus", "heel_lift"]}, exercise="leg_press")
    outcome = b.check("suboptimal_form", b.healthy(movement_screens=screens))
    assert outcome == Gap("no movement screen of a goal lift in the last 42 days")


# --- compensation patterns --------------------------------------------------------------------


@pytest.mark.parametrize(("screens_with", "fires"), [(1, False), (2, True), (3, True)])
def test_compensation_turns_at_two_screens(screens_with, fires):
    screens = b.movement_screens(
        *[{}] * (3 - screens_with), *[{"compensations": ["hip_hike"]}] * screens_with
    )
    s = b.healthy(movement_screens=[x for x in screens if x.date >= b.day(41)])
    assert isinstance(b.check("compensation_pattern", s), Found) is fires


def test_compensation_evidence_lists_what_was_seen():
    screens = b.movement_screens(
        {"compensations": ["lumbar_extension"]},
        {"compensations": ["weight_shift", "lumbar_extension"]},
    )
    outcome = b.check("compensation_pattern", b.healthy(movement_screens=screens))
    assert outcome.evidence["compensations"] == ["lumbar_extension", "weight_shift"]
    assert outcome.evidence["screens_with_compensation"] == 2


# --- poor stability ---------------------------------------------------------------------------


def test_stability_fires_on_a_stability_issue_in_the_latest_screen():
    screens = b.movement_screens({}, {"stability_issues": ["hip", "core"]})
    outcome = b.check("poor_stability", b.healthy(movement_screens=screens))
    assert outcome.evidence["stability_issues"] == ["core", "hip"]


@pytest.mark.parametrize(("seconds", "fires"), [(9.9, True), (10.0, False), (10.1, False)])
def test_stability_turns_at_ten_seconds_of_balance(seconds, fires):
    s = b.healthy(mobility_screens=b.mobility(single_leg_balance_right_s=seconds))
    assert isinstance(b.check("poor_stability", s), Found) is fires


@pytest.mark.parametrize(("reach_pct", "fires"), [(93.9, True), (94.0, False), (94.1, False)])
def test_stability_turns_at_a_y_balance_of_94_percent(reach_pct, fires):
    s = b.healthy(mobility_screens=b.mobility(y_balance_left_pct=reach_pct))
    assert isinstance(b.check("poor_stability", s), Found) is fires


def test_stability_works_from_a_balance_test_alone():
    s = b.healthy(movement_screens=(), mobility_screens=b.mobility(single_leg_balance_left_s=4.0))
    outcome = b.check("poor_stability", s)
    assert outcome.evidence["balance_s"] == 4.0


def test_ankle_restriction_alone_is_not_a_stability_finding():
    s = b.healthy(mobility_screens=b.mobility(ankle_dorsiflexion_left_cm=5.0))
    assert b.check("poor_stability", s) is None
    assert b.check("suboptimal_form", s) is None


# --- tiers: a cause only when it persists or a test is clearly short -------------------------


def test_flaws_on_one_screen_only_are_a_watch_item():
    s = b.healthy(movement_screens=b.movement_screens({}, {"flaws": ["knee_valgus", "heel_lift"]}))
    assert b.check("suboptimal_form", s).level == "watch"


def test_the_same_flaw_on_two_screens_in_a_row_is_a_cause():
    screens = b.movement_screens({"flaws": ["knee_valgus"]}, {"flaws": ["knee_valgus"]})
    assert b.check("suboptimal_form", b.healthy(movement_screens=screens)).level == "cause"


def test_a_stability_issue_on_one_screen_only_is_a_watch_item():
    s = b.healthy(movement_screens=b.movement_screens({}, {"stability_issues": ["hip"]}))
    assert b.check("poor_stability", s).level == "watch"


def test_a_recurring_stability_issue_is_a_cause():
    screens = b.movement_screens({"stability_issues": ["hip"]}, {"stability_issues": ["hip"]})
    assert b.check("poor_stability", b.healthy(movement_screens=screens)).level == "cause"


def test_a_y_balance_just_short_is_a_watch_item_and_clearly_short_a_cause():
    near = b.healthy(mobility_screens=b.mobility(y_balance_left_pct=93.0))
    far = b.healthy(mobility_screens=b.mobility(y_balance_left_pct=91.0))
    assert b.check("poor_stability", near).level == "watch"
    assert b.check("poor_stability", far).level == "cause"
