"""Locks taken by the course rules.

Lock order (always the same, so two requests never deadlock):
user row → viewing → lesson progress → enrolment → completion/ledger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model

if TYPE_CHECKING:
    from college.accounts.models import User


def _lock_user(user: User) -> None:
    # One row lock per learner serialises everything that must not run twice at
    # once for them (two tabs opening a lesson, two quiz starts).
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
