"""Every endpoint of the API as a table row: how to call it and what each role gets.

The access matrix runs each row for each role; a test checks the table covers every route.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

TODAY = dt.date.today()


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    url: Callable  # world -> path
    expect: dict[str, int]
    body: Callable = field(default=lambda w: None)

    def call(self, world, role: str, **headers):
        client = world.client(role)
        body = self.body(world)
        method = getattr(client, self.method.lower())
        return method(self.url(world), body, format="json", **headers)

    def call_with_key(self, world, role: str, key: str):
        return self.call(world, role, HTTP_IDEMPOTENCY_KEY=key)


def _roles(anon, athlete, other_athlete, coach, colleague, head, stranger, staff):
    return dict(locals())


def athlete_data(ok: int) -> dict[str, int]:
    """Athlete data anyone in the athlete's scope reads and writes (check-ins, sessions...)."""
    return _roles(401, ok, 404, ok, 404, ok, 404, ok)


def coach_data(ok: int) -> dict[str, int]:
    """Athlete data only coaches handle (assessments, analysis history): athletes get 403."""
    return _roles(401, 403, 403, ok, 404, ok, 404, ok)


def everyone(ok: int) -> dict[str, int]:
    return _roles(401, ok, ok, ok, ok, ok, ok, ok)


def A(w) -> str:
    return f"/api/v1/athletes/{w.athlete.pk}"


def O(w) -> str:  # noqa: E743
    return f"/api/v1/organizations/{w.org.pk}"


CHECK_IN_BODIES = {
    "sleep": {"hours": 6.5, "quality": 3},
    "nutrition": {"calories_kcal": 2500, "protein_g": 120, "water_l": 2.5},
    "stress": {"stress": 6, "mood": 3},
    "wellness": {"fatigue": 5, "soreness": 4, "perceived_leg_weakness": 3},
}
CHECK_IN_PATCHES = {
    "sleep": {"quality": 4},
    "nutrition": {"fat_g": 70},
    "stress": {"mood": 2},
    "wellness": {"body_mass_kg": 81.5},
}
ASSESSMENT_BODIES = {
    "strength": {"exercise": "back-squat", "load_kg": 100, "reps": 5, "side": "both"},
    "movement": {"exercise": "back-squat", "flaws": ["knee_valgus"]},
    "mobility": {"ankle_dorsiflexion_left_cm": 9.5},
    "jump": {"countermovement_jump_cm": 38.5},
    "activation": {"exercise": "back-squat", "mind_muscle_rating": 2},
}
SESSION_BODY = {
    "duration_min": 60,
    "session_rpe": 8,
    "sets": [{"exercise": "back-squat", "reps": 5, "load_kg": 100, "rpe": 8, "side": "both"}],
}
SYMPTOM_BODY = {"onset": "gradual", "severity": 4}
PHASE_START = TODAY + dt.timedelta(days=30)  # clear of the world's phase


def phase_body(w) -> dict:
    return {
        "start": PHASE_START.isoformat(),
        "end": (PHASE_START + dt.timedelta(days=6)).isoformat(),
        "kind": "deload",
    }


def dated(body: dict) -> Callable:
    return lambda w: {"date": TODAY.isoformat(), **body}


