"""The managed lists (regions, dispute types) as the search needs them, cached.

Every search validates its filters against these lists and labels its
facets with them; they change rarely, so they are kept in the shared cache
and dropped whenever an entry is saved or deleted.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

CACHE_KEY = "cases:labelled-lists:v1"


def labelled_lists():
    """{"region": {code: (pk, (name, name_en))}, "dispute_type": {…}} in list order."""
    lists = cache.get(CACHE_KEY)
    if lists is None:
        from ..models import DisputeType, Region

        lists = {
            "region": {r.code: (r.pk, (r.name, r.name_en)) for r in Region.objects.all()},
            "dispute_type": {d.code: (d.pk, (d.name, d.name_en)) for d in DisputeType.objects.all()},
        }
        cache.set(CACHE_KEY, lists, 3600)
    return lists


def label(names, language):
    name, name_en = names
    return name_en if language.startswith("en") and name_en else name


@receiver(post_save)
@receiver(post_delete)
def forget_lists(sender, **kwargs):
    from ..models import DisputeType, Region

    if sender in (Region, DisputeType):
        cache.delete(CACHE_KEY)
