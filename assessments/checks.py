"""System checks for pipeline settings that would quietly break delivery guarantees.

Redis hands an unacknowledged task to another worker once the visibility timeout passes, so
a task that runs longer, or a countdown that waits longer, than that timeout runs twice.
"""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.compatibility)
def visibility_timeout_outlasts_tasks(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    from coaching.tasks import send_flag_alerts

    timeout = settings.CELERY_BROKER_VISIBILITY_TIMEOUT
    waits = {
        "CELERY_TASK_TIME_LIMIT": settings.CELERY_TASK_TIME_LIMIT,
        "ANALYSIS_DEBOUNCE_SECONDS": settings.ANALYSIS_DEBOUNCE_SECONDS,
        "the alert retry backoff (retry_backoff_max)": send_flag_alerts.retry_backoff_max,
    }
    return [
        checks.Error(
            f"{name} is {seconds} s, not shorter than CELERY_BROKER_VISIBILITY_TIMEOUT "
            f"({timeout} s): Redis would hand the task to a second worker while it still runs.",
            hint="Raise CELERY_BROKER_VISIBILITY_TIMEOUT or lower the other value.",
            id="legstrong.E001",
        )
        for name, seconds in waits.items()
        if seconds >= timeout
    ]
