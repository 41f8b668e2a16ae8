"""Server-verified study time: viewings, heartbeats, watched segments and reading time.

The rules (docs/courses.md, "Study time"): one active viewing per learner; heartbeats must carry an
increasing sequence number and a possible position; an interval earns time only when the learner
was playing or looking at the page at its start, never more than the real elapsed time; video
watched is capped at the playback-rate cap and recorded as merged segments; an interval longer
than the maximum gap credits nothing.  Lock order as in ``locking``: user row → viewing → lesson
progress → enrolment → completion/ledger.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ..models import LessonKind, LessonPage, LessonProgress, ProgressStatus, Viewing
from . import clock
from .canonical import canonical_page
from .completion import maybe_complete_course
from .errors import CourseError, HeartbeatRefused, NotEnoughTime
from .locking import _lock_user
from .progress import _progress_for_update, _require_open_lesson, lesson_course
from .rule_settings import completion_ratio, heartbeat_max_gap, playback_rate_cap

if TYPE_CHECKING:
    from college.accounts.models import User


def merge_segments(segments: Iterable[Sequence[float]], new: Sequence[float] | None) -> list[list[float]]:
    """Union of [start, end] segments (sorted, merged) with ``new`` added."""
    items = sorted([list(s) for s in segments] + ([list(new)] if new else []))
    merged: list[list[float]] = []
    for start, end in items:
        if end <= start:
            continue
        if merged and start <= merged[-1][1] + 0.001:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [[round(s, 3), round(e, 3)] for s, e in merged]


def covered_length(segments: Iterable[Sequence[float]]) -> float:
    """Seconds covered by merged [start, end] segments."""
    return sum(end - start for start, end in segments)


@transaction.atomic
def start_viewing(user: User, lesson: LessonPage, now: datetime.datetime | None = None) -> Viewing:
    """Open a lesson for study: a new server-issued viewing token; any other viewing of the learner ends.

    Only one viewing per learner is active at a time (also a database constraint), so two tabs or
    two devices never earn time together.
    """
    now = clock.now(now)
    lesson = canonical_page(lesson)
    course = _require_open_lesson(user, lesson)
    _lock_user(user)
    Viewing.objects.filter(user=user, active=True).update(active=False, ended_at=now)
    progress = _progress_for_update(user, lesson, course, now)
    progress.save()
    position = progress.position_seconds if lesson.kind == LessonKind.VIDEO else 0
    if lesson.duration_seconds and position >= lesson.duration_seconds - 1:
        position = 0  # finished last time: start again from the beginning
    return Viewing.objects.create(
        user=user,
        lesson=lesson,
        lesson_kind=lesson.kind,
        duration_seconds=lesson.duration_seconds,
        started_at=now,
        last_heartbeat_at=now,
        last_position=position,
        last_state=Viewing.State.PAUSED,
    )


class HeartbeatResult(dict):
    """What the heartbeat endpoint returns: credited seconds and the lesson's state."""


def heartbeat(
    user: User,
    token: str,
    seq: int,
    state: str,
    position: float = 0.0,
    seeked_from: float | None = None,
    now: datetime.datetime | None = None,
    language: str = "zh-hans",
) -> HeartbeatResult:
    """Record one heartbeat of a viewing and credit verified time.

    For the interval since the previous accepted heartbeat of this viewing, and only when the learner
    was then playing (video) or looking at the page (reading):
      * study time credited = min(real elapsed, video position advance) — never more than elapsed;
      * video watched credited = min(position advance, elapsed × playback-rate cap), as the segment
        starting at the previous position (a declared seek ends the segment where the seek began);
      * an interval longer than COLLEGE_HEARTBEAT_MAX_GAP_SECONDS credits nothing.
    Unknown, superseded, replayed or out-of-order (seq not increasing) heartbeats and impossible
    positions are refused (``HeartbeatRefused``) and credit nothing.
    """
    now = clock.now(now)
    refusal = None
    with transaction.atomic():
        viewing = Viewing.objects.select_for_update().filter(token=str(token)[:64], user=user).first()
        if viewing is None:
            raise HeartbeatRefused(_("This viewing is unknown. Reload the page."), code="unknown_viewing")
        if not viewing.active:
            refusal = HeartbeatRefused(
                _("This lesson was opened in another window or device; study time counts there only."),
                code="superseded",
            )
        elif state not in Viewing.State.values:
            refusal = HeartbeatRefused(_("Unknown player state."), code="invalid_state")
        elif not isinstance(seq, int) or seq <= viewing.last_seq:
            refusal = HeartbeatRefused(_("Replayed or out-of-order heartbeat."), code="replayed")
        elif viewing.lesson_kind == LessonKind.VIDEO and not _valid_position(
            position, viewing.duration_seconds, seeked_from
        ):
            refusal = HeartbeatRefused(_("Impossible video position."), code="invalid_position")
        if refusal is not None:
            viewing.refused_count += 1
            viewing.save(update_fields=["refused_count"])
        else:
            result = _accept_heartbeat(user, viewing, seq, state, position, seeked_from, now, language)
    if refusal is not None:
        raise refusal
    return result


