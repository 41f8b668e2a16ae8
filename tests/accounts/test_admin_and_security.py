import pytest
from django.core.management import call_command

from college.accounts.roles import EDITORS, LEARNERS, RECEPTION_STAFF, REVIEWERS

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

WRONG = "not-the-password-1"


def attempt(client, email, password, next_url=None):
    data = {"login": email, "password": password}
    url = "/accounts/login/" + (f"?next={next_url}" if next_url else "")
    return client.post(url, data)


def is_refused_for_too_many_attempts(response):
    return (
        response.status_code in (200, 429)
        and "_auth_user_id" not in response.wsgi_request.session
        and "登录失败次数过多，请稍后重试。" in response.content.decode()
    )


def test_a_staff_member_signs_in_to_the_wagtail_admin_in_chinese(client, home_page):
    editor = UserFactory(email="editor@example.org", roles=[EDITORS])
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    response = attempt(client, "editor@example.org", PASSWORD, next_url="/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    response = client.get("/admin/")
    assert response.status_code == 200
    assert 'lang="zh-hans"' in response.content.decode()
    assert "仪表盘" in response.content.decode() or "控制面板" in response.content.decode()
    assert editor.has_perm("wagtailadmin.access_admin")


def test_a_learner_cannot_enter_the_admin(client, home_page):
    client.force_login(UserFactory(roles=[LEARNERS]))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_admin_login_page_goes_through_allauth(client, home_page):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"
    # Posting credentials to the old admin login does not sign anyone in.
    UserFactory(email="editor@example.org", roles=[EDITORS])
    client.post("/admin/login/", {"username": "editor@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("next_url", [None, "/admin/"], ids=["site login", "admin login"])
def test_the_sixth_wrong_password_within_five_minutes_is_refused(client, home_page, next_url):
    UserFactory(email="target@example.org", roles=[REVIEWERS])
    for _ in range(5):
        response = attempt(client, "target@example.org", WRONG, next_url)
        assert response.status_code == 200
        assert "您提供的电子邮件地址和/或密码不正确" in response.content.decode()
    # Sixth attempt, even with the right password: refused for this account.
    response = attempt(client, "target@example.org", PASSWORD, next_url)
    assert is_refused_for_too_many_attempts(response)
    # Another account from the same client is not locked by it.
    UserFactory(email="other@example.org")
    response = attempt(client, "other@example.org", PASSWORD, next_url)
    assert response.status_code == 302


def test_staff_must_set_up_two_factor_when_the_setting_is_on(client, settings, home_page):
    settings.COLLEGE_REQUIRE_STAFF_MFA = True
    client.force_login(UserFactory(roles=[RECEPTION_STAFF]))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    # The set-up flow itself stays reachable (it first asks for the password again).
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")


def test_learners_are_not_asked_for_two_factor(client, settings, home_page):
    settings.COLLEGE_REQUIRE_STAFF_MFA = True
    client.force_login(UserFactory(roles=[LEARNERS]))
    response = client.get("/accounts/profile/")
    assert response.status_code == 200


def test_staff_with_totp_reach_the_admin_when_two_factor_is_required(client, settings, home_page):
    from allauth.mfa.models import Authenticator

    settings.COLLEGE_REQUIRE_STAFF_MFA = True
    editor = UserFactory(roles=[EDITORS])
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_two_factor_is_available_to_every_user(client, home_page):
    UserFactory(email="learner@example.org", roles=[LEARNERS])
    client.force_login(UserFactory._meta.model.objects.get(email="learner@example.org"))
    response = client.get("/accounts/2fa/totp/activate/")
    # allauth first asks for the password again, then shows the set-up.
    assert response["Location"].startswith("/accounts/reauthenticate/")
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response.status_code == 302
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "otpauth://" in html or "data:image/svg" in html or "<svg" in html  # the QR code to scan


def test_roles_carry_their_wagtail_permissions(db):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission

    call_command("migrate", verbosity=0)  # post_migrate re-syncs the roles
    editors = Group.objects.get(name=EDITORS)
    reviewers = Group.objects.get(name=REVIEWERS)
    editor_perms = set(GroupPagePermission.objects.filter(group=editors).values_list("permission__codename", flat=True))
    reviewer_perms = set(
        GroupPagePermission.objects.filter(group=reviewers).values_list("permission__codename", flat=True)
    )
    assert "publish_page" not in editor_perms
    assert {"add_page", "change_page"} <= editor_perms
    assert "publish_page" in reviewer_perms
    assert editors.permissions.filter(codename="access_admin").exists()
