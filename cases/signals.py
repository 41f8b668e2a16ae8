"""Keep the review workflow assigned and the search index in step with publishing."""

from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .models import CaseLibraryPage, CasePage


@receiver(post_migrate)
def ensure_workflow_after_migrate(sender, app_config=None, **kwargs):
    if app_config is None or app_config.label != "cases":
        return
    from .services import ensure_case_workflow

    ensure_case_workflow()


@receiver(post_save, sender=CaseLibraryPage)
def assign_workflow_to_new_library(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .services import ensure_case_workflow

        ensure_case_workflow(instance)


def _enqueue(task, page_id):
    from .search import uses_elasticsearch

    # The database backend reads the pages themselves; only a separate
    # index needs telling, after the transaction commits.
    if uses_elasticsearch():
        task.delay_on_commit(page_id)


@receiver(page_published, sender=CasePage)
def index_published_case(sender, instance, **kwargs):
    from .tasks import index_case

    _enqueue(index_case, instance.pk)


@receiver(page_unpublished, sender=CasePage)
def unindex_unpublished_case(sender, instance, **kwargs):
    from .tasks import remove_case_from_index

    _enqueue(remove_case_from_index, instance.pk)


@receiver(post_delete, sender=CasePage)
def unindex_deleted_case(sender, instance, **kwargs):
    from .tasks import remove_case_from_index

    _enqueue(remove_case_from_index, instance.pk)
