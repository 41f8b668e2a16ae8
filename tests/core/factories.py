"""Factories shared by every app's page factories."""

import factory


def publish_revision(page, create, extracted, **kwargs):
    """``post_generation`` hook: save a revision of the new page and publish it, as an editor does.

    ``publish=False`` keeps the revision as a draft.  The page is re-read afterwards, so the object
    the factory returns shows what the database holds (live, live revision, …).
    """
    if not create:
        return
    if page.live_revision_id is not None and not page.has_unpublished_changes:
        return  # found by a get-or-create factory, already published as it stands
    revision = page.save_revision()
    if extracted is not False:
        revision.publish()
    page.refresh_from_db()


def published_through_a_revision():
    """The ``publish`` declaration of a page factory (declare it after the hooks that edit the page)."""
    return factory.PostGeneration(publish_revision)
