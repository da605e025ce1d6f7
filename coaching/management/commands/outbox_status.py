"""How the e-mail outbox stands: rows by status, overdue alerts and recent failures.

`manage.py outbox_status` prints one line per kind (alerts, digests); with `--check` it exits
with status 1 when a red-flag alert is overdue or any row failed for good in the last
`--hours` (24), so a cron job, a container healthcheck or a monitoring agent can alert on it.
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count
from django.utils import timezone

from coaching import alerts
from coaching.models import AlertEmail, DeliveryStatus, DigestEmail


def by_status(model) -> dict[str, int]:
    counts = dict(model.objects.order_by().values_list("status").annotate(n=Count("pk")))
    return {status: counts.get(status, 0) for status in DeliveryStatus.values}


class Command(BaseCommand):
    help = "Count outbox e-mails by status; --check exits 1 on overdue alerts or recent failures."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="exit 1 when something is wrong")
        parser.add_argument("--hours", type=int, default=24, help="failures this recent count")

    def handle(self, *args, check: bool, hours: int, **options):
        if hours < 1:
            raise CommandError("--hours must be at least 1.")
        since = timezone.now() - dt.timedelta(hours=hours)
        overdue = alerts.overdue().count()
        failed_alerts = alerts.failed_count(since=since)
        failed_digests = DigestEmail.objects.filter(
            status=DeliveryStatus.FAILED, created_at__gte=since
        ).count()
        for name, model in (("alerts", AlertEmail), ("digests", DigestEmail)):
            counts = " ".join(f"{status}={n}" for status, n in by_status(model).items())
            self.stdout.write(f"{name}: {counts}")
        self.stdout.write(
            f"overdue alerts: {overdue}; failed in the last {hours} h: "
            f"{failed_alerts} alert(s), {failed_digests} digest(s)"
        )
        if check and (overdue or failed_alerts or failed_digests):
            raise SystemExit(1)
