from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .mfa import user_has_totp, user_requires_mfa

# Paths a staff member without TOTP may still reach: the set-up itself,
# signing out and static assets.
_ALLOWED_PREFIXES = ("/accounts/", "/en/accounts/", "/static/", "/media/", "/healthz")


class RequireStaffTwoFactorMiddleware:
    """Send staff, editors and reviewers to set up TOTP before the admin.

    Active only when COLLEGE_REQUIRE_STAFF_MFA is true (on in production).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        needs_check = path.startswith("/admin/") or path.startswith("/en/admin/")
        if needs_check and not path.startswith(_ALLOWED_PREFIXES):
            user = request.user
            if user_requires_mfa(user) and not user_has_totp(user):
                messages.warning(
                    request, _("Your role requires two-factor sign-in. Please set up an authenticator app first.")
                )
                return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
