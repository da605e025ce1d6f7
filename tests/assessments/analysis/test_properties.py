"""Property tests: any snapshot, however empty, sparse or extreme, gives a sound result."""

import json
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.analysis import facts, run
from assessments.analysis.recommendations import direction
from assessments.analysis.rules import CAUSES, RED_FLAGS
from assessments.analysis.rules.registry import LEVELS, REFERRAL_SEVERITIES, SEVERITIES
from assessments.analysis.snapshot import (
    ActivationRating,
    JumpTest,
    MobilityScreen,
    MovementScreen,
    NutritionEntry,
    Profile,
    Session,
    SleepEntry,
    Snapshot,
    StrengthTest,
    StressEntry,
    SymptomReport,
    TrainingSet,
    WellnessEntry,
)
from assessments.analysis.thresholds import DEFAULTS, Thresholds
from tests.assessments.analysis import builders as b

SLUGS = [*b.EXERCISES, "unknown_lift"]
dates = st.integers(-10, 120).map(lambda ago: b.AS_OF - timedelta(days=ago))
maybe = st.none().__or__
amount = st.floats(0, 1000, allow_nan=False)
score_1_10 = st.integers(1, 10)


def listed(strategy, most=25):
    return st.lists(strategy, max_size=most)


profiles = st.builds(
    Profile,
    athlete_id=st.integers(1, 10**6),
    sex=st.sampled_from(["female", "male", "other"]),
    date_of_birth=maybe(st.dates(min_value=b.AS_OF.replace(year=1920), max_value=b.AS_OF)),
    height_cm=maybe(st.floats(0, 250)),
    body_mass_kg=maybe(st.floats(0, 300)),
    training_age_years=maybe(st.floats(0, 60)),
    goal=st.sampled_from(["strength", "hypertrophy", "power", "general"]),
    goal_lifts=st.lists(st.sampled_from(SLUGS), max_size=3, unique=True).map(tuple),
)
training_sets = st.builds(
    TrainingSet,
    exercise=st.sampled_from(SLUGS),
    reps=st.integers(0, 100),
    load_kg=amount,
    rpe=maybe(st.floats(0, 10)),
    rir=maybe(st.floats(0, 10)),
    side=st.sampled_from(["both", "left", "right"]),
)
sessions = st.builds(
    Session,
    date=dates,
    duration_min=st.floats(0, 600),
    session_rpe=st.floats(0, 10),
    sets=st.lists(training_sets, max_size=8).map(tuple),
)
symptoms = st.builds(
    SymptomReport,
    date=dates,
    onset=st.sampled_from(["sudden", "gradual"]),
    severity=st.integers(0, 10),
    numbness=st.booleans(),
    tingling=st.booleans(),
    loss_of_sensation=st.booleans(),
    pain=st.booleans(),
    pain_days=maybe(st.integers(0, 400)),
    pain_improves_with_rest=maybe(st.booleans()),
    explained_by=st.sampled_from(["", " ", "flu"]),
    suspected_condition=st.sampled_from(["", "  ", "anaemia"]),
    side=st.sampled_from([None, "left", "right", "both"]),
    swelling=st.booleans(),
    back_pain=st.booleans(),
    saddle_numbness=st.booleans(),
    bladder_bowel_change=st.booleans(),
    progression=st.sampled_from([None, "worsening", "stable", "improving"]),
    resolved=st.booleans(),
    context=st.sampled_from(["", "long drive\r\nhome", "\udcff", "x" * 5000]),
)
overridable = sorted(DEFAULTS)


@st.composite
def overrides(draw):
    chosen = draw(st.lists(st.sampled_from(overridable), max_size=6, unique=True))
    values = {}
    for key in chosen:
        row = DEFAULTS[key]
        low = row.minimum if row.minimum is not None else -100
        high = row.maximum if row.maximum is not None else low + 120
        values[key] = (
            draw(st.integers(int(low), int(high))) if row.integral else draw(st.floats(low, high))
        )
    return values


snapshots = st.builds(
    Snapshot,
    profile=profiles,
    as_of=st.just(b.AS_OF),
    exercises=st.just(b.EXERCISES),
    sleep=listed(st.builds(SleepEntry, dates, st.floats(0, 24), st.integers(1, 5)), 40),
    nutrition=listed(
        st.builds(
            NutritionEntry,
            dates,
            st.floats(0, 20000),
            amount,
            maybe(amount),
            maybe(amount),
            st.floats(0, 20),
            st.lists(st.sampled_from(["magnesium", "iron"])).map(tuple),
        ),
        40,
    ),
    stress=listed(st.builds(StressEntry, dates, score_1_10, maybe(st.integers(1, 5))), 40),
    wellness=listed(
        st.builds(
            WellnessEntry,
            dates,
            score_1_10,
            score_1_10,
            st.integers(0, 10),
            maybe(st.integers(1, 5)),
            maybe(st.integers(1, 8)),
            maybe(st.floats(0, 300)),
        ),
        40,
    ),
    sessions=listed(sessions, 30),
    strength_tests=listed(
        st.builds(
            StrengthTest,
            dates,
            st.sampled_from(SLUGS),
            amount,
            st.integers(0, 30),
            st.sampled_from(["both", "left", "right"]),
        )
    ),
    movement_screens=listed(
        st.builds(
            MovementScreen,
            dates,
            st.sampled_from(SLUGS),
            st.lists(st.sampled_from(["knee_valgus", "heel_lift", "butt_wink"])).map(tuple),
            st.lists(st.sampled_from(["hip_hike", "weight_shift"])).map(tuple),
            st.lists(st.sampled_from(["core", "hip", "knee", "ankle"])).map(tuple),
        )
    ),
    mobility_screens=listed(st.builds(MobilityScreen, dates, *[maybe(st.floats(0, 120))] * 6)),
    jump_tests=listed(st.builds(JumpTest, dates, st.floats(0, 100))),
    activation_ratings=listed(
        st.builds(ActivationRating, dates, maybe(st.sampled_from(SLUGS)), st.integers(1, 5))
    ),
    symptoms=listed(symptoms, 5),
    thresholds=st.one_of(st.just(Thresholds()), overrides().map(Thresholds)),
)


