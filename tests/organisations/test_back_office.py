"""The unit administrators' back office (Wagtail admin, 单位管理): cadres, exports, reminders,
administrators of sub-units and HR API tokens."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from college.accounts.models import User
from college.accounts.roles import UNIT_ADMINISTRATORS
from college.organisations import services
from college.organisations.models import CadreReminder, UnitAdministrator, UnitApiToken, hash_token
from tests.accounts.factories import UserFactory

from .factories import YEAR

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]

CADRES = "/admin/organisations/cadres/"


def text(response):
    return response.content.decode()


def refused(response):
    """Wagtail answers a PermissionDenied in its admin with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


# ---------------------------------------------------------------------------
# Cadres
# ---------------------------------------------------------------------------
def test_the_cadre_list_shows_the_years_figures_of_the_administrators_cadres(admin_client_for, tree):
    response = admin_client_for(tree.fq_admin).get(CADRES, {"year": YEAR})
    assert response.status_code == 200
    page = text(response)
    for name in ("王枫甲", "李枫乙", "张枫丙", "赵枫丁"):
        assert name in page
    assert "55.00" in page and "已达标" in page and "未达标" in page
    assert "4 名干部" in page


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"unit": "FQ-PCS"}, ["李枫乙", "王枫甲"]),
        ({"unit": "fq-sfs"}, ["张枫丙"]),
        ({"target": "met"}, ["王枫甲"]),
        ({"target": "behind"}, ["张枫丙", "李枫乙", "赵枫丁"]),
        ({"q": "枫乙"}, ["李枫乙"]),
        ({"q": "ZHANG@example"}, ["张枫丙"]),
    ],
)
def test_the_cadre_list_filters(admin_client_for, tree, query, expected):
    page = text(admin_client_for(tree.fq_admin).get(CADRES, {"year": YEAR, **query}))
    shown = sorted(name for name in ("王枫甲", "李枫乙", "张枫丙", "赵枫丁") if f">{name}<" in page)
    assert shown == expected


@pytest.mark.parametrize(
    "query, field",
    [({"year": "abc"}, "year"), ({"year": "1800"}, "year"), ({"unit": "DK"}, "unit"), ({"target": "x"}, "target")],
)
def test_bad_filters_are_field_errors_and_never_widen_the_list(admin_client_for, tree, query, field):
    response = admin_client_for(tree.fq_admin).get(CADRES, query)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert "钱店戊" not in text(response)


