"""Rebuilding the Elasticsearch case index without losing changes made meanwhile (issue #12.6).

A rebuild fills a fresh index from a snapshot of the live cases while editors keep publishing.
Two things keep the new index complete when the alias moves to it:

* **Dual writes.**  While it runs, the new index carries a second alias,
  ``<alias>-rebuilding``.  ``index_case`` / ``remove_case_from_index`` (``sync_page`` and
  ``remove``) write to the live alias *and* to every index behind the rebuilding alias, so a change
  whose task runs during the rebuild reaches both.  The alias lives in the engine, so every worker
  sees it without any other shared state.
* **Catch-up before the switch.**  The bulk load reads a snapshot; a case published, edited,
  unpublished or deleted after that snapshot was taken may be written in its old state (or its
  task may still be waiting in the queue).  After the bulk load the rebuild re-reads the database:
  every live case published since the rebuild started (less a margin) is indexed again, and every
  case the bulk load indexed that is no longer live and public is deleted from the new index.
  Only then does the alias move, in the same atomic ``_aliases`` call that drops the rebuilding
  alias.

``on_stage(name)`` is told ``"loaded"`` (bulk load done), ``"caught_up"`` (catch-up done) and
``"switched"``; the management command prints them, the tests change cases there.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from django.utils import timezone

if TYPE_CHECKING:
    from .elasticsearch import ElasticsearchCaseSearch

# last_published_at is written by the publishing process's clock and inside its transaction:
# cases published this long before the rebuild started are indexed again too, which covers clock
# differences between machines and a publish whose transaction committed after the snapshot.
CATCH_UP_MARGIN = datetime.timedelta(minutes=5)

Stage = Callable[[str], None]
T = TypeVar("T")


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` as lists of ``size`` (the last one shorter), read lazily."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def rebuilding_alias(alias: str) -> str:
    """The alias a rebuild puts on its new index; outside the ``<alias>_*`` pattern of the indexes."""
    return f"{alias}-rebuilding"


def rebuild(
    backend: ElasticsearchCaseSearch,
    progress: Callable[[int], None] | None = None,
    chunk_size: int = 500,
    documents: Iterable[dict] | None = None,
    on_stage: Stage | None = None,
) -> int:
    """Fill a fresh index, catch up with changes made meanwhile, then switch the alias to it."""
    from .base import SearchUnavailable
    from .elasticsearch import case_to_document

    client = backend.client
    errors = backend._errors()
    stage = on_stage or (lambda name: None)
    new = backend.create_index()
    try:
        client.indices.update_aliases(actions=[{"add": {"index": new, "alias": rebuilding_alias(backend.alias)}}])
        started = timezone.now()
        from_database = documents is None
        if documents is None:
            cases = backend.live_cases()
            documents = (case_to_document(case) for case in cases.iterator(chunk_size=chunk_size))
        count = 0
        indexed: set[int] = set()
        for batch in chunks(documents, chunk_size):
            count += backend._bulk(new, batch)
            indexed.update(d["page_id"] for d in batch)
            if progress:
                progress(len(batch))
        stage("loaded")
        if from_database:
            count = catch_up(backend, new, started - CATCH_UP_MARGIN, indexed, chunk_size)
        stage("caught_up")
        client.indices.refresh(index=new)
        switch_alias(backend, new)
    except Exception as exc:
        try:
            client.indices.delete(index=new, ignore_unavailable=True)
        except errors:
            pass  # the engine is gone; the half-built index goes with the next rebuild's clean-up
        if isinstance(exc, errors):
            raise SearchUnavailable(str(exc)) from exc
        raise
    stage("switched")
    # The old index, and any left by a rebuild that failed half-way.
    leftovers = set(client.indices.get(index=f"{backend.alias}_*", ignore_unavailable=True).body)
    for name in leftovers - {new}:
        client.indices.delete(index=name, ignore_unavailable=True)
    return count


def catch_up(backend: ElasticsearchCaseSearch, index: str, since: datetime.datetime, indexed: set, chunk_size: int):
    """Bring ``index`` in line with the database after the bulk load; returns the cases it holds."""
    from ..models import CasePage
    from .elasticsearch import case_to_document

    live_ids = set(CasePage.objects.live().public().values_list("pk", flat=True))
    gone = sorted(indexed - live_ids)
    changed = backend.live_cases().filter(last_published_at__gte=since)
    for batch in chunks(changed.iterator(chunk_size=chunk_size), chunk_size):
        backend._bulk(index, [case_to_document(case) for case in batch])
        indexed.update(case.pk for case in batch)
    for page_ids in chunks(gone, chunk_size):
        backend._bulk_delete(index, page_ids)
    return len(indexed - set(gone))


def switch_alias(backend: ElasticsearchCaseSearch, new: str) -> None:
    """Move the alias to ``new`` and drop the rebuilding alias, in one atomic call.

    The alias's current targets are read now, not when the rebuild started: a first sync during a
    first rebuild may have made an index of its own meanwhile.
    """
    client = backend.client
    old = backend.alias_targets()
    actions: list[dict] = [{"remove": {"index": name, "alias": backend.alias}} for name in old if name != new]
    if not old and client.indices.exists(index=backend.alias):
        client.indices.delete(index=backend.alias)
    actions.append({"remove": {"index": new, "alias": rebuilding_alias(backend.alias)}})
    actions.append({"add": {"index": new, "alias": backend.alias}})
    client.indices.update_aliases(actions=actions)


def rebuilding_targets(backend: ElasticsearchCaseSearch) -> list[str]:
    """The indexes a rebuild is filling right now (none most of the time)."""
    from elasticsearch import NotFoundError

    try:
        return list(backend.client.indices.get_alias(name=rebuilding_alias(backend.alias)).body)
    except NotFoundError:
        return []
