import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_api_v2_lists_live_pages_and_filters_by_locale(client, english_home):
    response = client.get("/api/v2/pages/", {"locale": "en", "fields": "title"})
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert "Shaoxing Fengqiao College" in titles
    assert "绍兴枫桥学院" not in titles
    detail = client.get(f"/api/v2/pages/{english_home.pk}/").json()
    assert detail["meta"]["locale"] == "en"
    assert "Fengqiao" in detail["intro"]


@pytest.mark.django_db
def test_api_v2_images_and_documents_endpoints_answer(client):
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200


@pytest.mark.django_db
def test_api_v2_bad_filter_is_a_clear_400_not_a_500(client, home_page):
    response = client.get("/api/v2/pages/", {"limit": "many"})
    assert response.status_code == 400
    assert "message" in response.json()


def test_production_settings_pass_the_deploy_check():
    # (the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for this process only)
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "college.settings.production",
        "SECRET_KEY": "x" * 64 + "-production-check-0123456789",
        "ALLOWED_HOSTS": "college.example.org",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update(DJANGO_SETTINGS_MODULE="college.settings.production", ALLOWED_HOSTS="college.example.org")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_pages_send_a_content_security_policy(client, home_page):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