def daily(build, *value_strategies, most=63):
    """Consecutive daily entries ending on AS_OF, values drawn per day."""
    values = st.lists(st.tuples(*value_strategies), max_size=most)
    return values.map(
        lambda rows: [build(d, *row) for d, row in zip(b.days(len(rows)), rows, strict=True)]
    )


dense_snapshots = st.builds(
    b.healthy,
    profile=profiles,
    sleep=daily(SleepEntry, st.floats(0, 24), st.integers(1, 5)),
    nutrition=daily(
        NutritionEntry,
        st.floats(0, 8000),
        st.floats(0, 400),
        st.none(),
        st.none(),
        st.floats(0, 10),
        st.sampled_from([(), ("iron",)]),
    ),
    stress=daily(StressEntry, score_1_10, st.none()),
    wellness=daily(
        WellnessEntry,
        score_1_10,
        score_1_10,
        st.integers(0, 10),
        st.none(),
        maybe(st.integers(1, 8)),
        maybe(st.floats(40, 150)),
    ),
    sessions=st.lists(st.lists(training_sets, max_size=8).map(tuple), max_size=40).map(
        lambda plans: [Session(b.day(2 * i), 60.0, 7.0, sets) for i, sets in enumerate(plans)]
    ),
    strength_tests=listed(
        st.builds(
            StrengthTest,
            dates,
            st.sampled_from(SLUGS),
            amount,
            st.integers(1, 12),
            st.sampled_from(["both", "left", "right"]),
        )
    ),
    jump_tests=listed(st.builds(JumpTest, dates, st.floats(0, 100))),
)

SCALARS = (int, float, str, type(None))


def json_scalar_or_list(value):
    if isinstance(value, list):
        return all(isinstance(item, SCALARS) and not isinstance(item, bool) for item in value)
    return isinstance(value, SCALARS) and not isinstance(value, bool)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(snapshots, dense_snapshots))
def test_any_snapshot_gives_a_sound_result(snapshot):
    result = run(snapshot)

    scores = [f.score for f in result.findings]
    assert all(0.0 <= score <= 1.0 for score in scores)
    order = [(LEVELS.index(f.level), -f.score) for f in result.findings]
    assert order == sorted(order)  # causes first, then watch items; each by score
    assert len({f.cause for f in result.findings}) == len(result.findings)
    assert result.weakness_type in ("true", "perceived", "none", "undetermined")
    referrals = [f for f in result.red_flags if f.severity in REFERRAL_SEVERITIES]
    assert result.training_advice_secondary is bool(referrals)
    assert len(set(result.data_gaps)) == len(result.data_gaps)

    lookback = facts.lookback_days(snapshot.thresholds)
    for finding in result.findings:
        rule = CAUSES[finding.cause]
        assert finding.category == rule.category
        assert any(getattr(snapshot, name).last(lookback) for name in rule.needs), finding.cause
        assert finding.recommendations
        assert all(json_scalar_or_list(v) for v in finding.evidence.values()), finding.evidence
    for flag in result.red_flags:
        assert flag.code in RED_FLAGS and flag.severity in SEVERITIES and flag.advice
        assert any(getattr(snapshot, n).last(lookback) for n in RED_FLAGS[flag.code].needs)
        assert all(json_scalar_or_list(v) for v in flag.evidence.values()), flag.evidence

    data = result.to_dict()
    assert json.loads(json.dumps(data, allow_nan=False)) == data


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(snapshots, dense_snapshots))
def test_no_run_advises_opposite_things(snapshot):
    codes = {r.code for f in run(snapshot).findings for r in f.recommendations}
    directions = {direction(code) for code in codes}
    assert not {"less", "more"} <= directions, codes


@settings(max_examples=50, deadline=None)
@given(profiles)
def test_a_profile_without_data_has_gaps_and_nothing_else(profile):
    result = run(Snapshot(profile=profile, as_of=b.AS_OF, exercises=b.EXERCISES))
    assert result.findings == () and result.red_flags == ()
    assert result.data_gaps


@settings(max_examples=100, deadline=None)
@given(snapshots)
def test_running_twice_gives_the_same_result(snapshot):
    assert run(snapshot) == run(snapshot)