def test_the_cadre_list_exports_csv_and_xlsx(admin_client_for, tree):
    from openpyxl import load_workbook

    client = admin_client_for(tree.fq_admin)
    response = client.get(CADRES + "export.csv", {"year": YEAR, "unit": "FQ-PCS"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["姓名", "电子邮箱", "单位", "单位编码"]
    assert sorted(row[0] for row in rows[1:]) == ["李枫乙", "王枫甲"]
    wang = next(row for row in rows if row[0] == "王枫甲")
    assert wang[5:9] == ["35.00", "20.00", "55.00", "是"]
    response = client.get(CADRES + "export.xlsx", {"year": YEAR, "target": "behind"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = sorted(row[0] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert names == ["张枫丙", "李枫乙", "赵枫丁"]
    assert client.get(CADRES + "export.pdf").status_code == 404


def test_a_cadres_page_shows_their_ledger_and_a_siblings_is_404(admin_client_for, tree):
    client = admin_client_for(tree.fq_admin)
    page = text(client.get(f"{CADRES}{tree.wang.pk}/", {"year": YEAR}))
    assert "王枫甲" in page and "枫桥经验专题学习" in page and "55.00" in page
    assert client.get(f"{CADRES}{tree.qian.pk}/").status_code == 404
    assert client.get(f"{CADRES}{tree.fq_admin.pk}/").status_code == 404  # not a cadre of a unit


def test_people_who_are_neither_staff_nor_unit_administrators_are_refused(client, tree):
    client.force_login(UserFactory(roles=["Reception staff"]))
    for url in (
        CADRES,
        "/admin/organisations/report/",
        "/admin/organisations/administrators/",
        "/admin/organisations/tokens/",
    ):
        assert refused(client.get(url)), url
    client.force_login(tree.learner)  # no admin access at all: to the sign-in page
    assert client.get(CADRES).status_code == 302


# ---------------------------------------------------------------------------
# Reminders
# ---------------------------------------------------------------------------
def remind(client, *cadres, year=YEAR):
    return client.post(CADRES + "remind/", {"cadre": [c.pk for c in cadres], "year": year, "next": CADRES})


def test_reminders_go_by_email_to_those_behind_once_per_interval(
    admin_client_for, tree, django_capture_on_commit_callbacks
):
    client = admin_client_for(tree.fq_admin)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = remind(client, tree.li, tree.wang, tree.qian)
    assert response.status_code == 302
    assert len(callbacks) == 1  # the task is enqueued only once the transaction commits
    assert [m.to for m in mail.outbox] == [["li@example.org"]]
    body = mail.outbox[0].body
    assert "李枫乙" in body and "10" in body and "50" in body and "陈镇管" in body
    assert "年度目标" in mail.outbox[0].subject
    reminder = CadreReminder.objects.get(user=tree.li)
    assert reminder.sent_at is not None and reminder.requested_by == tree.fq_admin
    # Again at once: nobody is reminded twice within the interval.
    with django_capture_on_commit_callbacks(execute=True):
        response = remind(client, tree.li)
    assert len(mail.outbox) == 1
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("小时内已提醒过" in m for m in messages)


def test_the_interval_is_a_setting_and_counts_from_the_last_reminder(tree, settings):
    settings.COLLEGE_UNIT_REMINDER_INTERVAL_HOURS = 24
    start = timezone.make_aware(datetime.datetime(YEAR, 11, 2, 9, 0))
    first = services.remind_cadres(tree.fq_admin, [tree.li.pk, tree.zhang.pk], YEAR, now=start)
    assert sorted(first.queued) == sorted([tree.li.pk, tree.zhang.pk])
    soon = services.remind_cadres(tree.station_admin, [tree.li.pk], YEAR, now=start + datetime.timedelta(hours=23))
    assert soon.recently_reminded == [tree.li.pk] and not soon.queued
    later = services.remind_cadres(tree.station_admin, [tree.li.pk], YEAR, now=start + datetime.timedelta(hours=25))
    assert later.queued == [tree.li.pk]


def test_reminders_skip_the_on_track_the_email_less_and_strangers(tree):
    User.objects.filter(pk=tree.zhang.pk).update(email="")
    outcome = services.remind_cadres(tree.fq_admin, [tree.wang.pk, tree.zhang.pk, tree.qian.pk, tree.sun.pk], YEAR)
    assert outcome.on_track == [tree.wang.pk]
    assert outcome.without_email == [tree.zhang.pk]
    assert sorted(outcome.not_visible) == sorted([tree.qian.pk, tree.sun.pk])
    assert not CadreReminder.objects.exists()


def test_the_reminder_task_sends_once_even_when_run_twice(tree):
    from college.organisations.tasks import send_cadre_reminder

    reminder = CadreReminder.objects.create(user=tree.li, requested_by=tree.fq_admin, year=YEAR, language="en")
    assert send_cadre_reminder(reminder.pk) is True
    assert send_cadre_reminder(reminder.pk) is False
    assert len(mail.outbox) == 1 and "annual target" in mail.outbox[0].subject
    assert send_cadre_reminder(999999) is False


def test_a_reminder_without_choosing_anyone_says_so(admin_client_for, tree):
    response = admin_client_for(tree.fq_admin).post(CADRES + "remind/", {"year": YEAR, "cadre": ["x"]})
    assert response.status_code == 302
    assert any("请先勾选" in str(m) for m in response.wsgi_request._messages)
    assert admin_client_for(tree.fq_admin).get(CADRES + "remind/").status_code == 405


# ---------------------------------------------------------------------------
# Administrators of sub-units
# ---------------------------------------------------------------------------
ADMINS = "/admin/organisations/administrators/"


def test_an_administrator_appoints_one_for_a_unit_below_their_own(admin_client_for, tree):
    newcomer = UserFactory(email="new-admin@example.org", real_name="新管理员")
    client = admin_client_for(tree.fq_admin)
    response = client.post(ADMINS, {"email": "NEW-ADMIN@example.org", "unit": "FQ-SFS"})
    assert response.status_code == 302
    grant = UnitAdministrator.objects.get(user=newcomer)
    assert (grant.unit, grant.granted_by) == (tree.fq_sfs, tree.fq_admin)
    assert newcomer.groups.filter(name=UNIT_ADMINISTRATORS).exists()
    page = text(client.get(ADMINS))
    assert "新管理员" in page and "楼所管" in page and "吴店管" not in page


@pytest.mark.parametrize(
    "data, field",
    [
        ({"email": "plain@example.org", "unit": "FQ"}, "unit"),  # their own unit: not below it
        ({"email": "plain@example.org", "unit": "DK-PCS"}, "unit"),  # a sibling's
        ({"email": "nobody@example.org", "unit": "FQ-SFS"}, "email"),
        ({"email": "not an email", "unit": "FQ-SFS"}, "email"),
        ({"email": "plain@example.org", "unit": ""}, "unit"),
    ],
)
def test_appointments_outside_the_rules_are_field_errors_and_store_nothing(admin_client_for, tree, data, field):
    before = UnitAdministrator.objects.count()
    response = admin_client_for(tree.fq_admin).post(ADMINS, data)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert UnitAdministrator.objects.count() == before


def test_a_station_administrator_cannot_appoint_anyone(admin_client_for, tree):
    response = admin_client_for(tree.station_admin).post(ADMINS, {"email": "plain@example.org", "unit": "FQ-PCS"})
    assert response.status_code == 400
    assert not UnitAdministrator.objects.filter(user=tree.learner).exists()


def test_revoking_works_below_ones_own_unit_only(admin_client_for, tree):
    client = admin_client_for(tree.fq_admin)
    station_grant = UnitAdministrator.objects.get(user=tree.station_admin)
    own_grant = UnitAdministrator.objects.get(user=tree.fq_admin)
    sibling_grant = UnitAdministrator.objects.get(user=tree.dk_admin)
    assert refused(client.post(f"{ADMINS}{own_grant.pk}/revoke/"))
    assert client.post(f"{ADMINS}{sibling_grant.pk}/revoke/").status_code == 404
    assert client.post(f"{ADMINS}{station_grant.pk}/revoke/").status_code == 302
    assert not UnitAdministrator.objects.filter(pk=station_grant.pk).exists()
    assert not tree.station_admin.groups.filter(name=UNIT_ADMINISTRATORS).exists()
    assert UnitAdministrator.objects.filter(pk__in=[own_grant.pk, sibling_grant.pk]).count() == 2


# ---------------------------------------------------------------------------
# HR API tokens
# ---------------------------------------------------------------------------
TOKENS = "/admin/organisations/tokens/"


def test_a_token_is_shown_once_and_then_only_by_its_beginning(admin_client_for, tree):
    client = admin_client_for(tree.fq_admin)
    page = text(client.post(TOKENS, {"unit": "FQ-PCS"}))
    raw = re.search(r'id="new-token">(fqu_[^<]+)<', page).group(1)
    token = UnitApiToken.objects.get(unit=tree.fq_pcs)
    assert token.token_hash == hash_token(raw)
    later = text(client.get(TOKENS))
    assert raw not in later and token.prefix in later
    response = client.get(
        f"/api/organisations/units/FQ-PCS/hours/?year={YEAR}", headers={"Authorization": f"Bearer {raw}"}
    )
    assert response.status_code == 200


def test_tokens_of_a_sibling_cannot_be_made_or_revoked(admin_client_for, tree):
    sibling, _raw = services.issue_api_token(tree.dk, tree.dk_admin)
    client = admin_client_for(tree.fq_admin)
    response = client.post(TOKENS, {"unit": "DK"})
    assert response.status_code == 400 and response.context["form"].errors["unit"]
    assert client.post(f"{TOKENS}{sibling.pk}/revoke/").status_code == 404
    sibling.refresh_from_db()
    assert sibling.revoked_at is None
    assert "店口镇" not in text(client.get(TOKENS))


def test_revoking_a_token_stops_it(admin_client_for, tree):
    token, raw = services.issue_api_token(tree.fq, tree.fq_admin)
    assert admin_client_for(tree.fq_admin).post(f"{TOKENS}{token.pk}/revoke/").status_code == 302
    response = admin_client_for(tree.fq_admin).get(
        f"/api/organisations/units/FQ/hours/?year={YEAR}", headers={"Authorization": f"Bearer {raw}"}
    )
    assert response.status_code == 401


# ---------------------------------------------------------------------------
# The menu
# ---------------------------------------------------------------------------
def menu(response):
    """The labels and URLs of the Wagtail admin's sidebar menu (drawn from JSON props)."""
    import json

    props = re.search(r'id="wagtail-sidebar-props" type="application/json">(.*?)</script>', text(response), re.S)
    blob = json.dumps(json.loads(props.group(1)), ensure_ascii=False)
    return set(re.findall(r'"label": "([^"]+)"', blob)), set(re.findall(r'"url": "([^"]+)"', blob))


def test_the_menu_shows_each_role_its_screens(admin_client_for, client, tree):
    labels, urls = menu(admin_client_for(tree.fq_admin).get("/admin/"))
    assert {"单位管理", "干部", "单位学时报表", "单位管理员", "人事接口令牌"} <= labels
    assert "/admin/organisations/cadres/" in urls
    assert "/admin/organisations/import/" not in urls and "/admin/organisation_units/" not in urls
    client.force_login(tree.staff)
    labels, urls = menu(client.get("/admin/"))
    assert {"/admin/organisations/import/", "/admin/organisation_units/", "/admin/organisations/unmatched/"} <= urls
    assert Group.objects.get(name=UNIT_ADMINISTRATORS).permissions.count() == 1  # admin access only


@pytest.mark.parametrize("query", [{}, {"target": "behind"}])
def test_the_cadre_list_costs_the_same_queries_for_few_and_many_cadres(client, tree, query):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from college.organisations.models import Unit

    from .factories import CadreFactory, credit

    counts = []
    for extra in (0, 60):
        for _ in range(extra):
            credit(CadreFactory(unit=Unit.objects.get(pk=tree.fq_sfs.pk), verified_email=False), 3)
        client.force_login(tree.fq_admin)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(CADRES, {"year": YEAR, **query})
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
