"""One run never advises opposite things: conflicts between findings are resolved explicitly."""

from assessments.analysis.engine import resolve_conflicts
from assessments.analysis.recommendations import direction
from assessments.analysis.rules import Found


def _found(level="cause", recommendations=None):
    return Found(score=0.8, evidence={"x": 1}, recommendations=recommendations, level=level)


def test_overtraining_wins_over_too_little_volume_which_becomes_a_watch_item():
    found = {"overtraining": _found(), "inadequate_volume_frequency": _found()}
    resolve_conflicts(found)
    volume = found["inadequate_volume_frequency"]
    assert found["overtraining"].level == "cause"
    assert volume.level == "watch"
    assert volume.evidence["deferred_to"] == "overtraining"
    assert "optimise_volume_frequency" not in volume.recommendations


def test_overtraining_wins_over_stalled_progress():
    found = {"overtraining": _found(level="watch"), "insufficient_progressive_overload": _found()}
    resolve_conflicts(found)
    overload = found["insufficient_progressive_overload"]
    assert overload.level == "watch"
    assert "progressive_overload" not in overload.recommendations


def test_without_a_lighter_finding_volume_advice_stands():
    found = {"inadequate_volume_frequency": _found()}
    resolve_conflicts(found)
    assert found["inadequate_volume_frequency"].level == "cause"
    assert found["inadequate_volume_frequency"].recommendations is None


def test_any_unlisted_pair_is_caught_by_the_direction_backstop():
    found = {
        "lack_of_specificity": _found(recommendations=("progressive_overload",)),
        "chronic_stress": _found(recommendations=("deload_recovery",)),
    }
    resolve_conflicts(found)
    assert found["lack_of_specificity"].level == "watch"
    assert found["lack_of_specificity"].recommendations == ()
    assert found["chronic_stress"].level == "cause"


def test_directions_mark_the_load_advice():
    assert direction("deload_recovery") == "less"
    assert direction("optimise_volume_frequency") == "more"
    assert direction("progressive_overload") == "more"
    assert direction("hydration") == ""


def test_a_form_cause_wins_over_stalled_progress():
    found = {"suboptimal_form": _found(), "insufficient_progressive_overload": _found()}
    resolve_conflicts(found)
    overload = found["insufficient_progressive_overload"]
    assert found["suboptimal_form"].level == "cause"
    assert overload.level == "watch"
    assert overload.evidence["deferred_to"] == "suboptimal_form"
    assert "progressive_overload" not in overload.recommendations


def test_a_stall_beyond_noise_wins_over_a_form_watch_item():
    found = {
        "suboptimal_form": _found(level="watch"),
        "insufficient_progressive_overload": _found(),
    }
    resolve_conflicts(found)
    form = found["suboptimal_form"]
    assert found["insufficient_progressive_overload"].level == "cause"
    assert "start_lighter" not in form.recommendations
    assert "verbal_cues" in form.recommendations
    assert form.evidence["deferred_to"] == "insufficient_progressive_overload"


def test_overtraining_wins_over_plyometrics_advice():
    found = {"overtraining": _found(), "poor_motor_unit_recruitment": _found()}
    resolve_conflicts(found)
    recruitment = found["poor_motor_unit_recruitment"]
    assert recruitment.level == "watch"
    assert "plyometrics" not in recruitment.recommendations
    assert direction("plyometrics") == "more"


def test_a_ramp_up_changes_the_advice_of_a_volume_cause_not_its_level():
    found = {
        "return_ramp_up": _found(level="watch"),
        "inadequate_volume_frequency": _found(),
    }
    resolve_conflicts(found)
    volume = found["inadequate_volume_frequency"]
    assert volume.level == "cause"
    assert "optimise_volume_frequency" not in volume.recommendations
    assert volume.evidence["deferred_to"] == "return_ramp_up"
