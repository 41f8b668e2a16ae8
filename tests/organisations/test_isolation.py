"""Isolation: the administrator of one unit sees nothing of a sibling unit — no cadre, no figure —
on any screen, export or API, and the sibling's objects answer 404 (or are refused).

The tree (conftest.py): 枫桥镇 FQ and its sibling 店口镇 DK under 诸暨市.  The sibling's cadres
钱店戊 and 孙店己 have 37.25 and 12.75 hours, figures that occur nowhere in 枫桥镇.
"""

import io

import pytest
from django.core import mail

from college.organisations import services
from college.organisations.models import CadreReminder, UnitAdministrator, UnitApiToken

from .factories import YEAR

pytestmark = pytest.mark.django_db

SIBLING_MARKS = [
    "钱店戊",
    "孙店己",
    "qian@example.org",
    "sun@example.org",
    "吴店管",
    "dk-admin@example.org",
    "店口",
    "Diankou",
    "37.25",
    "12.75",
    "50.00",  # the sibling town's total
    "120.00",  # 诸暨市's total, which includes the sibling
    "107.25",
]


def readable(response):
    """What a person would read in the response: text, or the cells of a workbook."""
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(response.content)).active
        return "\n".join(" ".join(str(c) for c in row if c is not None) for row in sheet.iter_rows(values_only=True))
    return response.content.decode("utf-8-sig")


def assert_nothing_of_the_sibling(response, where):
    assert response.status_code == 200, (where, response.status_code)
    content = readable(response)
    leaked = [mark for mark in SIBLING_MARKS if mark in content]
    assert not leaked, f"{where} shows {leaked}"
    return content


def test_every_screen_export_and_api_of_a_unit_administrator_hides_the_sibling(client, tree):
    _token, raw = services.issue_api_token(tree.fq, tree.fq_admin)
    services.issue_api_token(tree.dk, tree.dk_admin)
    client.force_login(tree.fq_admin)
    own_units = ["FQ", "FQ-PCS", "FQ-SFS"]
    pages = {
        "dashboard": "/admin/",
        "cadres": f"/admin/organisations/cadres/?year={YEAR}",
        "cadres met": f"/admin/organisations/cadres/?year={YEAR}&target=met",
        "cadres behind": f"/admin/organisations/cadres/?year={YEAR}&target=behind",
        "cadres search": f"/admin/organisations/cadres/?year={YEAR}&q=店",
        "cadres csv": f"/admin/organisations/cadres/export.csv?year={YEAR}",
        "cadres xlsx": f"/admin/organisations/cadres/export.xlsx?year={YEAR}",
        "cadres sibling filter": f"/admin/organisations/cadres/export.csv?year={YEAR}&unit=DK",
        "report top": f"/admin/organisations/report/?year={YEAR}",
        "report top xlsx": f"/admin/organisations/report/export.xlsx?year={YEAR}",
        "administrators": "/admin/organisations/administrators/",
        "tokens": "/admin/organisations/tokens/",
    }
    for code in own_units:
        pages[f"cadres {code}"] = f"/admin/organisations/cadres/?year={YEAR}&unit={code}"
        pages[f"report {code}"] = f"/admin/organisations/report/?year={YEAR}&unit={code}"
        pages[f"report {code} xlsx"] = f"/admin/organisations/report/export.xlsx?year={YEAR}&unit={code}"
    for cadre in (tree.wang, tree.li, tree.zhang, tree.zhao):
        pages[f"cadre {cadre.real_name}"] = f"/admin/organisations/cadres/{cadre.pk}/?year={YEAR}"
    seen = {}
    for where, url in pages.items():
        # (An unknown unit in an export's filter is ignored: the export keeps to their own cadres.)
        seen[where] = assert_nothing_of_the_sibling(client.get(url), where)
    # The screens do show the administrator's own cadres and figures (the walk is not empty).
    assert "王枫甲" in seen["cadres"] and "55.00" in seen["cadres"]
    assert "70.00" in seen["report top"] and "王枫甲" in seen["cadres xlsx"]

    api = client.get(f"/api/organisations/units/FQ/hours/?year={YEAR}", headers={"Authorization": f"Bearer {raw}"})
    body = assert_nothing_of_the_sibling(api, "HR API")
    assert "王枫甲" in body
    # The public unit search names units (not cadres or figures) for everyone.
    search = client.get("/api/organisations/units/", {"q": "派出所"})
    assert "钱店戊" not in search.content.decode() and "37.25" not in search.content.decode()