# fmt: off
def _endpoints() -> list[Endpoint]:
    rows = [
        Endpoint("me", "GET", lambda w: "/api/v1/me/", everyone(200)),
        Endpoint("organization-list", "GET", lambda w: "/api/v1/organizations/", everyone(200)),
        Endpoint(
            "organization-detail", "GET", lambda w: f"{O(w)}/",
            _roles(401, 200, 200, 200, 200, 200, 404, 200),
        ),
        Endpoint(
            "organization-create", "POST", lambda w: "/api/v1/organizations/",
            _roles(401, 403, 403, 403, 403, 403, 403, 201),
            body=lambda w: {"name": "New Club", "timezone": "Europe/Oslo"},
        ),
        Endpoint(
            "coach-list", "GET", lambda w: f"{O(w)}/coaches/",
            _roles(401, 403, 403, 200, 200, 200, 404, 200),
        ),
        Endpoint(
            "coach-create", "POST", lambda w: f"{O(w)}/coaches/",
            _roles(401, 403, 403, 403, 403, 201, 403, 201),
            body=lambda w: {
                "username": "new-coach", "password": "a-long-passphrase-42",
                "email": "new@example.com", "role": "coach",
            },
        ),
        Endpoint(
            "thresholds-get", "GET", lambda w: f"{O(w)}/thresholds/",
            _roles(401, 403, 403, 200, 200, 200, 404, 200),
        ),
        Endpoint(
            "thresholds-patch", "PATCH", lambda w: f"{O(w)}/thresholds/",
            _roles(401, 403, 403, 403, 403, 200, 403, 403),
            body=lambda w: {"sleep_min_hours": 7.5},
        ),
        Endpoint("athlete-list", "GET", lambda w: "/api/v1/athletes/", everyone(200)),
        Endpoint(
            "athlete-create", "POST", lambda w: "/api/v1/athletes/",
            _roles(401, 403, 403, 201, 201, 201, 201, 403),
            body=lambda w: {"name": "New Athlete", "sex": "male", "goal": "power"},
        ),
        Endpoint("athlete-detail", "GET", lambda w: f"{A(w)}/", athlete_data(200)),
        Endpoint(
            "athlete-update", "PATCH", lambda w: f"{A(w)}/",
            _roles(401, 403, 403, 200, 404, 200, 404, 403),
            body=lambda w: {"name": "Renamed"},
        ),
        Endpoint(
            "athlete-delete", "DELETE", lambda w: f"{A(w)}/",
            _roles(401, 403, 403, 204, 404, 204, 404, 403),
        ),
        Endpoint("exercise-list", "GET", lambda w: "/api/v1/exercises/", everyone(200)),
        Endpoint(
            "exercise-create", "POST", lambda w: "/api/v1/exercises/",
            _roles(401, 403, 403, 201, 201, 201, 201, 403),
            body=lambda w: {
                "slug": "sled-push", "name": "Sled push", "pattern": "other",
                "kind": "compound", "muscles": ["quadriceps", "glutes"],
            },
        ),
        Endpoint(
            "session-list", "GET", lambda w: f"{A(w)}/sessions/", athlete_data(200)
        ),
        Endpoint(
            "session-create", "POST", lambda w: f"{A(w)}/sessions/", athlete_data(201),
            body=dated(SESSION_BODY),
        ),
        Endpoint(
            "session-detail", "GET",
            lambda w: f"{A(w)}/sessions/{w.records['session'].pk}/", athlete_data(200),
        ),
        Endpoint(
            "session-replace", "PUT",
            lambda w: f"{A(w)}/sessions/{w.records['session'].pk}/", athlete_data(200),
            body=dated(SESSION_BODY),
        ),
        Endpoint(
            "session-patch", "PATCH",
            lambda w: f"{A(w)}/sessions/{w.records['session'].pk}/", athlete_data(200),
            body=lambda w: {"notes": "Felt strong"},
        ),
        Endpoint(
            "session-delete", "DELETE",
            lambda w: f"{A(w)}/sessions/{w.records['session'].pk}/", athlete_data(204),
        ),
        Endpoint("symptom-list", "GET", lambda w: f"{A(w)}/symptoms/", athlete_data(200)),
        Endpoint(
            "symptom-create", "POST", lambda w: f"{A(w)}/symptoms/", athlete_data(201),
            body=dated(SYMPTOM_BODY),
        ),
        Endpoint(
            "symptom-detail", "GET",
            lambda w: f"{A(w)}/symptoms/{w.records['symptom'].pk}/", athlete_data(200),
        ),
        Endpoint(
            "symptom-patch", "PATCH",
            lambda w: f"{A(w)}/symptoms/{w.records['symptom'].pk}/", athlete_data(200),
            body=lambda w: {"severity": 2},
        ),
        Endpoint(
            "symptom-delete", "DELETE",
            lambda w: f"{A(w)}/symptoms/{w.records['symptom'].pk}/", athlete_data(204),
        ),
        Endpoint("phase-list", "GET", lambda w: f"{A(w)}/phases/", athlete_data(200)),
        Endpoint(
            "phase-create", "POST", lambda w: f"{A(w)}/phases/", coach_data(201), body=phase_body,
        ),
        Endpoint(
            "phase-detail", "GET",
            lambda w: f"{A(w)}/phases/{w.records['phase'].pk}/", athlete_data(200),
        ),
        Endpoint(
            "phase-replace", "PUT",
            lambda w: f"{A(w)}/phases/{w.records['phase'].pk}/", coach_data(200),
            body=phase_body,
        ),
        Endpoint(
            "phase-patch", "PATCH",
            lambda w: f"{A(w)}/phases/{w.records['phase'].pk}/", coach_data(200),
            body=lambda w: {"notes": "Meet in three weeks"},
        ),
        Endpoint(
            "phase-delete", "DELETE",
            lambda w: f"{A(w)}/phases/{w.records['phase'].pk}/", coach_data(204),
        ),
        Endpoint("analyze", "POST", lambda w: f"{A(w)}/analyze/", coach_data(202)),
        Endpoint("analysis", "GET", lambda w: f"{A(w)}/analysis/", athlete_data(200)),
        Endpoint("analyses", "GET", lambda w: f"{A(w)}/analyses/", coach_data(200)),
        Endpoint(
            "flag-list", "GET", lambda w: "/api/v1/flags/",
            _roles(401, 403, 403, 200, 200, 200, 200, 200),
        ),
        Endpoint(
            "flag-detail", "GET",
            lambda w: f"/api/v1/flags/{w.records['flag'].pk}/", coach_data(200),
        ),
        Endpoint(
            "flag-acknowledge", "POST",
            lambda w: f"/api/v1/flags/{w.records['flag'].pk}/acknowledge/", coach_data(200),
            body=lambda w: {"note": "Seen; booked a physio."},
        ),
        Endpoint(
            "flag-resolve", "POST",
            lambda w: f"/api/v1/flags/{w.records['flag'].pk}/resolve/", coach_data(200),
            body=lambda w: {},
        ),
    ]
    for kind, body in CHECK_IN_BODIES.items():
        base = lambda w, kind=kind: f"{A(w)}/check-ins/{kind}/"  # noqa: E731
        rows += [
            Endpoint(f"{kind}-list", "GET", base, athlete_data(200)),
            Endpoint(
                f"{kind}-detail", "GET", lambda w, b=base: f"{b(w)}{TODAY}/", athlete_data(200)
            ),
            Endpoint(
                f"{kind}-put", "PUT", lambda w, b=base: f"{b(w)}{TODAY}/", athlete_data(200),
                body=lambda w, body=body: body,
            ),
            Endpoint(
                f"{kind}-patch", "PATCH", lambda w, b=base: f"{b(w)}{TODAY}/", athlete_data(200),
                body=lambda w, patch=CHECK_IN_PATCHES[kind]: patch,
            ),
            Endpoint(
                f"{kind}-delete", "DELETE", lambda w, b=base: f"{b(w)}{TODAY}/",
                athlete_data(204),
            ),
        ]
    for kind, body in ASSESSMENT_BODIES.items():
        base = lambda w, kind=kind: f"{A(w)}/assessments/{kind}/"  # noqa: E731
        one = lambda w, b=base, kind=kind: f"{b(w)}{w.records[kind].pk}/"  # noqa: E731
        rows += [
            Endpoint(f"{kind}-list", "GET", base, coach_data(200)),
            Endpoint(f"{kind}-create", "POST", base, coach_data(201), body=dated(body)),
            Endpoint(f"{kind}-detail", "GET", one, coach_data(200)),
            Endpoint(f"{kind}-delete", "DELETE", one, coach_data(204)),
        ]
    return rows
# fmt: on


ENDPOINTS = _endpoints()
