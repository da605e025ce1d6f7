"""`python manage.py analyze ATHLETE_ID [--json]`: run the engine now and show what it found."""

import json

from django.core.management.base import BaseCommand, CommandError

from assessments.selectors import run_as_dict
from assessments.services import analyse_athlete
from coaching.models import Athlete


class Command(BaseCommand):
    help = "Analyse one athlete now, store the run, and print the likely causes of leg weakness."

    def add_arguments(self, parser):
        parser.add_argument("athlete_id", type=int)
        parser.add_argument("--json", action="store_true", help="Print the run as API JSON.")

    def handle(self, *args, athlete_id: int, **options):
        try:
            run = analyse_athlete(athlete_id=athlete_id)
        except Athlete.DoesNotExist as error:
            raise CommandError(str(error)) from error
        data = run_as_dict(run)
        if options["json"]:
            self.stdout.write(json.dumps(data, indent=2))
        else:
            self.stdout.write(describe(run.athlete.name, data))


def describe(name: str, run: dict) -> str:
    """The run in a coach's words, red flags first."""
    lines = [
        f"{name}: analysis of {run['window']['start']} to {run['window']['end']} "
        f"(ruleset {run['ruleset_version']})",
        f"Weakness: {run['weakness_type']}",
    ]
    if run["red_flags"]:
        lines.append("RED FLAGS: see a medical professional before more hard training.")
        lines += [f"  [{flag['severity']}] {flag['code']}: {flag['advice']}" for flag in run[
            "red_flags"]]  # fmt: skip
    if run["findings"]:
        heading = "Likely causes, most likely first"
        if run["training_advice_secondary"]:
            heading += " (secondary to the red flags)"
        lines.append(heading + ":")
        for rank, finding in enumerate(run["findings"], start=1):
            evidence = ", ".join(f"{k}={v}" for k, v in finding["evidence"].items())
            lines.append(
                f"  {rank}. {finding['cause']} ({finding['category']}, score "
                f"{finding['score']:.2f})"
            )
            lines.append(f"     evidence: {evidence}")
            lines += [f"     - {r['text']}" for r in finding["recommendations"]]
    else:
        lines.append("No likely cause found in the data.")
    if run["data_gaps"]:
        lines.append("Missing data: " + "; ".join(run["data_gaps"]))
    return "\n".join(lines)
