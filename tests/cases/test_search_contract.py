"""One contract, two implementations: every test runs on PostgreSQL and on osmem."""

import datetime

import pytest
from wagtail.models import Locale

from cases.search import get_case_search
from cases.search.base import MAX_QUERY_LENGTH, CaseQuery

from .factories import CasePageFactory

pytestmark = pytest.mark.django_db

HOSTILE_QUERIES = [
    "x" * 5000,
    "调" * 500,
    'title:"调解" AND (field:police OR 1=1)',
    "\\",
    '"\\"',
    '"未闭合的引号',
    "*?~^!{}[]()/+-&&||",
    "'; DROP TABLE cases_casepage; --",
    "<script>alert(1)</script>",
    "%_%",
    "\x00\x1f调解",
    "FQAL-2024-0001\\*",
    "🙂调解🙂",
]


@pytest.fixture(params=["database", "elasticsearch"])
def backend_name(request, settings):
    if request.param == "elasticsearch":
        settings.ELASTICSEARCH_URL = request.getfixturevalue("elasticsearch_url")
        settings.ELASTICSEARCH_INDEX_PREFIX = "contract"
    else:
        settings.ELASTICSEARCH_URL = ""
    return request.param


@pytest.fixture
def corpus(library, backend_name, english_home):
    """Eight Chinese cases (one draft) and one English one, indexed for the backend."""
    cases = {
        "leak": CasePageFactory(
            parent=library,
            title="楼上漏水引发邻里纠纷",
            subtitle="调解员三次上门化解",
            keywords=["邻里", "漏水", "人民调解"],
            field="village_community",
            level="village",
            region_code="zhuji",
            dispute_type_code="neighbours",
            date_released=datetime.date(2023, 5, 1),
            facts="<p>王某家楼上卫生间渗水，双方多次争吵。</p>",
        ),
        "wage": CasePageFactory(
            parent=library,
            title="枫桥式派出所化解农民工欠薪",
            subtitle="警务管家联动劳动监察",
            keywords=["劳资", "欠薪", "警务管家"],
            field="police_station",
            level="town",
            region_code="zhuji",
            dispute_type_code="labour",
            date_released=datetime.date(2024, 2, 1),
            facts="<p>某工地拖欠工资，工人聚集讨薪，楼上办公区一度混乱。</p>",
        ),
        "property": CasePageFactory(
            parent=library,
            title="红色物业化解小区停车矛盾",
            keywords=["红色物业", "停车"],
            field="village_community",
            level="town",
            region_code="keqiao",
            dispute_type_code="property_management",
            date_released=datetime.date(2024, 6, 1),
            key_points="<p>党建引领物业服务，业主协商解决车位分配。</p>",
        ),
        "tribunal": CasePageFactory(
            parent=library,
            title="人民法庭巡回审理宅基地纠纷",
            keywords=["宅基地", "巡回审判"],
            field="peoples_tribunal",
            level="county",
            region_code="shengzhou",
            dispute_type_code="land_housing",
            date_released=datetime.date(2024, 9, 1),
            facts="<p>兄弟二人因宅基地边界发生争执，法庭在村里开庭并当场调解。</p>",
        ),
        "online": CasePageFactory(
            parent=library,
            title="网上枫桥经验回应涉企舆情",
            keywords=["网络舆情", "在线矛盾纠纷多元化解"],
            field="online",
            level="city",
            region_code="shaoxing",
            dispute_type_code="online_opinion",
            date_released=datetime.date(2025, 1, 15),
            facts="<p>一则不实帖子引发关注，网格员和平台共同核实澄清。</p>",
        ),
        "school": CasePageFactory(
            parent=library,
            title="校园欺凌事件的家校调解",
            keywords=["校园", "未成年人"],
            field="school",
            level="county",
            region_code="yuecheng",
            dispute_type_code="campus",
            date_released=datetime.date(2025, 3, 1),
        ),
        "sages": CasePageFactory(
            parent=library,
            title="乡贤参事会调处山林承包纠纷",
            keywords=["乡贤参事会", "山林承包", "人民调解"],
            field="village_community",
            level="village",
            region_code="zhuji",
            dispute_type_code="land_housing",
            date_released=datetime.date(2025, 3, 1),
        ),
        "draft": CasePageFactory(parent=library, title="尚未发布的漏水案件草稿", publish=False),
    }
    en = Locale.objects.get(language_code="en")
    english = cases["leak"].copy_for_translation(en, copy_parents=True)
    english.title = "Upstairs leak leads to a neighbour dispute"
    english.facts = "<p>Water from the upstairs bathroom; a mediator visited three times.</p>"
    english.save_revision().publish()
    cases["english"] = english
    if backend_name == "elasticsearch":
        get_case_search().rebuild()
    return cases


def search(**kwargs):
    kwargs.setdefault("language", "zh-hans")
    filters = {
        k: kwargs.pop(k) for k in list(kwargs) if k in ("field", "level", "region", "dispute_type", "year", "keyword")
    }
    return get_case_search().search(CaseQuery(filters=filters, **kwargs))


def titles(results):
    return {hit.title for hit in results.hits}


def test_empty_query_lists_every_live_case_of_the_language_with_facets(corpus):
    results = search(page_size=50)
    assert results.count == 7
    assert "尚未发布的漏水案件草稿" not in titles(results)
    assert "Upstairs leak leads to a neighbour dispute" not in titles(results)
    assert {b["value"]: b["count"] for b in results.facets["field"]} == {
        "village_community": 3,
        "police_station": 1,
        "peoples_tribunal": 1,
        "online": 1,
        "school": 1,
    }
    assert {b["value"]: b["count"] for b in results.facets["year"]} == {"2023": 1, "2024": 3, "2025": 3}
    assert {"value": "zhuji", "label": "诸暨市", "count": 3, "selected": False} in results.facets["region"]


