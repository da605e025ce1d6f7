from django.contrib.admin import AdminSite


class CoachAdminSite(AdminSite):
    """The coach dashboard: open to staff and to any active user with a coach membership."""

    site_header = "Legstrong coach dashboard"
    site_title = "Legstrong"
    index_title = "Athletes, analyses and flags"

    def has_permission(self, request) -> bool:
        user = request.user
        if not user.is_active:
            return False
        return user.is_staff or hasattr(user, "coach")
