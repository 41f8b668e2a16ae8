from datetime import timedelta

import pytest
from django.utils import timezone

from college.core.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def test_healthz_is_200_when_every_service_answers(client):
    WorkerHeartbeat.objects.create(hostname="worker@test", seen_at=timezone.now())
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker", "worker", "search"}
    assert body["checks"]["database"]["detail"] == "postgresql"
    assert all(check["ok"] for check in body["checks"].values())


def test_healthz_is_503_when_no_worker_has_reported_recently(client):
    WorkerHeartbeat.objects.create(hostname="worker@test", seen_at=timezone.now() - timedelta(minutes=10))
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["worker"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True


def test_healthz_is_503_when_the_broker_does_not_answer(client, monkeypatch):
    from college.celery import app

    WorkerHeartbeat.objects.create(hostname="worker@test", seen_at=timezone.now())
    monkeypatch.setattr(app.conf, "broker_url", "redis://127.0.0.1:1/0")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["ok"] is False


@pytest.mark.elasticsearch
def test_healthz_reports_the_elasticsearch_engine(client, wagtail_elasticsearch):
    WorkerHeartbeat.objects.create(hostname="worker@test", seen_at=timezone.now())
    body = client.get("/healthz").json()
    assert body["checks"]["search"]["ok"] is True
    assert body["checks"]["search"]["detail"].startswith("elasticsearch")