def test_the_siblings_objects_answer_404_or_are_refused(client, tree):
    sibling_token, sibling_raw = services.issue_api_token(tree.dk, tree.dk_admin)
    _token, raw = services.issue_api_token(tree.fq, tree.fq_admin)
    sibling_grant = UnitAdministrator.objects.get(user=tree.dk_admin)
    client.force_login(tree.fq_admin)
    not_found = [
        f"/admin/organisations/cadres/{tree.qian.pk}/",
        f"/admin/organisations/cadres/{tree.sun.pk}/",
        f"/admin/organisations/report/?unit=DK&year={YEAR}",
        f"/admin/organisations/report/?unit=DK-PCS&year={YEAR}",
        f"/admin/organisations/report/?unit=ZJS&year={YEAR}",  # the parent holds the sibling's figures
        f"/admin/organisations/report/?unit=SX&year={YEAR}",
        f"/admin/organisations/report/export.xlsx?unit=DK&year={YEAR}",
    ]
    for url in not_found:
        assert client.get(url).status_code == 404, url
    assert client.post(f"/admin/organisations/administrators/{sibling_grant.pk}/revoke/").status_code == 404
    assert client.post(f"/admin/organisations/tokens/{sibling_token.pk}/revoke/").status_code == 404
    assert client.post("/admin/organisations/tokens/", {"unit": "DK"}).status_code == 400
    assert (
        client.post(
            "/admin/organisations/administrators/", {"email": "plain@example.org", "unit": "DK-PCS"}
        ).status_code
        == 400
    )
    for url in ("/admin/organisation_units/", f"/admin/organisation_units/edit/{tree.dk.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403) and "店口" not in response.content.decode()
    client.post("/admin/organisations/cadres/remind/", {"cadre": [tree.qian.pk, tree.sun.pk], "year": YEAR})
    assert not CadreReminder.objects.exists() and not mail.outbox
    # Nothing of the sibling changed.
    assert UnitAdministrator.objects.filter(pk=sibling_grant.pk).exists()
    assert UnitApiToken.objects.get(pk=sibling_token.pk).revoked_at is None
    assert UnitApiToken.objects.filter(unit=tree.dk).count() == 1
    # The API: the administrator's token does not open the sibling; the sibling's does not open theirs.
    for code, token in (("DK", raw), ("DK-PCS", raw), ("ZJS", raw), ("FQ", sibling_raw)):
        response = client.get(
            f"/api/organisations/units/{code}/hours/?year={YEAR}", headers={"Authorization": f"Bearer {token}"}
        )
        assert response.status_code == 403, code
        assert "钱店戊" not in response.content.decode() and "王枫甲" not in response.content.decode()


def test_a_station_administrator_sees_nothing_of_the_town_above(client, tree):
    """Isolation upwards too: 枫桥派出所's administrator sees neither the town's own cadres nor the judicial office."""
    client.force_login(tree.station_admin)
    for url in (
        f"/admin/organisations/cadres/?year={YEAR}",
        f"/admin/organisations/cadres/export.csv?year={YEAR}",
        f"/admin/organisations/report/?year={YEAR}",
    ):
        content = readable(client.get(url))
        assert "王枫甲" in content or "诸暨市公安局枫桥派出所" in content
        for mark in ("张枫丙", "赵枫丁", "枫桥镇司法所", "钱店戊", "70.00"):
            assert mark not in content, (url, mark)
    assert client.get(f"/admin/organisations/report/?unit=FQ&year={YEAR}").status_code == 404
    assert client.get(f"/admin/organisations/cadres/{tree.zhang.pk}/").status_code == 404
