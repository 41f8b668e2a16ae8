"""``makemessages`` that writes catalogues sorted by message and without
source locations.

Several engineers add strings on branches at the same time; with locations
and source order every branch rewrites hundreds of ``#: file:line`` lines and
moves entries around, so merges of the ``.po`` files conflict everywhere.
Sorted, location-free catalogues change only where a message changes.
"""

from django.core.management.commands import makemessages

SORTED = ["--sort-output", "--no-location"]


class Command(makemessages.Command):
    msgmerge_options = makemessages.Command.msgmerge_options + SORTED
    msguniq_options = makemessages.Command.msguniq_options + SORTED
    msgattrib_options = makemessages.Command.msgattrib_options + SORTED
    xgettext_options = makemessages.Command.xgettext_options + SORTED
