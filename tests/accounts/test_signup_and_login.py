import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from college.accounts.models import User
from college.accounts.roles import LEARNERS

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

STRONG_PASSWORD = "Fengqiao-1963-maple"


def signup(client, prefix="", **overrides):
    data = {
        "email": "cadre@example.org",
        "real_name": "李明",
        "work_unit": "诸暨市枫桥镇司法所",
        "mobile": "138 0013 8000",
        "password1": STRONG_PASSWORD,
        "password2": STRONG_PASSWORD,
        **overrides,
    }
    return client.post(f"{prefix}/accounts/signup/", data)


def confirmation_link(message):
    return re.search(r"https?://[^/\s]+(/(?:en/)?accounts/confirm-email/[^/\s]+/)", message.body).group(1)


def test_sign_up_verify_email_log_in_and_edit_profile(client, home_page):
    response = signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="cadre@example.org")
    assert (user.real_name, user.work_unit, user.mobile) == ("李明", "诸暨市枫桥镇司法所", "13800138000")
    assert user.groups.filter(name=LEARNERS).exists()

    # Not verified yet: signing in is refused until the link is followed.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["cadre@example.org"]
    link = confirmation_link(message)
    client.logout()
    response = client.post("/accounts/login/", {"login": "cadre@example.org", "password": STRONG_PASSWORD})
    assert "_auth_user_id" not in client.session

    response = client.post(link)
    assert response.status_code == 302
    assert user.emailaddress_set.get().verified

    client.logout()
    response = client.post("/accounts/login/", {"login": "cadre@example.org", "password": STRONG_PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)

    response = client.post(
        "/accounts/profile/",
        {
            "real_name": "李明",
            "work_unit": "诸暨市人民法院枫桥法庭",
            "position": "法官助理",
            "region": "浙江省绍兴市",
            "mobile": "+86 139-0000-1111",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.work_unit, user.position, user.mobile) == ("诸暨市人民法院枫桥法庭", "法官助理", "13900001111")
    assert "个人资料已保存" in client.get("/accounts/profile/").content.decode()


def test_verification_email_is_in_english_for_the_english_site(client, english_home):
    signup(client, prefix="/en")
    assert len(mail.outbox) == 1
    assert "/en/accounts/confirm-email/" in mail.outbox[0].body
    assert "confirm" in mail.outbox[0].subject.lower()


def test_an_email_already_registered_is_refused_with_a_clear_message(client, home_page):
    UserFactory(email="cadre@example.org")
    response = signup(client)
    assert response.status_code == 200
    assert "此电子邮件地址已被其他用户注册" in response.content.decode()
    assert User.objects.filter(email="cadre@example.org").count() == 1


@pytest.mark.parametrize(
    ("password", "message"),
    [("password1234", "这个密码太常见了"), ("84736291057", "密码只包含数字"), ("Fq-1963", "密码长度太短")],
)
def test_weak_or_common_passwords_are_refused_in_chinese(client, home_page, password, message):
    response = signup(client, password1=password, password2=password)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(email="cadre@example.org").exists()


def test_a_malformed_phone_number_is_refused_in_the_users_language(client, english_home):
    response = signup(client, mobile="12345")
    assert "请输入有效的中国大陆手机号码" in response.content.decode()
    response = signup(client, prefix="/en", mobile="12345")
    assert "Enter a valid mainland China mobile number" in response.content.decode()
    assert not User.objects.exists()


def test_profile_refuses_a_malformed_phone_and_keeps_the_old_value(client, home_page):
    user = UserFactory(mobile="13800138000")
    client.force_login(user)
    response = client.post("/accounts/profile/", {"real_name": "王五", "mobile": "not a phone"})
    assert response.status_code == 200
    assert "请输入有效的中国大陆手机号码" in response.content.decode()
    user.refresh_from_db()
    assert user.mobile == "13800138000"


def test_every_new_account_joins_the_learners_role(client, home_page):
    signup(client)
    assert list(User.objects.get().groups.values_list("name", flat=True)) == [LEARNERS]
    assert Group.objects.filter(name="Reviewers").exists()


def test_password_reset_sends_an_email_with_a_working_link(client, home_page):
    UserFactory(email="cadre@example.org")
    response = client.post("/accounts/password/reset/", {"email": "cadre@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/[^\s]+/)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    response = client.post(form_url, {"password1": "A-new-maple-leaf-2026", "password2": "A-new-maple-leaf-2026"})
    assert response.status_code == 302
    assert client.login(username="cadre@example.org", password="A-new-maple-leaf-2026") or User.objects.get(
        email="cadre@example.org"
    ).check_password("A-new-maple-leaf-2026")
    assert PASSWORD != "A-new-maple-leaf-2026"
