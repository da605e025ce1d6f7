"""The system check that keeps waits shorter than the broker's visibility timeout."""

from assessments.checks import visibility_timeout_outlasts_tasks


def test_the_shipped_settings_pass():
    assert visibility_timeout_outlasts_tasks() == []


def test_a_debounce_as_long_as_the_visibility_timeout_is_an_error(settings):
    settings.CELERY_BROKER_VISIBILITY_TIMEOUT = 900
    settings.ANALYSIS_DEBOUNCE_SECONDS = 900
    settings.CELERY_TASK_TIME_LIMIT = 200
    [error] = visibility_timeout_outlasts_tasks()
    assert error.id == "legstrong.E001" and "ANALYSIS_DEBOUNCE_SECONDS" in error.msg


def test_a_time_limit_and_the_alert_backoff_are_checked_too(settings):
    settings.CELERY_BROKER_VISIBILITY_TIMEOUT = 120
    names = " ".join(error.msg for error in visibility_timeout_outlasts_tasks())
    assert "CELERY_TASK_TIME_LIMIT" in names and "retry_backoff_max" in names
    assert "ANALYSIS_DEBOUNCE_SECONDS" not in names
