"""An athlete's data for the coach to take away: JSON (everything) or CSV (one row a day)."""

import csv
import io
from collections import defaultdict

from django.core.serializers.json import DjangoJSONEncoder
from django.forms.models import model_to_dict

from .models import (
    Athlete,
    NutritionCheckIn,
    SleepCheckIn,
    StressCheckIn,
    TrainingSession,
    TrainingSet,
    WellnessCheckIn,
)

DAILY_COLUMNS = (
    ("sleep", SleepCheckIn, ("hours", "quality")),
    ("nutrition", NutritionCheckIn, ("calories_kcal", "protein_g", "carbohydrate_g", "fat_g",
                                     "water_l")),
    ("stress", StressCheckIn, ("stress", "mood")),
    ("wellness", WellnessCheckIn, ("fatigue", "soreness", "perceived_leg_weakness",
                                   "motivation", "urine_colour", "body_mass_kg")),
)  # fmt: skip
OMIT = ("id", "athlete")


def _rows(model, athlete: Athlete) -> list[dict]:
    return [
        {k: v for k, v in model_to_dict(row).items() if k not in OMIT}
        | {"created_at": row.created_at, "updated_at": row.updated_at}
        for row in model.objects.filter(athlete=athlete).order_by("date", "pk")
    ]


def as_json(athlete: Athlete) -> str:
    """Every record of the athlete, grouped by kind, as JSON text."""
    from assessments import models as am

    sets = defaultdict(list)
    for one in TrainingSet.objects.filter(session__athlete=athlete).select_related("exercise"):
        sets[one.session_id].append({
            "position": one.position, "exercise": one.exercise.slug, "reps": one.reps,
            "load_kg": one.load_kg, "rpe": one.rpe, "rir": one.rir, "side": one.side,
        })  # fmt: skip
    sessions = [
        {"date": s.date, "duration_min": s.duration_min, "session_rpe": s.session_rpe,
         "load_au": s.load_au, "notes": s.notes, "sets": sets[s.pk]}
        for s in TrainingSession.objects.filter(athlete=athlete).order_by("date", "pk")
    ]  # fmt: skip
    data = {
        "athlete": {
            "id": athlete.pk,
            "name": athlete.name,
            "sex": athlete.sex,
            "date_of_birth": athlete.date_of_birth,
            "height_cm": athlete.height_cm,
            "body_mass_kg": athlete.body_mass_kg,
            "goal": athlete.goal,
            "training_age_years": athlete.training_age_years,
            "goal_lifts": [e.slug for e in athlete.goal_lifts.all()],
        },
        **{name: _rows(model, athlete) for name, model, _ in DAILY_COLUMNS},
        "sessions": sessions,
        "strength_tests": _rows(am.StrengthTest, athlete),
        "movement_screens": _rows(am.MovementScreen, athlete),
        "mobility_screens": _rows(am.MobilityScreen, athlete),
        "jump_tests": _rows(am.JumpTest, athlete),
        "activation_ratings": _rows(am.ActivationRating, athlete),
        "symptoms": _rows(am.SymptomReport, athlete),
    }
    return DjangoJSONEncoder(indent=2).encode(data)


def as_csv(athlete: Athlete) -> str:
    """One row per day with a check-in or a session: the daily picture in a spreadsheet."""
    by_day = defaultdict(dict)
    header = ["date"]
    for prefix, model, fields in DAILY_COLUMNS:
        header += [f"{prefix}_{field}" for field in fields]
        for row in model.objects.filter(athlete=athlete).values("date", *fields):
            by_day[row["date"]].update({f"{prefix}_{f}": row[f] for f in fields})
    header += ["sessions", "session_load_au"]
    for row in TrainingSession.objects.filter(athlete=athlete).values("date", "load_au"):
        day = by_day[row["date"]]
        day["sessions"] = day.get("sessions", 0) + 1
        day["session_load_au"] = day.get("session_load_au", 0) + row["load_au"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, restval="")
    writer.writeheader()
    for day in sorted(by_day):
        writer.writerow({"date": day.isoformat(), **by_day[day]})
    return out.getvalue()
