"""The rule settings of courses, read at call time so tests can override them (docs/courses.md, "Settings")."""

from decimal import Decimal

from django.conf import settings


def completion_ratio():
    return float(getattr(settings, "COLLEGE_VIDEO_COMPLETION_RATIO", 0.9))


def playback_rate_cap():
    return float(getattr(settings, "COLLEGE_PLAYBACK_RATE_CAP", 2.0))


def heartbeat_interval():
    return float(getattr(settings, "COLLEGE_HEARTBEAT_INTERVAL_SECONDS", 15))


def heartbeat_max_gap():
    return float(getattr(settings, "COLLEGE_HEARTBEAT_MAX_GAP_SECONDS", 60))


def annual_target():
    return Decimal(str(getattr(settings, "COLLEGE_ANNUAL_CREDIT_TARGET", 50)))


def annual_required_target():
    return Decimal(str(getattr(settings, "COLLEGE_ANNUAL_REQUIRED_TARGET", 30)))


QUIZ_GRACE_SECONDS = 30  # network delay allowed after a quiz's deadline