def _valid_position(position: float, duration_seconds: int, seeked_from: float | None) -> bool:
    limit = (duration_seconds or 0) + 1
    for value in (position, seeked_from):
        if value is None:
            continue
        if not isinstance(value, (int, float)) or math.isnan(value) or math.isinf(value) or value < 0 or value > limit:
            return False
    return True


def _accept_heartbeat(
    user: User,
    viewing: Viewing,
    seq: int,
    state: str,
    position: float,
    seeked_from: float | None,
    now: datetime.datetime,
    language: str,
) -> HeartbeatResult:
    elapsed = (now - viewing.last_heartbeat_at).total_seconds()
    interval_counts = viewing.last_state == Viewing.State.PLAYING and 0 < elapsed <= heartbeat_max_gap()
    study_credit = 0.0
    segment: list[float] | None = None
    is_video = viewing.lesson_kind == LessonKind.VIDEO
    if is_video:
        position = float(position)
        watched_to = float(seeked_from) if seeked_from is not None else position
        advance = watched_to - viewing.last_position
        if interval_counts and advance > 0:
            watched = min(advance, elapsed * playback_rate_cap())
            segment = [viewing.last_position, viewing.last_position + watched]
            study_credit = min(elapsed, watched)
    else:
        position = 0.0
        if interval_counts:
            study_credit = elapsed

    viewing.last_seq = seq
    viewing.last_heartbeat_at = now
    viewing.last_position = position
    viewing.last_state = state
    viewing.credited_seconds += study_credit
    viewing.save(update_fields=["last_seq", "last_heartbeat_at", "last_position", "last_state", "credited_seconds"])

    # The progress row exists since start_viewing; its course avoids walking the page tree.
    progress = LessonProgress.objects.select_for_update().filter(user=user, lesson_id=viewing.lesson_id).first()
    if progress is None:
        lesson = viewing.lesson
        progress = _progress_for_update(user, lesson, lesson_course(lesson), now)
    progress.study_seconds += study_credit
    if is_video:
        progress.position_seconds = position
        if segment:
            progress.covered_segments = merge_segments(progress.covered_segments, segment)
            progress.covered_seconds = covered_length(progress.covered_segments)
    newly_completed = False
    if (
        is_video
        and progress.status != ProgressStatus.COMPLETED
        and viewing.duration_seconds
        and progress.covered_seconds >= completion_ratio() * viewing.duration_seconds
    ):
        progress.status = ProgressStatus.COMPLETED
        progress.completed_at = now
        newly_completed = True
    progress.save()
    if newly_completed:
        maybe_complete_course(user, progress.course, language=language, now=now)
    return HeartbeatResult(
        credited=round(study_credit, 3),
        study_seconds=round(progress.study_seconds, 3),
        covered_seconds=round(progress.covered_seconds, 3),
        status=progress.status,
        completed=progress.status == ProgressStatus.COMPLETED,
        seq=seq,
    )


@transaction.atomic
def end_viewing(user: User, token: str, now: datetime.datetime | None = None) -> None:
    """Close a viewing (page left); later heartbeats with its token are refused."""
    Viewing.objects.filter(user=user, token=str(token)[:64], active=True).update(active=False, ended_at=clock.now(now))


@transaction.atomic
def confirm_read(
    user: User, lesson: LessonPage, now: datetime.datetime | None = None, language: str = "zh-hans"
) -> LessonProgress:
    """'I have read this': completes a reading lesson once its minimum verified reading time is reached."""
    now = clock.now(now)
    lesson = canonical_page(lesson)
    if lesson.kind != LessonKind.READING:
        raise CourseError(_("Only reading lessons are confirmed as read."), code="not_reading")
    course = _require_open_lesson(user, lesson)
    _lock_user(user)
    progress = _progress_for_update(user, lesson, course, now)
    if progress.status == ProgressStatus.COMPLETED:
        return progress
    if progress.study_seconds < lesson.min_reading_seconds:
        progress.save()
        raise NotEnoughTime()
    progress.status = ProgressStatus.COMPLETED
    progress.read_confirmed_at = now
    progress.completed_at = now
    progress.save()
    maybe_complete_course(user, course, language=language, now=now)
    return progress
