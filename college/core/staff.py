"""The staff back office's shared pieces: the permission guard of a staff view, the menu
item shown only to those who may open it, and safe spreadsheet exports of admin listings.

Permissions come from the roles in ``college/accounts/roles.py``; a view states the one it
needs, the menu item the same one, so a role that cannot open a screen never sees its link.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from .spreadsheets import safe_cell


def has_any_permission(user, permissions: str | tuple[str, ...]) -> bool:
    """True when the user holds one of ``permissions`` (one codename or several)."""
    if isinstance(permissions, str):
        permissions = (permissions,)
    return any(user.has_perm(permission) for permission in permissions)


def require_permission(user, permissions: str | tuple[str, ...]) -> None:
    """Raise PermissionDenied (a 403 page) unless the user holds one of ``permissions``."""
    if not has_any_permission(user, permissions):
        raise PermissionDenied


def staff_permission_required(permissions: str | tuple[str, ...]) -> Callable:
    """Decorate a staff view (function) so that only holders of ``permissions`` reach it."""

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            require_permission(request.user, permissions)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class StaffPermissionMixin:
    """For class-based staff views: ``permission_required = "app.view_model"``."""

    permission_required: str | tuple[str, ...] = ()

    def dispatch(self, request, *args, **kwargs):
        require_permission(request.user, self.permission_required)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]  # a mixin before a View


class StaffMenuItem(MenuItem):
    """A Wagtail admin menu item shown only to holders of ``permission``.

    The URL is reversed when the menu is drawn: admin URLs are not loaded yet when
    ``wagtail_hooks`` modules are imported.
    """

    def __init__(self, label, url_name: str, permission: str | tuple[str, ...], **kwargs):
        super().__init__(label, "", **kwargs)
        self.url_name = url_name
        self.permission = permission

    def is_shown(self, request):
        return has_any_permission(request.user, self.permission)

    def render_component(self, request):
        self.url = reverse(self.url_name)
        return super().render_component(request)


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """For Wagtail index views with ``list_export``: exports as safe as ``spreadsheets.csv_bytes``.

    Wagtail's own export writes text as it is to CSV (``=HYPERLINK(…)`` typed into a booking
    form would run in Excel) and without a BOM (Excel then garbles Chinese); every text cell
    goes through ``safe_cell`` here and the CSV starts with a BOM.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return safe_cell(value) if isinstance(value, str) else value

    def stream_csv(self, queryset):
        yield "\ufeff"
        yield from super().stream_csv(queryset)
