"""Snapshot input: dated series with cheap windows counted back from the analysis day."""

from dataclasses import FrozenInstanceError, replace

import pytest

from assessments.analysis.snapshot import Series, SleepEntry, Snapshot
from tests.assessments.analysis import builders as b


def nights(*days_ago):
    return [SleepEntry(b.day(ago), 7.0, 4) for ago in days_ago]


def test_series_are_sorted_by_date_whatever_the_input_order():
    series = Series(nights(3, 10, 1), b.AS_OF)
    assert [n.date for n in series] == [b.day(10), b.day(3), b.day(1)]
    assert series == tuple(sorted(nights(3, 10, 1), key=lambda n: n.date))


def test_last_n_days_includes_the_analysis_day_and_excludes_day_n():
    series = Series(nights(0, 6, 7, 13, 14), b.AS_OF)
    assert [n.date for n in series.last(7)] == [b.day(6), b.day(0)]
    assert [n.date for n in series.last(14)] == [b.day(13), b.day(7), b.day(6), b.day(0)]


def test_windows_can_end_before_the_analysis_day():
    series = Series(nights(0, 6, 7, 13, 14, 20), b.AS_OF)
    assert [n.date for n in series.window(7, 7)] == [b.day(13), b.day(7)]


def test_entries_after_the_analysis_day_never_fall_in_a_window():
    series = Series(nights(-2, 1), b.AS_OF)
    assert [n.date for n in series.last(30)] == [b.day(1)]
    assert series.latest().date == b.day(1)
    assert len(series) == 2


def test_latest_and_first_date_of_empty_and_future_only_series():
    assert Series((), b.AS_OF).latest() is None
    assert Series((), b.AS_OF).first_date() is None
    assert Series(nights(-1), b.AS_OF).latest() is None
    assert Series(nights(-1), b.AS_OF).first_date() is None
    assert Series(nights(5, 2), b.AS_OF).first_date() == b.day(5)


def test_windows_reaching_past_the_calendar_take_every_entry_up_to_the_analysis_day():
    series = Series(nights(-2, 1, 400), b.AS_OF)
    assert [n.date for n in series.last(10**7)] == [b.day(400), b.day(1)]
    assert series.window(5, 10**7) == ()


def test_windows_between_entries_find_the_entries_inside_them():
    series = Series(nights(1, 3, 5, 9), b.AS_OF)
    assert [n.date for n in series.window(4, 2)] == [b.day(5), b.day(3)]
    assert [n.date for n in series.window(3, 2)] == [b.day(3)]
    assert series.window(2, 6) == ()


def test_empty_or_negative_windows_are_empty():
    series = Series(nights(1), b.AS_OF)
    assert series.last(0) == ()
    assert series.window(-3) == ()


def test_snapshot_turns_plain_lists_into_series():
    snapshot = Snapshot(profile=b.PROFILE, as_of=b.AS_OF, sleep=nights(2, 1))
    assert isinstance(snapshot.sleep, Series)
    assert isinstance(snapshot.symptoms, Series) and len(snapshot.symptoms) == 0
    assert len(snapshot.sleep.last(2)) == 1


def test_replacing_the_analysis_day_moves_the_windows():
    snapshot = Snapshot(profile=b.PROFILE, as_of=b.AS_OF, sleep=nights(5))
    earlier = replace(snapshot, as_of=b.day(10))
    assert snapshot.sleep.last(7) and not earlier.sleep.last(7)
    assert earlier.day(1) == b.day(11)


def test_snapshot_is_read_only():
    snapshot = b.healthy()
    with pytest.raises(FrozenInstanceError):
        snapshot.as_of = b.day(1)


def test_symptom_text_fields_tolerate_blanks_and_none():
    assert b.symptom(suspected_condition="  iron  ").suspected == "iron"
    assert b.symptom(suspected_condition=None).suspected == ""
    assert b.symptom(explained_by=" ").explained is False
    assert b.symptom(explained_by="a cold").explained is True


def test_exercise_knows_whether_it_trains_the_legs():
    assert b.EXERCISES["leg_curl"].is_leg
    assert not b.EXERCISES["plank"].is_leg
    assert not b.EXERCISES["bench_press"].is_leg