def test_two_character_query_finds_a_substring_of_a_longer_run(corpus):
    assert titles(search(q="漏水")) == {"楼上漏水引发邻里纠纷"}
    # "欠薪" sits inside 农民工欠薪; "宅基" is half of the word 宅基地.
    assert titles(search(q="欠薪")) == {"枫桥式派出所化解农民工欠薪"}
    assert titles(search(q="宅基")) == {"人民法庭巡回审理宅基地纠纷"}


def test_a_single_chinese_character_is_found_too(corpus):
    assert titles(search(q="薪")) == {"枫桥式派出所化解农民工欠薪"}
    assert titles(search(q="贤", scope="title")) == {"乡贤参事会调处山林承包纠纷"}


def test_every_term_must_occur(corpus):
    assert titles(search(q="楼上")) == {"楼上漏水引发邻里纠纷", "枫桥式派出所化解农民工欠薪"}
    assert titles(search(q="楼上 工资")) == {"枫桥式派出所化解农民工欠薪"}


def test_text_in_the_body_is_found(corpus):
    assert titles(search(q="车位分配")) == {"红色物业化解小区停车矛盾"}
    assert titles(search(q="不实帖子")) == {"网上枫桥经验回应涉企舆情"}


def test_search_limited_to_one_field(corpus):
    assert titles(search(q="渗水")) == {"楼上漏水引发邻里纠纷"}
    assert search(q="渗水", scope="title").count == 0
    assert titles(search(q="宅基地", scope="title")) == {"人民法庭巡回审理宅基地纠纷"}
    assert titles(search(q="乡贤", scope="keywords")) == {"乡贤参事会调处山林承包纠纷"}
    number = corpus["wage"].case_number
    assert titles(search(q=number, scope="case_number")) == {"枫桥式派出所化解农民工欠薪"}
    assert titles(search(q=number)) == {"枫桥式派出所化解农民工欠薪"}


def test_title_match_ranks_above_a_match_in_the_text(corpus):
    results = search(q="楼上")
    assert [hit.title for hit in results.hits][0] == "楼上漏水引发邻里纠纷"


def test_filters_narrow_and_combine(corpus):
    results = search(field="village_community", level="village")
    assert titles(results) == {"楼上漏水引发邻里纠纷", "乡贤参事会调处山林承包纠纷"}
    assert titles(search(region="zhuji", dispute_type="land_housing")) == {"乡贤参事会调处山林承包纠纷"}
    assert titles(search(year=2023)) == {"楼上漏水引发邻里纠纷"}
    assert titles(search(keyword="人民调解")) == {"楼上漏水引发邻里纠纷", "乡贤参事会调处山林承包纠纷"}
    assert titles(search(q="纠纷", level="county")) == {"人民法庭巡回审理宅基地纠纷"}


@pytest.mark.parametrize("text", ["", "纠纷", "调解"])
def test_facet_counts_match_the_filtered_results(corpus, text):
    results = search(q=text, page_size=50)
    for facet in ("field", "level", "region", "dispute_type", "year"):
        assert sum(b["count"] for b in results.facets[facet]) == results.count, facet
        for bucket in results.facets[facet]:
            narrowed = search(q=text, page_size=50, **{facet: bucket["value"]})
            assert narrowed.count == bucket["count"], (facet, bucket)
    for bucket in results.facets["keyword"]:
        assert search(q=text, keyword=bucket["value"]).count == bucket["count"]


def test_matches_are_highlighted_in_title_and_snippet(corpus):
    hit = search(q="漏水").hits[0]
    assert "<mark>漏水</mark>" in hit.highlight["title"]
    hit = search(q="渗水").hits[0]
    assert "<mark>渗水</mark>" in hit.highlight["snippet"]
    assert hit.url.endswith(f"/{corpus['leak'].slug}/")
    assert hit.case_number == corpus["leak"].case_number


def test_sort_by_date_and_pagination(corpus):
    newest = search(sort="newest", page_size=50)
    dates = [hit.date_released for hit in newest.hits]
    assert dates == sorted(dates, reverse=True)
    oldest = search(sort="oldest", page_size=50)
    assert [hit.date_released for hit in oldest.hits] == sorted(dates)
    pages = [search(sort="newest", page_size=3, page=n) for n in (1, 2, 3)]
    seen = [hit.page_id for page in pages for hit in page.hits]
    assert len(seen) == len(set(seen)) == 7
    assert pages[0].num_pages == 3
    assert search(page=9, page_size=3).hits == []


def test_search_within_results(corpus):
    assert titles(search(q="调解", within=["纠纷"])) == titles(search(q="纠纷 调解"))
    assert titles(search(q="宅基地", within=["纠纷"])) == {"人民法庭巡回审理宅基地纠纷"}


def test_english_cases_are_searched_in_english(corpus):
    results = search(q="mediator", language="en")
    assert titles(results) == {"Upstairs leak leads to a neighbour dispute"}
    assert results.facets["region"][0]["label"] == "Zhuji"
    assert search(q="LEAK", language="en").count == 1


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_hostile_queries_never_break_the_search(corpus, text):
    results = search(q=text)
    assert results.count >= 0
    assert len(results.query.q) <= MAX_QUERY_LENGTH
    for hit in results.hits:
        assert "<script>" not in hit.highlight["title"] + hit.highlight["snippet"]
