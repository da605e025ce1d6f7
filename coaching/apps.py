from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class CoachingConfig(AppConfig):
    name = "coaching"
    verbose_name = "Coaching"


class CoachAdminConfig(AdminConfig):
    """The Django admin, served by our coach-aware site (coaches are not `is_staff`)."""

    default_site = "coaching.admin_site.CoachAdminSite"
