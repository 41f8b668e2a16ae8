import pytest

pytestmark = pytest.mark.django_db


def test_home_page_is_served_in_chinese_at_the_root(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-hans">' in html
    assert "绍兴枫桥学院" in html
    assert "跳转到主要内容" in html  # skip link, translated


def test_home_page_is_served_in_english_under_en(client, english_home):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Shaoxing Fengqiao College" in html
    assert "Skip to main content" in html


def test_language_switcher_links_to_the_same_page_in_the_other_language(client, english_home):
    html = client.get("/en/").content.decode()
    assert 'href="/" hreflang="zh-hans"' in html
    html = client.get("/").content.decode()
    assert 'href="/en/" hreflang="en"' in html


def test_language_switcher_keeps_a_non_page_view(client, home_page):
    html = client.get("/accounts/login/").content.decode()
    assert 'href="/en/accounts/login/" hreflang="en"' in html


def test_seed_demo_is_idempotent(db):
    from django.core.management import call_command
    from wagtail.models import Page

    from college.accounts.models import User

    call_command("seed_demo", verbosity=0)
    counts = (Page.objects.count(), User.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (Page.objects.count(), User.objects.count()) == counts


def test_pages_reference_no_external_assets(client, english_home):
    for url in ("/", "/en/", "/accounts/login/", "/search/?q=x"):
        html = client.get(url).content.decode()
        assert "http://" not in html.replace("http://testserver", "")
        assert "https://" not in html
