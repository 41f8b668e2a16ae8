"""The Elasticsearch index follows publishing through Celery, and rebuilds switch an alias."""

import io

import pytest
from django.core.management import CommandError, call_command

from cases.search import CaseQuery, get_case_search
from cases.search.elasticsearch import ElasticsearchCaseSearch

from .factories import CasePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]


@pytest.fixture
def es(settings, elasticsearch_url):
    settings.ELASTICSEARCH_URL = elasticsearch_url
    settings.ELASTICSEARCH_INDEX_PREFIX = "idx"
    return ElasticsearchCaseSearch()


def found(text):
    return [hit.title for hit in get_case_search().search(CaseQuery(q=text, language="zh-hans")).hits]


def test_publish_unpublish_and_delete_reach_the_index_after_commit(library, es, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        case = CasePageFactory(parent=library, title="调解中心化解物业费纠纷")
    assert found("物业费") == []  # nothing is sent before the commit
    for callback in callbacks:
        callback()
    assert found("物业费") == ["调解中心化解物业费纠纷"]

    with django_capture_on_commit_callbacks(execute=True):
        case.unpublish()
    assert found("物业费") == []

    with django_capture_on_commit_callbacks(execute=True):
        case.save_revision().publish()
    assert found("物业费") == ["调解中心化解物业费纠纷"]

    with django_capture_on_commit_callbacks(execute=True):
        case.delete()
    assert found("物业费") == []


def test_rebuild_switches_the_alias_to_a_new_index(library, es):
    CasePageFactory(parent=library, title="旧索引里的案例")
    stderr = io.StringIO()
    call_command("rebuild_case_index", stdout=io.StringIO(), stderr=stderr)
    first = es.alias_targets()
    assert len(first) == 1 and "Indexing cases" in stderr.getvalue()
    assert found("旧索引") == ["旧索引里的案例"]

    CasePageFactory(parent=library, title="新加入的案例")
    orphan = es.create_index()  # as if an earlier rebuild had died half-way
    out = io.StringIO()
    call_command("rebuild_case_index", "--no-progress", stdout=out)
    second = es.alias_targets()
    assert len(second) == 1 and second != first
    assert not es.client.indices.exists(index=first[0])  # the old index is dropped
    assert not es.client.indices.exists(index=orphan)  # and so is a half-built one
    assert "Indexed 2 cases" in out.getvalue()
    assert found("案例") and set(found("案例")) == {"旧索引里的案例", "新加入的案例"}


def test_searches_work_while_a_rebuild_runs(library, es):
    CasePageFactory(parent=library, title="重建期间仍可检索")
    es.rebuild()
    seen = []

    def progress(n):
        # Mid-rebuild: the alias still points at the complete old index.
        seen.append(found("重建期间"))

    es.rebuild(progress=progress, chunk_size=1)
    assert seen == [["重建期间仍可检索"]]


def test_rebuild_needs_elasticsearch(settings, db):
    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(CommandError):
        call_command("rebuild_case_index")


def test_unreachable_engine_is_reported_not_crashed(settings, library, client):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    response = client.get("/api/cases/search/?q=调解")
    assert response.status_code == 503
    assert response.json()["errors"]["__all__"]


def test_plugin_analyzer_is_chosen_by_setting(settings):
    from cases.search.elasticsearch import document_class

    settings.COLLEGE_CASES_ANALYZER = "ik_max_word"
    mapping = document_class()._doc_type.mapping.to_dict()["properties"]
    assert mapping["title"]["analyzer"] == "ik_max_word"
    assert mapping["title"]["search_analyzer"] == "ik_smart"
    settings.COLLEGE_CASES_ANALYZER = "cjk"
    mapping = document_class()._doc_type.mapping.to_dict()["properties"]
    assert mapping["title"]["analyzer"] == "cases_cjk"
    analysis = document_class()._index.to_dict()["settings"]["analysis"]
    assert analysis["analyzer"]["cases_cjk"]["filter"] == ["cjk_width", "lowercase", "cases_cjk_bigram"]
