"""Eight weeks of one athlete as chart series, computed with the engine's own metrics.

The numbers a coach sees are the numbers the engine judged: the same snapshot, the same
e1RM and load formulas, the same thresholds for the reference bands.
"""

import datetime as dt

from assessments.analysis import facts, metrics
from assessments.selectors import load_snapshots

WEEKS = 8


def athlete_charts(athlete_id: int, *, as_of: dt.date | None = None) -> dict:
    """Chart.js-ready series (labels and datasets) for the athlete page; a fixed query count."""
    snapshot = load_snapshots([athlete_id], as_of=as_of).get(athlete_id)
    if snapshot is None:
        return {}
    t = snapshot.thresholds
    days = [snapshot.day(ago) for ago in range(WEEKS * 7 - 1, -1, -1)]
    labels = [day.isoformat() for day in days]
    mass = facts.body_mass_kg(snapshot)

    def daily(series, value):
        by_day = {entry.date: value(entry) for entry in series.last(WEEKS * 7)}
        return [_round(by_day.get(day)) for day in days]

    return {
        "sleep": {
            "labels": labels,
            "hours": daily(snapshot.sleep, lambda e: e.hours),
            "band": [t.sleep_min_hours, 9],
        },
        "protein": {
            "labels": labels,
            "g_per_kg": daily(snapshot.nutrition, lambda e: e.protein_g / mass if mass else None),
            "band": [t.protein_min_g_per_kg, 2.2],
        },
        "wellness": {
            "labels": labels,
            "stress": daily(snapshot.stress, lambda e: e.stress),
            "fatigue": daily(snapshot.wellness, lambda e: e.fatigue),
            "soreness": daily(snapshot.wellness, lambda e: e.soreness),
            "perceived_weakness": daily(snapshot.wellness, lambda e: e.perceived_leg_weakness),
        },
        "load": _weekly_load(snapshot),
        "e1rm": _e1rm(snapshot, labels, days),
    }


def _weekly_load(snapshot) -> dict:
    """Weekly session-RPE load and the rolling acute:chronic ratio at each week's end."""
    t = snapshot.thresholds
    span = WEEKS * 7 + t.chronic_window_days
    loads = metrics.daily_loads(snapshot.sessions, snapshot.as_of, span)
    first = snapshot.sessions.first_date()
    labels, weekly, ratios = [], [], []
    for week in range(WEEKS):
        end = span - (WEEKS - 1 - week) * 7
        labels.append(snapshot.day((WEEKS - 1 - week) * 7).isoformat())
        weekly.append(round(sum(loads[end - 7 : end])))
        week_end = snapshot.day((WEEKS - 1 - week) * 7)
        if first is None or (week_end - first).days + 1 < t.chronic_window_days:
            ratios.append(None)  # no chronic load to compare with yet
            continue
        ratio = metrics.acwr_rolling(loads[:end], t.acute_window_days, t.chronic_window_days)
        ratios.append(_round(ratio, 2))
    return {"labels": labels, "load_au": weekly, "acwr": ratios, "danger": t.acwr_danger}


def _e1rm(snapshot, labels, days) -> dict:
    points = facts.e1rm_points(snapshot)
    first = days[0]
    datasets = []
    for lift in snapshot.profile.goal_lifts:
        best = {}
        for day, value in points.get(lift, ()):
            if day >= first:
                best[day] = max(value, best.get(day, 0.0))
        name = snapshot.exercises[lift].name if lift in snapshot.exercises else lift
        datasets.append({"label": name, "data": [_round(best.get(day)) for day in days]})
    return {"labels": labels, "datasets": datasets}


def _round(value, digits: int = 1):
    return None if value is None else round(value, digits)
