"""The snapshot loader: a fixed number of queries per batch, and faithful snapshots."""

import datetime as dt

import pytest

from assessments.analysis import engine
from assessments.analysis.facts import lookback_days
from assessments.analysis.thresholds import Thresholds
from assessments.selectors import history_start, load_snapshots
from tests import factories as f
from tests.query_helpers import count_queries

pytestmark = pytest.mark.django_db

AS_OF = f.TODAY


def athlete_with_data(organization):
    athlete = f.AthleteFactory(organization=organization, goal_lifts=[f.catalogue("back-squat")])
    day = AS_OF - dt.timedelta(days=1)
    for factory in (
        f.SleepCheckInFactory, f.NutritionCheckInFactory, f.StressCheckInFactory,
        f.WellnessCheckInFactory, f.StrengthTestFactory, f.MovementScreenFactory,
        f.MobilityScreenFactory, f.JumpTestFactory, f.ActivationRatingFactory,
        f.SymptomReportFactory,
    ):  # fmt: skip
        factory(athlete=athlete, date=day)
    session = f.TrainingSessionFactory(athlete=athlete, date=day)
    f.TrainingSetFactory(session=session, position=1)
    f.TrainingSetFactory(session=session, position=2, exercise=f.catalogue("leg-extension"))
    f.TrainingPhaseFactory(athlete=athlete, start=day - dt.timedelta(days=6), end=day)
    return athlete


def test_query_count_is_the_same_for_1_and_200_athletes():
    organization = f.OrganizationFactory()
    f.ThresholdOverrideFactory(organization=organization, key="sleep_min_hours", value=7.5)
    athletes = [athlete_with_data(organization) for _ in range(200)]
    one = count_queries(lambda: load_snapshots([athletes[0].pk], as_of=AS_OF))
    many = count_queries(lambda: load_snapshots([a.pk for a in athletes], as_of=AS_OF))
    assert one == many


def test_snapshot_holds_the_athletes_data():
    organization = f.OrganizationFactory()
    athlete = athlete_with_data(organization)
    snapshot = load_snapshots([athlete.pk], as_of=AS_OF)[athlete.pk]
    assert snapshot.profile.goal_lifts == ("back-squat",)
    assert snapshot.profile.body_mass_kg == athlete.body_mass_kg
    assert [e.hours for e in snapshot.sleep] == [7.5]
    assert [s.exercise for s in snapshot.sessions[0].sets] == ["back-squat", "leg-extension"]
    assert snapshot.strength_tests[0].exercise == "back-squat"
    assert snapshot.exercises["leg-extension"].kind == "isolation"
    for name in ("nutrition", "stress", "wellness", "movement_screens", "mobility_screens",
                 "jump_tests", "activation_ratings", "symptoms"):  # fmt: skip
        assert len(getattr(snapshot, name)) == 1, name


def test_snapshot_excludes_history_older_than_the_window():
    athlete = f.AthleteFactory()
    f.SleepCheckInFactory(athlete=athlete, date=AS_OF - dt.timedelta(days=200))
    snapshot = load_snapshots([athlete.pk], as_of=AS_OF)[athlete.pk]
    assert len(snapshot.sleep) == 0


def sessions_back_to(athlete, days_ago: int) -> None:
    for back in (days_ago, days_ago - 1, 0):
        f.TrainingSessionFactory(athlete=athlete, date=AS_OF - dt.timedelta(days=back))


def test_the_loader_reads_exactly_the_window_the_engine_reports():
    """The lookback of the engine (56 days by default) is read in full, and nothing older."""
    athlete = f.AthleteFactory()
    lookback = lookback_days(Thresholds())
    sessions_back_to(athlete, lookback)
    snapshot = load_snapshots([athlete.pk], as_of=AS_OF)[athlete.pk]
    result = engine.run(snapshot)

    first_day = AS_OF - dt.timedelta(days=lookback - 1)
    assert result.window_start == first_day
    assert [x.date for x in snapshot.sessions] == [first_day, AS_OF]  # not the day before


