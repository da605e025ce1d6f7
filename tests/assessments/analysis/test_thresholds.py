"""Thresholds: one table of defaults with sources; overrides are validated."""

import math
from datetime import date

import pytest

from assessments.analysis import facts, run
from assessments.analysis.rules import CAUSES, RED_FLAGS
from assessments.analysis.snapshot import TrainingPhase
from assessments.analysis.thresholds import DEFAULTS, RULESET_VERSION, Thresholds
from tests.assessments.analysis import builders as b
from tests.assessments.analysis.test_engine import SCENARIOS, SPIKE


def test_every_default_has_a_unit_a_description_and_a_source():
    for key, row in DEFAULTS.items():
        assert row.key == key
        assert row.unit and row.description and row.source, key
        assert isinstance(row.value, (int, float)) and not isinstance(row.value, bool)


def test_defaults_match_the_science_notes():
    t = Thresholds()
    assert (t.sleep_min_hours, t.protein_min_g_per_kg, t.acwr_danger) == (7.0, 1.6, 1.5)
    assert (t.hq_ratio_min, t.asymmetry_max_pct, t.monotony_max) == (0.6, 15.0, 2.0)
    assert (t.balance_min_s, t.y_balance_min_pct, t.stress_high_min) == (10.0, 94.0, 7.0)
    assert RULESET_VERSION == "2.0.0"


def test_overrides_replace_defaults():
    t = Thresholds({"sleep_min_hours": 8, "form_flaws_min": 3.0})
    assert t.sleep_min_hours == 8.0 and isinstance(t.sleep_min_hours, float)
    assert t.form_flaws_min == 3 and isinstance(t.form_flaws_min, int)
    assert t.overrides == {"sleep_min_hours": 8.0, "form_flaws_min": 3}
    assert t.value("protein_min_g_per_kg") == 1.6


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"sleep_hours_min": 7}, "unknown threshold 'sleep_hours_min'"),
        ({"sleep_min_hours": "7"}, "must be a number"),
        ({"sleep_min_hours": None}, "must be a number"),
        ({"sleep_min_hours": True}, "must be a number"),
        ({"sleep_min_hours": math.nan}, "must be a finite number"),
        ({"sleep_min_hours": math.inf}, "must be a finite number"),
        ({"sleep_min_hours": -1}, "must be at least 0"),
        ({"compound_share_min_pct": 101}, "must be at most 100"),
        ({"sleep_window_days": 7.5}, "must be a whole number"),
        ({"assessment_full_support": 0}, "must be at least 1"),
    ],
)
def test_invalid_overrides_raise_a_clear_value_error(overrides, message):
    with pytest.raises(ValueError, match=message):
        Thresholds(overrides)


def test_thresholds_are_read_only_and_compare_by_value():
    t = Thresholds({"sleep_min_hours": 8})
    with pytest.raises(AttributeError):
        t.sleep_min_hours = 6
    with pytest.raises(AttributeError, match="unknown threshold"):
        _ = t.no_such_threshold
    assert t == Thresholds({"sleep_min_hours": 8.0})
    assert hash(t) == hash(Thresholds({"sleep_min_hours": 8.0}))
    assert t != Thresholds()


class RecordingThresholds(Thresholds):
    """Thresholds that remember which keys were read."""

    def __init__(self, overrides=None):
        super().__init__(overrides)
        self.__dict__["read"] = set()

    def __getattribute__(self, name):
        if name in DEFAULTS:
            object.__getattribute__(self, "__dict__")["read"].add(name)
        return object.__getattribute__(self, name)


def sample_snapshots():
    yield b.empty()
    yield b.healthy()
    for changes in SCENARIOS.values():
        yield b.healthy(**changes)
    yield b.healthy(
        symptoms=[
            b.symptom(
                onset="sudden",
                severity=9,
                numbness=True,
                pain=True,
                pain_days=9,
                suspected_condition="x",
            )
        ]
    )
    yield b.healthy(sessions=b.sessions(weekdays=range(7)))  # monotonous, unconfirmed
    yield b.healthy(strength_tests=b.strength_tests(right_kg=60))
    yield b.healthy(strength_tests=b.strength_tests(right_kg=84))  # inside the typical error
    yield b.healthy(nutrition=b.nutrition(calories_kcal=1500, concerns=("iron",)))
    yield b.healthy(
        wellness=b.wellness(urine=7), mobility_screens=b.mobility(y_balance_left_pct=85)
    )
    yield b.healthy(sessions=b.deload_week(7))
    yield b.healthy(profile=b.profile(goal="general"), sessions=b.sessions(weekdays=(0,)))
    yield b.healthy(sessions=b.lighter_weeks((7, 8), keep_sets=0.25, reps=1))  # peaking
    yield b.healthy(sessions=b.lighter_weeks((7, 8), keep_sets=0.25))  # taper
    yield b.healthy(
        profile=b.profile(date_of_birth=date(1950, 1, 1)),
        phases=[TrainingPhase(b.day(30), b.day(0), "off_season")],
        sessions=b.sessions(weekdays=(0,)),
    )
    yield b.healthy(profile=b.profile(goal="hypertrophy"), sessions=b.sessions(weekdays=(0,)))
    yield b.healthy(jump_tests=b.jumps(38.0))
    yield b.healthy(sessions=SPIKE)
    yield b.healthy(
        sessions=b.sessions(count=56, ending_days_ago=7) + b.sessions(count=7, weekdays=range(6))
    )


@pytest.mark.parametrize("code", [*CAUSES, *RED_FLAGS])
def test_each_rule_reads_only_the_thresholds_it_declares(code):
    from dataclasses import replace

    rule = CAUSES.get(code) or RED_FLAGS[code]
    for snapshot in sample_snapshots():
        recorder = RecordingThresholds()
        fresh = replace(snapshot, thresholds=recorder)
        b.check(code, fresh) if not rule.after_others else rule.check(fresh, recorder, {})
        assert recorder.read <= set(rule.thresholds), recorder.read - set(rule.thresholds)


def test_every_declared_threshold_exists():
    for rule in [*CAUSES.values(), *RED_FLAGS.values()]:
        assert set(rule.thresholds) <= set(DEFAULTS), rule.code


def test_every_threshold_is_used_by_the_engine():
    from dataclasses import replace

    read = set()
    for snapshot in sample_snapshots():
        recorder = RecordingThresholds()
        run(replace(snapshot, thresholds=recorder))
        facts.lookback_days(recorder)
        read |= recorder.read
    assert set(DEFAULTS) - read == set()
