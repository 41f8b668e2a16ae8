"""The rule settings of courses, read at call time so tests can override them (docs/courses.md, "Settings")."""

from decimal import Decimal

from django.conf import settings


def completion_ratio() -> float:
    """Share of a video that must be verified as watched for the lesson to complete."""
    return float(getattr(settings, "COLLEGE_VIDEO_COMPLETION_RATIO", 0.9))


def playback_rate_cap() -> float:
    """Fastest playback rate credited (2.0: watching at 4× counts as 2×)."""
    return float(getattr(settings, "COLLEGE_PLAYBACK_RATE_CAP", 2.0))


def heartbeat_interval() -> float:
    """Seconds between heartbeats while a lesson plays (the page is told this)."""
    return float(getattr(settings, "COLLEGE_HEARTBEAT_INTERVAL_SECONDS", 15))


def heartbeat_max_gap() -> float:
    """A longer interval between two heartbeats credits nothing."""
    return float(getattr(settings, "COLLEGE_HEARTBEAT_MAX_GAP_SECONDS", 60))


def annual_target() -> Decimal:
    """Credit hours a learner should earn in a calendar year."""
    return Decimal(str(getattr(settings, "COLLEGE_ANNUAL_CREDIT_TARGET", 50)))


def annual_required_target() -> Decimal:
    """Of the annual target, at least this many hours must be required ones."""
    return Decimal(str(getattr(settings, "COLLEGE_ANNUAL_REQUIRED_TARGET", 30)))


QUIZ_GRACE_SECONDS: int = 30  # network delay allowed after a quiz's deadline
