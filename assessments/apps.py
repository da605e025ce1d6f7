from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Assessments and analysis"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
