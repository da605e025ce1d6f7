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

    def index(self, request, extra_context=None):
        """The admin index is the coach's start page: who needs attention comes first."""
        from .dashboard import needs_attention

        extra_context = {**(extra_context or {}), "attention": needs_attention(request.user)}
        return super().index(request, extra_context)
