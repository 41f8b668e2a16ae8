import pytest

pytestmark = pytest.mark.django_db

URL = "/exhibition-search/"


def titles(html):
    import re

    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', html)


def test_search_finds_exhibits_by_chinese_words(client, small_exhibition):
    exhibition, eras, exhibits = small_exhibition
    exhibits[4].title = "四前工作法"
    exhibits[4].save_revision().publish()
    # Whole words for now: Chinese substring search is the foundation's job (college.core.search).
    response = client.get(URL, {"q": "四前工作法"})
    assert response.status_code == 200
    assert titles(response.content.decode()) == ["四前工作法"]


def test_search_filters_by_era_and_theme_without_words(client, small_exhibition):
    exhibition, eras, exhibits = small_exhibition
    html = client.get(URL, {"era": "era-2"}).content.decode()
    assert titles(html) == [exhibit.title for exhibit in exhibits[3:6]]
    html = client.get(URL, {"theme": "mass-line", "era": "era-3"}).content.decode()
    assert titles(html) == [exhibit.title for exhibit in exhibits[6:9]]
    html = client.get(URL, {"theme": "rule-of-law", "era": "era-1"}).content.decode()
    assert titles(html) == []
    assert "没有符合这些关键词和筛选条件的展品" in html


def test_search_combines_words_and_filters(client, small_exhibition):
    exhibition, eras, exhibits = small_exhibition
    html = client.get(URL, {"q": exhibits[4].title, "theme": "rule-of-law"}).content.decode()
    assert titles(html) == [exhibits[4].title]
    html = client.get(URL, {"q": exhibits[4].title, "theme": "mass-line"}).content.decode()
    assert titles(html) == []
    html = client.get(URL, {"q": exhibits[4].title, "era": "era-1"}).content.decode()
    assert titles(html) == []


@pytest.mark.parametrize(
    "params, message",
    [
        ({"era": "no-such-era"}, "没有名为“no-such-era”的时期"),
        ({"theme": "nope"}, "没有名为“nope”的主题"),
        ({"q": "字" * 101}, "搜索内容过长"),
        ({"q": "展品", "page": "999"}, ""),
        ({"q": "展品", "page": "abc"}, ""),
    ],
)
def test_bad_search_input_is_explained_never_a_500(client, small_exhibition, params, message):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_search_in_english_lists_english_exhibits_only(client, small_exhibition):
    from wagtail.models import Locale

    from college.core.demo import translate_page

    exhibition, eras, exhibits = small_exhibition
    en = Locale.objects.get(language_code="en")
    translate_page(exhibition, en, {"title": "Exhibition"})
    translate_page(eras[0], en, {"title": "Hall one"})
    translate_page(exhibits[0], en, {"title": "Mediation first"})
    html = client.get("/en/exhibition-search/", {"q": "mediation"}).content.decode()
    assert titles(html) == ["Mediation first"]
    assert "1 exhibit found." in html


@pytest.mark.elasticsearch
def test_exhibit_search_with_filters_works_on_elasticsearch(client, small_exhibition, wagtail_elasticsearch):
    from django.core.management import call_command

    exhibition, eras, exhibits = small_exhibition
    exhibits[4].title = "四前工作法"
    exhibits[4].save_revision().publish()
    call_command("update_index", verbosity=0)
    # Best match first (the Chinese analyser may also match single characters such as 法 in 法治).
    assert titles(client.get(URL, {"q": "四前工作法"}).content.decode())[0] == "四前工作法"
    assert titles(client.get(URL, {"q": "四前工作法", "era": "era-2"}).content.decode())[0] == "四前工作法"
    assert titles(client.get(URL, {"q": "四前工作法", "era": "era-1"}).content.decode()) == []
    assert titles(client.get(URL, {"q": "四前工作法", "theme": "mass-line"}).content.decode()) == []
