"""Public verification: page and API for valid, revoked, superseded, unknown, malformed and tampered."""

import pytest
from django.urls import reverse
from django.utils import timezone

from college.certificates import services
from college.certificates.models import Certificate

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


def api(client, code, **headers):
    return client.get(f"/api/certificates/{code}/", **headers)


def test_api_reports_a_valid_certificate(client, issued):
    response = api(client, issued.code)
    assert response.status_code == 200
    assert response.json() == {
        "status": "valid",
        "serial": issued.serial,
        "holder": "王晓枫",
        "title": "枫桥经验概论",
        "hours": 2,
        "issued_on": timezone.localdate(issued.issued_at).isoformat(),
        "revoked_on": None,
        "reason": None,
    }


def test_api_reports_a_revoked_certificate_with_date_and_reason(client, issued, staff):
    services.revoke(issued, "学员身份信息有误", staff)
    body = api(client, issued.code).json()
    assert body["status"] == "revoked"
    assert body["reason"] == "学员身份信息有误"
    assert body["revoked_on"] == timezone.localdate().isoformat()
    assert set(body) == {"status", "serial", "holder", "title", "hours", "issued_on", "revoked_on", "reason"}


@pytest.mark.parametrize(
    "code",
    [
        "AAAAAAAAAAAAAAAAAAAAAA",
        "short",
        "has space in it and more",
        "bad!chars*************",
        "x" * 200,
        "'; drop table--",
    ],
)
def test_api_answers_404_for_unknown_and_malformed_codes(client, issued, code):
    response = api(client, code)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found" and response.json()["errors"]["code"]


def test_api_refuses_codes_of_certificates_not_yet_issued(client, learner, course, django_capture_on_commit_callbacks):
    from .factories import CourseCompletionFactory

    CourseCompletionFactory(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=False):
        pending = services.request_certificate(learner, course=course)
    assert api(client, pending.code).status_code == 404


def test_api_error_is_in_the_requests_language(client, issued):
    response = api(client, "nope", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.json()["errors"]["code"] == ["这不是有效的证书查验码。"]
    response = api(client, "nope", HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["errors"]["code"] == ["This is not a certificate code."]


def test_verify_page_shows_a_valid_certificate_and_a_matching_signature(client, issued):
    response = client.get(services.qr_url(issued).replace("http://testserver", ""))
    assert response.status_code == 200
    html = response.content.decode()
    assert "证书有效" in html
    assert "二维码签名核验一致" in html
    assert "王晓枫" in html and issued.serial in html and "枫桥经验概论" in html
    assert "二维码被篡改" not in html


def test_verify_page_flags_a_tampered_signature(client, issued):
    good = services.signature(issued)
    tampered = ("A" if good[0] != "A" else "B") + good[1:]
    response = client.get(reverse("certificates:verify", args=[issued.code]), {"s": tampered})
    assert response.status_code == 200
    html = response.content.decode()
    assert "二维码被篡改" in html
    assert "二维码签名核验一致" not in html


def test_signature_covers_the_printed_statements(issued):
    before = services.signature(issued)
    for field, value in [("holder_name", "张三"), ("title", "伪造课程"), ("hours", 20), ("serial", "FQ-2026-999999")]:
        copy = Certificate.objects.get(pk=issued.pk)
        setattr(copy, field, value)
        assert services.signature(copy) != before, field
    copy = Certificate.objects.get(pk=issued.pk)
    copy.completed_on = copy.completed_on.replace(day=1)
    assert services.signature(copy) != before


def test_verify_page_shows_revocation_date_and_reason(client, issued, staff):
    services.revoke(issued, "学员身份信息有误", staff)
    response = client.get(reverse("certificates:verify", args=[issued.code]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "证书已撤销" in html and "学员身份信息有误" in html
    assert "证书有效" not in html


def test_superseded_certificate_is_reported_revoked_with_its_replacement(
    client, issued, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        new = services.reissue(issued, "姓名更正", staff)
    body = api(client, issued.code).json()
    assert body["status"] == "revoked"
    assert new.serial in body["reason"] and "姓名更正" in body["reason"]
    html = client.get(reverse("certificates:verify", args=[issued.code])).content.decode()
    assert "已被替换" in html and new.serial in html
    assert api(client, Certificate.objects.get(pk=new.pk).code).json()["status"] == "valid"


@pytest.mark.parametrize("code", ["AAAAAAAAAAAAAAAAAAAAAA", "bad!", "x" * 300])
def test_verify_page_answers_404_for_unknown_and_malformed(client, code):
    response = client.get(f"/certificates/verify/{code}/")
    assert response.status_code == 404
    assert "未知证书" in response.content.decode()


def test_verify_page_in_english(client, issued):
    response = client.get(f"/en/certificates/verify/{issued.code}/")
    html = response.content.decode()
    assert "Valid certificate" in html and "Introduction to the Fengqiao Experience" in html


def test_verify_form_redirects_to_the_code_and_rejects_bad_input(client, issued):
    response = client.get("/certificates/verify/", {"code": issued.code})
    assert response.status_code == 302 and response["Location"].endswith(f"/certificates/verify/{issued.code}/")
    response = client.get("/certificates/verify/", {"code": "<script>"})
    assert response.status_code == 400
    assert "请输入二维码下方印制的查验码" in response.content.decode()
    assert client.get("/certificates/verify/").status_code == 200


def test_verification_is_rate_limited_per_client(client, issued, settings):
    settings.COLLEGE_CERTIFICATES_VERIFY_RATE = "5/60"
    for _ in range(5):
        assert api(client, issued.code).status_code == 200
    response = api(client, issued.code)
    assert response.status_code == 429
    assert response["Retry-After"]
    assert response.json()["code"] == "rate_limited"
    assert "请求过于频繁" in response.json()["errors"]["__all__"][0]
    page = client.get(reverse("certificates:verify", args=[issued.code]))
    assert page.status_code == 429 and "请求过于频繁" in page.content.decode()
    # Another client is not affected.
    assert api(client, issued.code, REMOTE_ADDR="10.0.0.2").status_code == 200


def test_api_only_answers_get(client, issued):
    assert client.post(f"/api/certificates/{issued.code}/").status_code == 405
