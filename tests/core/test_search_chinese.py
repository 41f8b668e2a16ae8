"""Site search finds Chinese words inside longer runs of Chinese text.

The same behaviour is checked on PostgreSQL (the test database), on SQLite
(the embedded default, in a subprocess with its own database file) and on
Elasticsearch (osmem-server).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Page

from college.core.search import cjk

ROOT = Path(__file__).resolve().parents[2]


def make_pages():
    from college.core.demo import ensure_locales, ensure_tree_roots
    from college.core.models import HomePage

    ensure_locales()
    root = ensure_tree_roots()
    pages = {}
    for slug, title, intro in [
        ("centre", "矛盾纠纷调解中心", "<p>县级“终点站”，镇级“主阵地”。</p>"),
        ("survey", "调查解决问题", "<p>先调查，后解决。</p>"),
        ("english", "Mediation centre", "<p>Disputes resolved where they arise.</p>"),
    ]:
        page = HomePage(title=title, slug=slug, intro=intro)
        root.add_child(instance=page)
        pages[slug] = page
    return pages


def titles(query):
    return sorted(p.title for p in Page.objects.live().search(query))


def test_segment_splits_han_runs_into_bigrams_and_keeps_other_text():
    assert cjk.segment("矛盾纠纷调解中心 Fengqiao").split() == [
        "矛盾",
        "盾纠",
        "纠纷",
        "纷调",
        "调解",
        "解中",
        "中心",
        "Fengqiao",
    ]
    assert cjk.segment("“枫桥经验”，好！").split() == ["枫桥", "桥经", "经验", "好"]


@pytest.mark.django_db
def test_postgres_search_finds_a_two_character_word_inside_a_longer_run():
    make_pages()
    assert titles("调解") == ["矛盾纠纷调解中心"]
    # 调解 must be adjacent: 调查解决 has both characters but not the word.
    assert "调查解决问题" not in titles("调解")
    assert titles("调解中心") == ["矛盾纠纷调解中心"]
    assert titles("主阵地") == ["矛盾纠纷调解中心"]
    assert titles("mediation") == ["Mediation centre"]
    # Several words: Wagtail's PostgreSQL backend requires all of them.
    assert titles("纠纷 主阵地") == ["矛盾纠纷调解中心"]
    assert titles("纠纷 mediation") == []


@pytest.mark.django_db
def test_site_search_page_shows_the_chinese_match(client, home_page):
    from college.core.models import HomePage

    centre = HomePage(title="矛盾纠纷调解中心", slug="centre", locale=home_page.locale)
    home_page.get_parent().add_child(instance=centre)
    response = client.get("/search/", {"q": "调解"})
    assert response.status_code == 200
    assert "矛盾纠纷调解中心" in response.content.decode()


@pytest.mark.django_db
def test_site_search_refuses_an_overlong_query_with_a_message(client, home_page):
    response = client.get("/search/", {"q": "调" * 500})
    assert response.status_code == 200
    assert "搜索内容过长" in response.content.decode()


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_elasticsearch_search_finds_a_two_character_word_inside_a_longer_run(wagtail_elasticsearch):
    pages = make_pages()
    call_command("update_index", verbosity=0)
    assert titles("调解") == ["矛盾纠纷调解中心"]
    assert titles("主阵地") == ["矛盾纠纷调解中心"]
    assert titles("mediation") == ["Mediation centre"]
    assert pages


SQLITE_SCRIPT = r"""
import json, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from wagtail.models import Page
from tests.core.test_search_chinese import make_pages, titles
make_pages()
print(json.dumps({"backend": __import__("wagtail.search.backends", fromlist=["x"]).get_search_backend().__class__.__name__,
                  "调解": titles("调解"), "主阵地": titles("主阵地"), "mediation": titles("mediation")}))
"""


def test_sqlite_search_finds_a_two_character_word_inside_a_longer_run(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="college.settings.dev",
        COLLEGE_VAR_DIR=str(tmp_path),
        DEBUG="false",
        SECRET_KEY="sqlite-only",
    )
    result = subprocess.run(
        [sys.executable, "-c", SQLITE_SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["backend"] == "ChineseSQLiteSearchBackend"
    assert found["调解"] == ["矛盾纠纷调解中心"]
    assert found["主阵地"] == ["矛盾纠纷调解中心"]
    assert found["mediation"] == ["Mediation centre"]
