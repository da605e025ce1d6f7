"""Load the demo club: two coaches and athletes whose data each tell one cause's story.

Safe to run again: people are updated in place and each athlete's data is replaced by the
same deterministic eight weeks, so a second run leaves the same rows, not twice as many.

The data is made up, so it is news to nobody: the demo coaches are created with red-flag alerts
and daily digests off, and the analyses that follow the seed queue no e-mail even when a real
SMTP server is configured. Their addresses are @example.com, which no mail server delivers.
A coach can switch either on in the admin; the next run of this command switches them off again.
"""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from assessments import models as am
from assessments.models.assessments import epley_e1rm_kg
from coaching import models as cm
from coaching.demo.cast import (
    CAST,
    COACH,
    DEMO_ATHLETE_LOGIN,
    DEMO_ORGANIZATION,
    DEMO_PASSWORD,
    DEMO_TIMEZONE,
    HEAD_COACH,
)
from coaching.demo.generator import DemoAthleteData

DATED_MODELS = (
    cm.SleepCheckIn, cm.NutritionCheckIn, cm.StressCheckIn, cm.WellnessCheckIn,
    cm.TrainingSession, am.StrengthTest, am.MovementScreen, am.MobilityScreen, am.JumpTest,
    am.ActivationRating, am.SymptomReport, am.AnalysisRun, am.Flag,
)  # fmt: skip


class Command(BaseCommand):
    help = "Create or refresh the demo organization, its coaches and athletes with 8 weeks of data."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (known passwords!)."
        )

    @transaction.atomic
    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "Demo accounts have published passwords: use --force with DEBUG off."
            )
        organization, _ = cm.Organization.objects.update_or_create(
            name=DEMO_ORGANIZATION, defaults={"timezone": DEMO_TIMEZONE}
        )
        coaches = {
            username: self._coach(organization, username, first, last, role)
            for (username, first, last), role in (
                (HEAD_COACH, cm.Coach.Role.HEAD_COACH),
                (COACH, cm.Coach.Role.COACH),
            )
        }
        exercises = {e.slug: e for e in cm.Exercise.objects.filter(organization=None)}
        today = timezone.localdate()
        athletes = []
        for story in CAST:
            athlete = self._athlete(organization, story, exercises)
            athlete.coaches.set([coaches[story.coach]])
            if story.name == DEMO_ATHLETE_LOGIN[1]:
                self._athlete_login(athlete, DEMO_ATHLETE_LOGIN[0])
            self._replace_data(athlete, DemoAthleteData(story, athlete, today, exercises).build())
            athletes.append(athlete)
        self._report(athletes)

    def _coach(self, organization, username, first, last, role) -> cm.Coach:
        user, _ = get_user_model().objects.update_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.com"},
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        coach, _ = cm.Coach.objects.update_or_create(
            user=user,
            defaults={
                "organization": organization,
                "role": role,
                "alerts_enabled": False,
                "digest_enabled": False,
            },
        )
        return coach

    def _athlete_login(self, athlete, username) -> None:
        user, _ = get_user_model().objects.update_or_create(
            username=username, defaults={"email": f"{username}@example.com"}
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        athlete.user = user
        athlete.save(update_fields=["user"])

    def _athlete(self, organization, story, exercises) -> cm.Athlete:
        athlete, _ = cm.Athlete.objects.update_or_create(
            organization=organization,
            name=story.name,
            defaults={
                "sex": story.sex,
                "date_of_birth": dt.date(story.birth_year, 3, 14),
                "height_cm": story.height_cm,
                "body_mass_kg": story.body_mass_kg,
                "training_age_years": story.training_age_years,
                "goal": story.goal,
            },
        )
        athlete.goal_lifts.set([exercises[slug] for slug in story.goal_lifts])
        return athlete

    def _replace_data(self, athlete, rows) -> None:
        for model in DATED_MODELS:
            model.objects.filter(athlete=athlete).delete()
        for name in ("sleep", "nutrition", "stress", "wellness"):
            type(getattr(rows, name)[0]).objects.bulk_create(getattr(rows, name))
        sessions = cm.TrainingSession.objects.bulk_create(rows.sessions)
        for index, training_set in rows.sets:
            training_set.session = sessions[index]
        cm.TrainingSet.objects.bulk_create([s for _, s in rows.sets])
        for test in rows.strength_tests:
            test.e1rm_kg = epley_e1rm_kg(test.load_kg, test.reps)
        for model, items in (
            (am.StrengthTest, rows.strength_tests),
            (am.MovementScreen, rows.movement_screens),
            (am.MobilityScreen, rows.mobility_screens),
            (am.JumpTest, rows.jump_tests),
            (am.ActivationRating, rows.activation_ratings),
            (am.SymptomReport, rows.symptoms),
        ):
            model.objects.bulk_create(items)
        athlete.mark_data_changed()

    def _report(self, athletes) -> None:
        self.stdout.write(self.style.SUCCESS(
            f"Demo club '{DEMO_ORGANIZATION}' ready with {len(athletes)} athletes."
        ))  # fmt: skip
        self.stdout.write(f"  Admin logins (password '{DEMO_PASSWORD}'):")
        self.stdout.write(f"    {HEAD_COACH[0]:<10} head coach, sees every athlete")
        self.stdout.write(f"    {COACH[0]:<10} coach, sees the athletes assigned to them")
        self.stdout.write(
            f"  App login for {DEMO_ATHLETE_LOGIN[1]}: {DEMO_ATHLETE_LOGIN[0]} (same password)"
        )
        self.stdout.write(
            "  Demo coaches get no e-mail: alerts and digests are off (Coaches, in the admin)."
        )
