"""Who must use two-factor sign-in, and whether they have set it up."""

from allauth.mfa.models import Authenticator
from django.conf import settings

from .roles import MFA_REQUIRED_ROLES


def user_requires_mfa(user) -> bool:
    """True when the setting is on and the user holds a staff-like role."""
    if not getattr(settings, "COLLEGE_REQUIRE_STAFF_MFA", False):
        return False
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=MFA_REQUIRED_ROLES).exists()


def user_has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
