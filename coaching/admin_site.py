from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.template.loader import render_to_string

from coaching.api.throttles import AuthRateThrottle


def may_use_dashboard(user) -> bool:
    return user.is_active and (user.is_staff or hasattr(user, "coach"))


class CoachLoginForm(AdminAuthenticationForm):
    """The admin's login form admits staff only; ours admits whoever the site admits."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": "Please enter the correct %(username)s and password for a coach "
        "account. Note that both fields may be case-sensitive.",
    }

    def confirm_login_allowed(self, user):
        AuthenticationForm.confirm_login_allowed(self, user)  # active accounts only
        if not may_use_dashboard(user):
            raise ValidationError(
                self.error_messages["invalid_login"],
                code="invalid_login",
                params={"username": self.username_field.verbose_name},
            )


class CoachAdminSite(AdminSite):
    """The coach dashboard: open to staff and to any active user with a coach membership."""

    site_header = "Legstrong coach dashboard"
    site_title = "Legstrong"
    index_title = "Athletes, analyses and flags"
    login_form = CoachLoginForm

    def has_permission(self, request) -> bool:
        return may_use_dashboard(request.user)

    def login(self, request, extra_context=None):
        """Sign-in attempts count toward the same per-address limit as the API's token
        endpoints, so guessing across usernames is bounded on both paths alike."""
        if request.method == "POST":
            throttle = AuthRateThrottle()
            if not throttle.allow_request(request, None):
                return _too_many_attempts(request, throttle.wait())
        return super().login(request, extra_context)

    def index(self, request, extra_context=None):
        """The admin index is the coach's start page: who needs attention comes first."""
        from .dashboard import needs_attention

        extra_context = {**(extra_context or {}), "attention": needs_attention(request.user)}
        return super().index(request, extra_context)


def _too_many_attempts(request, wait_seconds: float) -> HttpResponse:
    seconds = max(1, int(wait_seconds))
    message = (
        f"Too many sign-in attempts from your network address. Try again in {seconds} seconds."
    )
    body = render_to_string("coaching/lockout.html", {"message": message}, request=request)
    response = HttpResponse(body, status=429)
    response["Retry-After"] = str(seconds)
    return response
