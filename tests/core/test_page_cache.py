"""The anonymous full-page cache, HTTP caching headers and compression (college/core/page_cache.py).

The suite runs with PAGE_CACHE_SECONDS=0; every test here switches the cache on, on the real
Redis cache of the test settings.
"""

import gzip

import pytest
from django.test import Client
from wagtail.models import Page

from tests.accounts.factories import UserFactory
from tests.exhibits.factories import build_exhibition

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_MAX_AGE = 60


@pytest.fixture
def exhibition(home_page):
    exhibition, eras, exhibits = build_exhibition(home_page, eras=2, exhibits_per_era=1)
    return exhibition, eras, exhibits


def url_of(page):
    return Page.objects.get(pk=page.pk).specific.url


def test_the_second_anonymous_visit_is_answered_from_the_cache(client, home_page):
    first = client.get("/")
    second = client.get("/")
    assert first.status_code == second.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "max-age=60" in second["Cache-Control"]
    assert second["ETag"] == first["ETag"]


def test_languages_and_query_strings_are_cached_apart(client, english_home):
    client.get("/")
    english = client.get("/en/")
    assert english["X-Page-Cache"] == "miss"
    assert '<html lang="en">' in english.content.decode()
    assert client.get("/?x=1")["X-Page-Cache"] == "miss"
    assert '<html lang="zh-hans">' in client.get("/").content.decode()


def test_a_publish_is_seen_at_once(client, exhibition):
    page = exhibition[0]
    url = url_of(page)
    assert client.get(url).status_code == 200
    assert client.get(url)["X-Page-Cache"] == "hit"
    page.title = "新的展览标题"
    page.save_revision().publish()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "新的展览标题" in response.content.decode()


def test_a_publish_purges_the_other_pages_too(client, home_page, exhibition):
    """The menu and the lists on other pages show a page's title."""
    exhibition[0].show_in_menus = True
    exhibition[0].save_revision().publish()
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    exhibition[0].title = "改名的展览"
    exhibition[0].save_revision().publish()
    assert "改名的展览" in client.get("/").content.decode()


def test_an_unpublished_page_is_gone_at_once(client, exhibition):
    era = exhibition[1][0]
    url = url_of(era)
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    Page.objects.get(pk=era.pk).unpublish()
    assert client.get(url).status_code == 404


def test_a_moved_page_is_gone_from_its_old_address(client, exhibition):
    _, eras, exhibits = exhibition
    exhibit = exhibits[0]
    old_url = url_of(exhibit)
    client.get(old_url)
    assert client.get(old_url)["X-Page-Cache"] == "hit"
    Page.objects.get(pk=exhibit.pk).move(Page.objects.get(pk=eras[1].pk), pos="last-child")
    new_url = url_of(exhibit)
    moved = client.get(old_url)  # Wagtail's automatic redirect, not the cached page
    assert moved.status_code == 301 and moved["Location"] == new_url
    assert client.get(new_url).status_code == 200


def test_a_deleted_page_is_gone_at_once(client, exhibition):
    exhibit = exhibition[2][1]
    url = url_of(exhibit)
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    Page.objects.get(pk=exhibit.pk).delete()
    assert client.get(url).status_code == 404


def test_a_signed_in_page_is_never_given_to_an_anonymous_visitor(client, home_page):
    person = UserFactory(real_name="张三丰")
    member = Client()
    member.force_login(person)
    signed_in = member.get("/")
    assert "张三丰" in signed_in.content.decode()
    assert "X-Page-Cache" not in signed_in
    assert "private" in signed_in["Cache-Control"] and "no-cache" in signed_in["Cache-Control"]
    anonymous = client.get("/")
    assert "张三丰" not in anonymous.content.decode()
    assert "登录" in anonymous.content.decode() or "Sign in" in anonymous.content.decode()


def test_a_cached_anonymous_page_is_never_given_to_a_signed_in_person(client, home_page):
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    member = Client()
    member.force_login(UserFactory(real_name="李四光"))
    response = member.get("/")
    assert "X-Page-Cache" not in response
    assert "李四光" in response.content.decode()


def test_a_visitor_with_messages_is_not_answered_from_the_cache(client, home_page):
    client.get("/")
    client.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in client.get("/")


def test_pages_with_a_csrf_token_are_not_shared(home_page):
    for path in ("/accounts/login/", "/visits/"):
        first, second = Client(), Client()
        one, two = first.get(path), second.get(path)
        assert one.status_code == two.status_code == 200, path
        assert "X-Page-Cache" not in one and "X-Page-Cache" not in two
        assert one.cookies["csrftoken"].value != two.cookies["csrftoken"].value
        token_one = one.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        assert token_one not in two.content.decode()


def test_a_preview_is_not_cached(client, exhibition):
    page = Page.objects.get(pk=exhibition[0].pk).specific
    url = page.url
    client.get(url)
    page.title = "草稿标题"
    preview = page.make_preview_request()
    assert "草稿标题" in preview.content.decode()
    assert "X-Page-Cache" not in preview
    live = client.get(url)
    assert live["X-Page-Cache"] == "hit"
    assert "草稿标题" not in live.content.decode()


def test_a_repeat_with_if_none_match_gets_304(client, home_page):
    first = client.get("/")
    assert client.get("/", headers={"if-none-match": first["ETag"]}).status_code == 304
    assert client.get("/", headers={"if-none-match": '"other"'}).status_code == 200


def test_pages_are_gzipped_and_a_gzipped_repeat_gets_304_too(client, home_page):
    plain = client.get("/").content
    for _ in range(2):  # the miss, compressed by the middleware; then the cached copy
        response = client.get("/", headers={"accept-encoding": "gzip, deflate, br"})
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert gzip.decompress(response.content) == plain
    etag = response["ETag"]
    assert etag.startswith('W/"')
    again = client.get("/", headers={"accept-encoding": "gzip", "if-none-match": etag})
    assert again.status_code == 304


def test_a_page_with_a_csrf_token_is_compressed_with_random_padding(home_page):
    """Django's GZipMiddleware (4.2+) adds random bytes: the length does not follow the content."""
    sizes = set()
    for _ in range(6):
        response = Client().get("/accounts/login/", headers={"accept-encoding": "gzip"})
        assert response["Content-Encoding"] == "gzip"
        sizes.add(len(response.content))
    assert len(sizes) > 1


def test_signed_in_pages_are_private_and_carry_a_fresh_token_each_time(home_page):
    """A signed-in page holds the sign-out form's CSRF token, masked anew on every request, so
    its ETag changes each time and a conditional repeat is answered in full."""
    member = Client()
    member.force_login(UserFactory())
    first = member.get("/")
    assert first["ETag"] and "private" in first["Cache-Control"]
    assert member.get("/", headers={"if-none-match": first["ETag"]}).status_code == 200


def test_the_wagtail_api_is_cached_and_purged(client, exhibition):
    first = client.get("/api/v2/pages/")
    assert first.status_code == 200
    assert client.get("/api/v2/pages/")["X-Page-Cache"] == "hit"
    exhibition[0].title = "接口里的新标题"
    exhibition[0].save_revision().publish()
    assert "接口里的新标题" in client.get("/api/v2/pages/").content.decode()


def test_zero_seconds_switches_the_cache_off(client, home_page, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/")
    assert "X-Page-Cache" not in client.get("/")
