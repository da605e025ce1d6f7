"""Turn a :class:`~bench.validation.spec.History` and a noise seed into an engine snapshot.

Everyday noise, as real logs show it (seeded and deterministic: the same history and seed give
the same snapshot):

- check-ins on 60-90 % of days (fewer on a break), nutrition on fewer, weigh-ins on some, now
  and then in the evening (about +1 kg);
- whole-number scores: 1-10 scales with about +-1 point from day to day, urine colour 1-8,
  sleep quality 1-5; sleep in quarter hours with a night-to-night SD of about 0.7 h;
- one bad week or more (stress up, sleep down, more fatigue);
- training: loads chosen from the athlete's estimated 1RM, rounded to 2.5 kg; the day's real
  strength varies by about 2.5 % (so the logged effort does); effort logged in half-point RPE
  with +-0.5 misjudgement (or as reps in reserve); some sets unrated, some sessions unlogged;
  unilateral sets logged per leg by some athletes;
- strength that grows in training weeks, holds in deloads, is realised in tapers, fades on a
  break and comes back on the return, and falls when the athlete overreaches.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

from assessments.analysis import (
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
from assessments.analysis.snapshot import PHASE_KINDS, TrainingPhase

from .catalogue import EXERCISES, PROGRAMMES, STRENGTH_RATIO, TRAINING_DAYS, Lift
from .spec import Athlete, Block, History

BASE_AS_OF = date(2026, 11, 24)
FLAWS = ("knee_valgus", "heel_lift", "forward_lean", "butt_wink")
DAILY_STRENGTH_SD = 0.025  # day-to-day variation of true strength (a few %)
JUMP_TYPICAL_ERROR = 0.035  # countermovement jump test-retest, share of height
GAIN_BY_KIND = {  # share of the athlete's weekly gain earned in a week of this block
    "accumulation": 1.0,
    "intensification": 1.0,
    "novice": 1.0,
    "return": 0.0,  # regains what the break cost instead (see _Strength)
    "deload": 0.0,
    "off_season": 0.0,
}
REALISED_PCT_PER_WEEK = {"taper": 0.4, "peaking": 0.4}  # fatigue falls away
LOSS_PCT_PER_WEEK = {"break": 0.6, "overreach": 3.5}


def as_of_for(seed: int) -> date:
    """The analysis day: seeds move it over a week, so weekdays line up differently."""
    return BASE_AS_OF + timedelta(days=seed % 7)


def simulate(history: History, seed: int, athlete_id: int = 1) -> Snapshot:
    """One noisy snapshot of ``history`` (deterministic in ``history.name`` and ``seed``)."""
    return _Simulation(history, seed, athlete_id).snapshot()


def _clip(value: float, low: float, high: float) -> float:
    return min(high, max(low, value))


def _score(value: float, low: int, high: int) -> int:
    return int(_clip(round(value), low, high))


def _round_to(value: float, step: float) -> float:
    return round(value / step) * step


class _Simulation:
    def __init__(self, history: History, seed: int, athlete_id: int) -> None:
        self.h, self.a = history, history.athlete
        self.rng = random.Random(f"{history.name}/{seed}")
        self.athlete_id = athlete_id
        self.as_of = as_of_for(seed)
        self.total = history.days
        self.start = self.as_of - timedelta(days=self.total - 1)
        self.blocks = self._block_days()
        self.bad_days = self._bad_days()
        self.squat_kg = self.a.squat_1rm_kg
        self.peak_kg = self.squat_kg
        self.rows: dict[str, list] = {name: [] for name in _SERIES}
        self.leg_day_before = False

    # --- plan ---------------------------------------------------------------------------------

    def _block_days(self) -> list[tuple[Block, int]]:
        """(block, day number inside it) for every day of the history, oldest first."""
        out = []
        for block in self.h.plan:
            out += [(block, i) for i in range(block.days)]
        return out

    def _bad_days(self) -> set[int]:
        bad: set[int] = set()
        for _ in range(self.a.bad_weeks):
            first = self.rng.randrange(0, max(1, self.total - 5))
            bad |= set(range(first, first + self.rng.randint(4, 7)))
        return bad

    def level(self, name: str, days_ago: int) -> float:
        value = getattr(self.a, name, 0.0)
        for level, changed, since in self.a.recent:
            if level == name and days_ago < since:
                value = changed
        return value

    # --- the whole history --------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        for index, (block, day_in_block) in enumerate(self.blocks):
            day = self.start + timedelta(days=index)
            days_ago = self.total - 1 - index
            self._grow_strength(block, day_in_block)
            trained = self._train(day, block, day_in_block)
            self._check_in(day, days_ago, index, block, day_in_block)
            self.leg_day_before = trained
        self._assessments()
        a = self.a
        profile = Profile(
            athlete_id=self.athlete_id,
            sex=a.sex,
            date_of_birth=date(self.as_of.year - a.age_years, 6, 15),
            height_cm=a.height_cm,
            body_mass_kg=a.body_mass_kg,
            training_age_years=a.training_age_years,
            goal=a.goal,
            goal_lifts=a.goal_lifts,
        )
        return Snapshot(
            profile=profile,
            as_of=self.as_of,
            exercises=EXERCISES,
            phases=self._coach_phases(),
            **self.rows,
        )

    def _coach_phases(self) -> tuple[TrainingPhase, ...]:
        phases, day = [], self.start
        for block in self.h.plan:
            end = day + timedelta(days=block.days - 1)
            if block.coach_set and block.kind in PHASE_KINDS:
                phases.append(TrainingPhase(day, end, block.kind))
            day = end + timedelta(days=1)
        return tuple(phases)

    # --- strength -----------------------------------------------------------------------------

    def _grow_strength(self, block: Block, day_in_block: int) -> None:
        a = self.a
        if block.kind in LOSS_PCT_PER_WEEK:
            if block.kind == "break" and day_in_block < 7:
                return  # a week off costs nothing measurable
            self.squat_kg *= 1 - LOSS_PCT_PER_WEEK[block.kind] / 700
            return
        if a.fixed_loads:
            return
        if block.kind == "return" and self.squat_kg < self.peak_kg:
            self.squat_kg = min(self.peak_kg, self.squat_kg * (1 + 2.0 / 700))
            return
        pct = REALISED_PCT_PER_WEEK.get(block.kind, GAIN_BY_KIND.get(block.kind, 0.0))
        if block.kind in GAIN_BY_KIND:
            pct *= a.weekly_gain_pct
        self.squat_kg *= 1 + pct / 700
        self.peak_kg = max(self.peak_kg, self.squat_kg)

    def _session_lifts(self, block: Block, day_in_block: int, session_no: int) -> list[Lift]:
        name = block.programme or self.a.programme or self.a.goal
        templates = PROGRAMMES[name]
        lifts = list(templates[session_no % len(templates)])
        kind, week = block.kind, day_in_block // 7
        out = []
        for lift in lifts:
            sets, reps, rpe = lift.sets, lift.reps, lift.rpe
            if lift.main and block.reps:
                reps = block.reps
            if kind == "intensification" and lift.main:
                reps, rpe = (block.reps or max(3, reps - 3)), (rpe or 8) + 0.5
            elif kind == "deload":
                sets, rpe = math.ceil(sets / 2), (6.0 if rpe else None)
            elif kind == "taper":
                sets = math.ceil(sets / 2)
            elif kind == "peaking":
                if not lift.main:
                    continue
                sets, reps, rpe = 3, self.rng.choice((1, 1, 2)), 9.0
            elif kind == "return":
                share = (0.5, 0.75)[week] if week < 2 else 1.0
                sets = max(1, round(sets * share))
                rpe = min(rpe, 6.5 + week) if rpe else None
            elif kind == "off_season":
                sets, rpe = max(1, round(sets * 0.6)), (7.0 if rpe else None)
            elif kind == "overreach":
                sets, rpe = sets + 2, (9.0 if rpe else None)
            out.append(Lift(lift.exercise, sets, reps, rpe, lift.main))
        return out

    def _train(self, day: date, block: Block, day_in_block: int) -> bool:
        a = self.a
        per_week = block.sessions_per_week or a.sessions_per_week
        if block.kind == "break":
            return False
        if block.kind == "overreach":
            per_week = max(per_week, 5)
        if day.weekday() not in TRAINING_DAYS[per_week] or self.rng.random() < a.skip_rate:
            return False
        session_no = (day - self.start).days // 7 * per_week + TRAINING_DAYS[per_week].index(
            day.weekday()
        )
        lifts = self._session_lifts(block, day_in_block, session_no)
        form = 1 + self.rng.gauss(0, DAILY_STRENGTH_SD)
        sets: list[TrainingSet] = []
        for lift in lifts:
            sets += self._sets(lift, form)
        planned = [lift.rpe for lift in lifts if lift.rpe] or [7.0]
        sets_done = sum(lift.sets for lift in lifts)
        duration = max(20, _round_to(10 + 2.8 * sets_done + self.rng.gauss(0, 6), 5))
        session_rpe = _score(sum(planned) / len(planned) - 0.5 + self.rng.gauss(0, 0.7), 2, 10)
        if self.rng.random() < a.session_log_rate:
            self.rows["sessions"].append(Session(day, duration, session_rpe, tuple(sets)))
        return True

    def _sets(self, lift: Lift, form: float) -> list[TrainingSet]:
        a, rng = self.a, self.rng
        ratio = STRENGTH_RATIO.get(lift.exercise, 0.5)
        sides = (
            ("left", "right")
            if EXERCISES[lift.exercise].unilateral and a.logs_per_side
            else ("both",)
        )
        if ratio == 0 or lift.rpe is None:  # body weight or jumps: no load to estimate from
            return [
                TrainingSet(lift.exercise, lift.reps, 0.0, rpe=lift.rpe, side=side)
                for _ in range(lift.sets)
                for side in sides
            ]
        estimate = (a.squat_1rm_kg if a.fixed_loads else self.squat_kg) * ratio
        load = max(2.5, _round_to(estimate / (1 + (lift.reps + 10 - lift.rpe) / 30), 2.5))
        out = []
        for k in range(lift.sets):
            capacity = self.squat_kg * ratio * form * (1 - 0.008 * k)
            possible = 30 * (capacity / load - 1)
            reps = lift.reps if possible >= lift.reps else max(1, math.floor(possible))
            reserve = max(0.0, possible - reps)
            rpe = rir = None
            if rng.random() < a.rpe_rate:
                if a.logs_rir:
                    rir = float(max(0, round(reserve + rng.gauss(0, 0.5))))
                else:
                    rpe = _clip(_round_to(10 - reserve + rng.gauss(0, 0.4), 0.5), 5.0, 10.0)
            for side in sides:
                out.append(TrainingSet(lift.exercise, reps, load, rpe=rpe, rir=rir, side=side))
        return out

    # --- daily check-ins ----------------------------------------------------------------------

    def _check_in(self, day: date, days_ago: int, index: int, block: Block, d: int) -> None:
        a, rng = self.a, self.rng
        bad = index in self.bad_days
        overreach = block.kind == "overreach"
        strain = min(1.0, (d + 1) / 10) if overreach else 0.0  # builds over the block
        rate = a.checkin_rate * (0.6 if block.kind == "break" else 1.0)
        if rng.random() < rate:
            hours = self.level("sleep_h", days_ago) - (0.6 if bad else 0.0)
            hours = _clip(_round_to(hours + rng.gauss(0, a.sleep_sd_h), 0.25), 3.0, 11.0)
            quality = _score(3.3 + 0.6 * (hours - 7.3) + rng.gauss(0, 0.7), 1, 5)
            self.rows["sleep"].append(SleepEntry(day, hours, quality))
            stress = _score(self.level("stress", days_ago) + 2 * bad + rng.gauss(0, 0.8), 1, 10)
            mood = _score(4 - 0.3 * (stress - 4) + rng.gauss(0, 0.6), 1, 5)
            self.rows["stress"].append(StressEntry(day, stress, mood))
            self.rows["wellness"].append(self._wellness(day, days_ago, bad, strain))
        if rng.random() < a.nutrition_rate * (0.6 if block.kind == "break" else 1.0):
            self.rows["nutrition"].append(self._nutrition(day, days_ago))

    def _wellness(self, day: date, days_ago: int, bad: bool, strain: float) -> WellnessEntry:
        a, rng = self.a, self.rng
        after = 1.0 if self.leg_day_before else 0.0
        fatigue = self.level("fatigue", days_ago) + bad + 0.5 * after + 2.5 * strain
        soreness = self.level("soreness", days_ago) + 1.3 * after + 3.0 * strain
        weakness = self.level("weakness", days_ago) + 2.0 * strain
        urine = None
        if rng.random() < a.urine_rate:
            urine = _score(self.level("urine", days_ago) + rng.gauss(0, 0.9), 1, 8)
        mass = None
        if rng.random() < a.weigh_in_rate:
            change = self.level("mass_change_pct", days_ago) / 100
            mass = a.body_mass_kg * (1 + change) + rng.gauss(0, 0.4)
            if rng.random() < a.evening_weigh_in_rate:
                mass += rng.gauss(1.0, 0.3)  # after meals and drinks
            mass = round(mass, 1)
        return WellnessEntry(
            day,
            _score(fatigue + rng.gauss(0, 0.8), 1, 10),
            _score(soreness + rng.gauss(0, 0.8), 1, 10),
            _score(weakness + rng.gauss(0, 0.7), 0, 10),
            _score(3.8 - 0.5 * bad + rng.gauss(0, 0.6), 1, 5),
            urine,
            mass,
        )

    def _nutrition(self, day: date, days_ago: int) -> NutritionEntry:
        a, rng = self.a, self.rng
        mass = a.body_mass_kg
        need = _resting_kcal(a, day.year) * a.activity_level
        kcal = need * self.level("energy_pct", days_ago) / 100 * (1 + rng.gauss(0, 0.12))
        protein = mass * self.level("protein_g_per_kg", days_ago) * (1 + rng.gauss(0, 0.15))
        water = self.level("water_ml_per_kg", days_ago) * mass / 1000 * (1 + rng.gauss(0, 0.2))
        fat = kcal * 0.3 / 9
        carbohydrate = max(0.0, (kcal - 4 * protein - 9 * fat) / 4)
        concerns = ("magnesium",) if rng.random() < 0.01 else ()
        return NutritionEntry(
            day,
            round(kcal),
            round(max(0.0, protein)),
            round(carbohydrate),
            round(fat),
            round(max(0.0, water), 1),
            concerns,
        )

    # --- assessments --------------------------------------------------------------------------

    def _day(self, days_ago: int) -> date:
        return self.as_of - timedelta(days=days_ago)

    def _assessments(self) -> None:
        a, rng = self.a, self.rng
        in_history = [age for age in (61, 33, 5) if age < self.total]
        if a.strength_tests:
            weak_side = rng.choice(("left", "right"))
            for age in in_history:
                day = self._day(max(0, age + rng.randint(-2, 2)))
                extension = a.squat_1rm_kg * 0.62 * (1 + rng.gauss(0, 0.04))
                curl = a.squat_1rm_kg * 0.62 * a.hq_ratio * (1 + rng.gauss(0, 0.04))
                press = a.squat_1rm_kg * 0.95
                self.rows["strength_tests"] += [
                    StrengthTest(day, "leg-extension", _eight_rm(extension), 8),
                    StrengthTest(day, "hamstring-curl", _eight_rm(curl), 8),
                ]
                for side in ("left", "right"):
                    share = 1 - a.asymmetry_pct / 100 if side == weak_side else 1.0
                    kg = _eight_rm(press * share * (1 + rng.gauss(0, 0.03)))
                    self.rows["strength_tests"].append(
                        StrengthTest(day, "single-leg-press", kg, 8, side)
                    )
        if a.screens:
            self._screens()
        if a.mobility:
            for age in (50, 8):
                if age < self.total:
                    self.rows["mobility_screens"].append(self._mobility(self._day(age)))
        if a.jump_tests:
            growth = self.squat_kg / a.squat_1rm_kg - 1 if a.jump_tracks_strength else 0.0
            for age in range(2, self.total - 3, 14):
                share = 1 - age / self.total  # strength grew along the history
                cm = a.jump_cm * (1 + 0.3 * growth * share) * self._jump_fatigue(age)
                cm *= 1 + rng.gauss(0, JUMP_TYPICAL_ERROR)
                self.rows["jump_tests"].append(JumpTest(self._day(age), round(cm, 1)))
        if a.activation_ratings:
            exercise = a.goal_lifts[0] if a.goal_lifts else "back-squat"
            for age in range(self.total - 3, 0, -7):
                rating = _score(self.level("mind_muscle", age) + rng.gauss(0, 0.6), 1, 5)
                self.rows["activation_ratings"].append(
                    ActivationRating(self._day(age), exercise, rating)
                )
        for report in a.symptoms:
            self.rows["symptoms"].append(
                SymptomReport(self._day(report.days_ago), **dict(report.fields))
            )

    def _jump_fatigue(self, days_ago: int) -> float:
        index = self.total - 1 - days_ago
        block, day_in_block = self.blocks[index]
        if block.kind != "overreach":
            return 1.0
        return 1 - 0.12 * min(1.0, (day_in_block + 1) / 10)

    def _screens(self) -> None:
        a, rng = self.a, self.rng
        exercise = a.goal_lifts[0] if a.goal_lifts else "back-squat"
        previous: set[str] = set()
        for age in (70, 42, 14):
            if age >= self.total:
                continue
            if a.form_flaws:
                flaws = set(a.form_flaws)
            elif rng.random() < 0.35:  # a one-off flaw, not the one seen last time
                flaws = {rng.choice([f for f in FLAWS if f not in previous])}
            else:
                flaws = set()
            compensations = a.compensations if age < 60 else ()
            stability = a.stability_issues
            self.rows["movement_screens"].append(
                MovementScreen(
                    self._day(age + rng.randint(-2, 2)),
                    exercise,
                    tuple(sorted(flaws)),
                    tuple(compensations),
                    tuple(stability),
                )
            )
            previous = flaws

    def _mobility(self, day: date) -> MobilityScreen:
        a, rng = self.a, self.rng
        ankle = [max(0.0, round(a.ankle_cm + rng.gauss(0, 1.0), 1)) for _ in range(2)]
        balance = [max(1.0, round(a.balance_s + rng.gauss(0, 0.12 * a.balance_s), 1)) for _ in "lr"]
        reach = [round(a.y_balance_pct + rng.gauss(0, 2.5), 1) for _ in range(2)]
        return MobilityScreen(day, *ankle, *balance, *reach)


_SERIES = (
    "sleep",
    "nutrition",
    "stress",
    "wellness",
    "sessions",
    "strength_tests",
    "movement_screens",
    "mobility_screens",
    "jump_tests",
    "activation_ratings",
    "symptoms",
)


def _eight_rm(one_rm_kg: float) -> float:
    """The load (2.5 kg steps) an athlete lifts 8 times at most: Epley inverted."""
    return max(2.5, _round_to(one_rm_kg / (1 + 8 / 30), 2.5))


def _resting_kcal(a: Athlete, year: int) -> float:
    """Mifflin-St Jeor (1990) resting energy expenditure."""
    base = 10 * a.body_mass_kg + 6.25 * a.height_cm - 5 * a.age_years
    return base + (5 if a.sex == "male" else -161)
