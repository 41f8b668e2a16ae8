"""Strings of upstream packages whose zh-hans translation is missing.

Django 5.2 changed the minimum-length password message to a ``%d`` form that
its Chinese catalogue does not translate yet.  Listing the strings here lets
``makemessages`` put them in our catalogue, where they are translated; this
function is never called.
"""

from django.utils.translation import ngettext


def _strings_for_makemessages(n):  # pragma: no cover - extraction only
    return [
        ngettext(
            "This password is too short. It must contain at least %d character.",
            "This password is too short. It must contain at least %d characters.",
            n,
        ),
    ]
