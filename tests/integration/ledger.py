"""The ledger check that ends every integration test (a set test in the spirit of Jepsen's).

Every write the API acknowledged must be in the database exactly once, with no row the client
never sent; every red flag of the test's athletes must have one sent alert row per coach and
exactly one e-mail per coach at the SMTP server, and no e-mail may refer to anything else.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict

from assessments.models import Flag
from coaching.alerts import recipients
from coaching.models import AlertEmail

from .services import Mailbox, wait_until


class Ledger:
    def __init__(self, mailbox: Mailbox):
        self.mailbox = mailbox
        self.athletes: set[int] = set()
        self.acknowledged: dict[type, list[dict]] = defaultdict(list)
        self.unknown: dict[type, int] = Counter()

    def record(self, response, model, athlete_id: int, **lookup) -> bool:
        """Note the outcome of one API write; `lookup` finds its row (default: the id)."""
        self.athletes.add(athlete_id)
        if 200 <= response.status_code < 300:
            if not lookup:
                lookup = {"pk": response.json()["id"]}
            self.acknowledged[model].append({"athlete_id": athlete_id, **lookup})
            return True
        if response.status_code < 500:
            raise AssertionError(f"write rejected: {response.status_code} {response.content!r}")
        self.unknown[model] += 1
        return False

    # --- writes -----------------------------------------------------------------------------
    def check_writes(self) -> int:
        checked = 0
        for model, lookups in self.acknowledged.items():
            for lookup in lookups:
                found = model.objects.filter(**lookup).count()
                assert found == 1, f"acknowledged {model.__name__} {lookup} found {found} times"
                checked += 1
            stored = model.objects.filter(athlete_id__in=self.athletes).count()
            assert stored <= len(lookups) + self.unknown[model], (
                f"{stored} {model.__name__} rows for {len(lookups)} acknowledged writes"
            )
        return checked

    # --- red-flag e-mails -------------------------------------------------------------------
    def red_flags(self):
        return Flag.objects.filter(athlete_id__in=self.athletes, kind=Flag.Kind.RED_FLAG)

    def _expected(self) -> dict[int, set[str]]:
        """Recipients' addresses by alert row, after checking each flag has one row per coach."""
        coaches = recipients(self.athletes)
        expected = {}
        for flag in self.red_flags():
            rows = {row.coach_id: row for row in AlertEmail.objects.filter(flag=flag)}
            wanted = {coach.pk for coach in coaches[flag.athlete_id] if coach.user.email}
            assert set(rows) == wanted, f"flag {flag.code}: alert rows for {set(rows)}"
            for row in rows.values():
                expected[row.pk] = row
        return expected

    def wait_for_alerts(self, timeout: float = 30) -> None:
        """Until every red flag's e-mails were sent and received (then a moment for strays)."""

        def delivered():
            rows = AlertEmail.objects.filter(flag__in=self.red_flags())
            if rows.exclude(status=AlertEmail.Status.SENT).exists():
                return False
            received = {alert_id for alert_id, _ in self.mailbox.alerts()}
            return set(rows.values_list("pk", flat=True)) <= received

        wait_until(delivered, timeout, "every red-flag e-mail to reach the SMTP server")
        time.sleep(1)

    def check_alerts(self) -> int:
        expected = self._expected()
        received = Counter(self.mailbox.alerts())
        for alert_id, row in expected.items():
            assert row.status == AlertEmail.Status.SENT, f"alert {alert_id} is {row.status}"
            address = row.coach.user.email
            assert received[(alert_id, address)] == 1, (
                f"alert {alert_id} reached {address} {received[(alert_id, address)]} times"
            )
        strays = {key for key in received if key[0] not in expected}
        assert not strays, f"e-mails for unknown alerts: {strays}"
        return len(expected)

    def check(self, *, red_flags: int | None = None) -> None:
        """The full ledger: writes once each, red flags e-mailed once per coach."""
        self.check_writes()
        if red_flags is not None:
            assert self.red_flags().count() == red_flags
        self.check_alerts()
