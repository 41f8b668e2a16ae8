"""A rebuild of the case index loses nothing that changes while it runs (issue #12.6).

The changes are made at the rebuild's own stages (``on_stage``) or between its bulk chunks
(``progress``), so each test puts its publish / unpublish / delete exactly where it means to.
"""

import io

import pytest
from django.core.management import call_command

from cases.search import CaseQuery, get_case_search
from cases.search.elasticsearch import ElasticsearchCaseSearch
from cases.search.rebuild import rebuilding_targets

from .factories import CasePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]


@pytest.fixture
def es(settings, elasticsearch_url):
    settings.ELASTICSEARCH_URL = elasticsearch_url
    settings.ELASTICSEARCH_INDEX_PREFIX = "gaps"
    return ElasticsearchCaseSearch()


def found(text):
    return {hit.title for hit in get_case_search().search(CaseQuery(q=text, language="zh-hans", page_size=50)).hits}


def indexed_in(es, index):
    """The titles stored in one concrete index."""
    es.client.indices.refresh(index=index)
    response = es.client.search(index=index, query={"match_all": {}}, size=100)
    return {hit["_source"]["title"] for hit in response["hits"]["hits"]}


@pytest.fixture
def cases(library, es):
    made = {
        name: CasePageFactory(parent=library, title=title)
        for name, title in (
            ("kept", "一直在库的案例"),
            ("edited", "重建中修改前的案例"),
            ("withdrawn", "重建中撤回的案例"),
            ("deleted", "重建中删除的案例"),
        )
    }
    es.rebuild()
    assert found("案例") == {case.title for case in made.values()}
    return made


def change_everything(library, cases):
    """Publish one case, edit and re-publish one, unpublish one, delete one."""
    CasePageFactory(parent=library, title="重建中发布的案例")
    edited = cases["edited"]
    edited.title = "重建中修改后的案例"
    edited.save_revision().publish()
    cases["withdrawn"].unpublish()
    cases["deleted"].delete()


AFTER = {"一直在库的案例", "重建中修改后的案例", "重建中发布的案例"}


def test_changes_whose_tasks_never_ran_are_caught_up_before_the_switch(library, es, cases):
    # Between the bulk load and the switch, with the index tasks still waiting in the queue (a
    # plain django_db test never commits, so delay_on_commit sends nothing): the catch-up alone
    # must bring the new index up to date.
    old = es.alias_targets()
    stages = []

    def on_stage(name):
        stages.append(name)
        if name == "loaded":
            change_everything(library, cases)

    es.rebuild(on_stage=on_stage)
    assert stages == ["loaded", "caught_up", "switched"]
    assert es.alias_targets() != old
    assert found("案例") == AFTER
    assert found("撤回") == set() and found("删除") == set()


def test_changes_made_after_the_catch_up_reach_both_indexes(library, es, cases, django_capture_on_commit_callbacks):
    # After the catch-up and before the switch, with the index tasks run (dual writes): searches,
    # still on the old index, see the change at once, and the new index has it when the alias moves.
    old = es.alias_targets()
    seen = {}

    def on_stage(name):
        if name == "caught_up":
            [new] = rebuilding_targets(es)
            with django_capture_on_commit_callbacks(execute=True):
                change_everything(library, cases)
            seen["old"] = found("案例")
            seen["new"] = indexed_in(es, new)

    es.rebuild(on_stage=on_stage)
    assert es.alias_targets() != old
    assert seen == {"old": AFTER, "new": AFTER}
    assert found("案例") == AFTER
    assert rebuilding_targets(es) == []  # the rebuilding alias went with the switch


def test_a_case_unpublished_while_its_chunk_waits_is_not_revived_by_the_bulk_load(
    library, es, cases, django_capture_on_commit_callbacks
):
    # The bulk load reads one snapshot: a case unpublished (task run at once, removing it from
    # both indexes) after the snapshot but before its chunk is sent is written by the bulk load
    # in its old state; the catch-up removes it again.
    withdrawn = cases["withdrawn"]
    done = []

    def progress(n):
        if not done:
            done.append(True)
            with django_capture_on_commit_callbacks(execute=True):
                withdrawn.unpublish()

    ordered = sorted(cases.values(), key=lambda case: case.pk)
    assert ordered[0].pk != withdrawn.pk  # the first chunk is sent before the unpublish
    es.rebuild(progress=progress, chunk_size=1)
    assert found("案例") == {case.title for case in cases.values()} - {withdrawn.title}


def test_the_command_reports_its_catch_up(library, es, cases):
    stderr = io.StringIO()
    call_command("rebuild_case_index", stdout=io.StringIO(), stderr=stderr)
    assert "catching up" in stderr.getvalue()
    assert found("案例") == {case.title for case in cases.values()}