def test_an_organization_that_looks_further_back_gets_the_longer_history():
    override = f.ThresholdOverrideFactory(key="e1rm_trend_window_weeks", value=12)
    athlete = f.AthleteFactory(organization=override.organization)
    sessions_back_to(athlete, 83)
    snapshot = load_snapshots([athlete.pk], as_of=AS_OF)[athlete.pk]
    assert lookback_days(snapshot.thresholds) == 84
    assert len(snapshot.sessions) == 3
    assert history_start(AS_OF, [Thresholds(), snapshot.thresholds]) == AS_OF - dt.timedelta(83)


def test_organization_exercises_are_visible_only_to_its_athletes():
    own = f.ExerciseFactory(slug="tempo-squat")
    athlete = f.AthleteFactory(organization=own.organization)
    stranger = f.AthleteFactory()
    snapshots = load_snapshots([athlete.pk, stranger.pk], as_of=AS_OF)
    assert "tempo-squat" in snapshots[athlete.pk].exercises
    assert "tempo-squat" not in snapshots[stranger.pk].exercises


def test_organization_overrides_reach_the_thresholds():
    override = f.ThresholdOverrideFactory(key="sleep_min_hours", value=8.0)
    athlete = f.AthleteFactory(organization=override.organization)
    other = f.AthleteFactory()
    snapshots = load_snapshots([athlete.pk, other.pk], as_of=AS_OF)
    assert snapshots[athlete.pk].thresholds.sleep_min_hours == 8.0
    assert snapshots[other.pk].thresholds.sleep_min_hours == 7


def test_an_override_the_engine_rejects_is_ignored_not_fatal():
    override = f.ThresholdOverrideFactory(key="no_longer_a_threshold", value=1.0)
    athlete = f.AthleteFactory(organization=override.organization)
    assert load_snapshots([athlete.pk], as_of=AS_OF)[athlete.pk].thresholds.sleep_min_hours == 7


def test_as_of_defaults_to_the_organizations_local_day():
    athlete = f.AthleteFactory(organization=f.OrganizationFactory(timezone="Pacific/Kiritimati"))
    snapshot = load_snapshots([athlete.pk])[athlete.pk]
    assert abs((snapshot.as_of - dt.date.today()).days) <= 1


def test_snapshot_holds_the_coach_set_phases_that_reach_into_the_window():
    athlete = f.AthleteFactory()
    recent = f.TrainingPhaseFactory(
        athlete=athlete, start=AS_OF - dt.timedelta(days=3), end=AS_OF + dt.timedelta(days=3),
        kind="taper",
    )  # fmt: skip
    f.TrainingPhaseFactory(
        athlete=athlete, start=AS_OF - dt.timedelta(days=400), end=AS_OF - dt.timedelta(days=300)
    )
    f.TrainingPhaseFactory(athlete=f.AthleteFactory(), start=AS_OF, end=AS_OF)  # someone else's
    snapshot = load_snapshots([athlete.pk], as_of=AS_OF)[athlete.pk]
    assert [(p.start, p.end, p.kind) for p in snapshot.phases] == [
        (recent.start, recent.end, "taper")
    ]


def test_snapshot_holds_the_symptom_triage_signs():
    athlete = f.AthleteFactory()
    f.SymptomReportFactory(
        athlete=athlete, date=AS_OF, side="right", swelling=True, back_pain=True,
        saddle_numbness=True, bladder_bowel_change=True, progression="improving", resolved=True,
        context="After a long drive",
    )  # fmt: skip
    [report] = load_snapshots([athlete.pk], as_of=AS_OF)[athlete.pk].symptoms
    assert (report.side, report.progression, report.context) == (
        "right",
        "improving",
        "After a long drive",
    )
    assert report.swelling and report.back_pain and report.saddle_numbness
    assert report.bladder_bowel_change and report.resolved


def test_snapshot_holds_the_fat_free_mass():
    athlete = f.AthleteFactory(fat_free_mass_kg=61.5)
    assert load_snapshots([athlete.pk], as_of=AS_OF)[athlete.pk].profile.fat_free_mass_kg == 61.5
