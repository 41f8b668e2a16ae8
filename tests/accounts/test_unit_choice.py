"""A learner's unit: chosen at sign-up and in the profile (a plain select without JavaScript,
search-as-you-type with it), or typed and matched to a unit by its exact name."""

import pytest

from college.accounts.models import User
from college.organisations import services
from college.organisations.models import Unit

pytestmark = pytest.mark.django_db

STRONG_PASSWORD = "Fengqiao-1963-maple"


@pytest.fixture
def units(db):
    zhuji = services.create_unit(None, code="330681", name="诸暨市", name_en="Zhuji")
    town = services.create_unit(zhuji, code="330681-FQ", name="枫桥镇", name_en="Fengqiao Town")
    town = Unit.objects.get(pk=town.pk)
    office = services.create_unit(town, code="330681-FQ-SFS", name="枫桥镇司法所", aliases="诸暨市枫桥镇司法所")
    closed = services.create_unit(Unit.objects.get(pk=town.pk), code="OLD", name="已撤销的单位", active=False)
    return {"zhuji": zhuji, "town": town, "office": office, "closed": closed}


def signup(client, **overrides):
    data = {
        "email": "cadre@example.org",
        "real_name": "李明",
        "mobile": "13800138000",
        "password1": STRONG_PASSWORD,
        "password2": STRONG_PASSWORD,
        **overrides,
    }
    return client.post("/accounts/signup/", data)


def test_the_signup_form_offers_the_active_units_as_a_plain_select_with_the_picker_script(client, home_page, units):
    page = client.get("/accounts/signup/").content.decode()
    assert 'name="unit"' in page and "data-unit-picker" in page
    assert '<option value="330681-FQ-SFS">— — 枫桥镇司法所</option>' in page
    assert "已撤销的单位" not in page
    assert "organisations/unit-picker.js" in page and "organisations/unit-picker.css" in page
    assert 'data-api-url="/api/organisations/units/"' in page


def test_a_unit_chosen_at_signup_is_stored_with_its_name_as_the_work_unit(client, home_page, units):
    response = signup(client, unit="330681-FQ-SFS", work_unit="")
    assert response.status_code == 302
    user = User.objects.get(email="cadre@example.org")
    assert user.unit == units["office"] and user.work_unit == "枫桥镇司法所"


def test_a_typed_work_unit_that_names_a_unit_is_linked_and_other_text_is_kept(client, home_page, units):
    signup(client, email="a@example.org", work_unit="诸暨市枫桥镇司法所")
    signup(client, email="b@example.org", work_unit="柯桥区综治中心")
    a, b = User.objects.get(email="a@example.org"), User.objects.get(email="b@example.org")
    assert a.unit == units["office"]
    assert b.unit is None and b.work_unit == "柯桥区综治中心"


@pytest.mark.parametrize("value", ["NOPE", "OLD", "330681-FQ-SFS' OR 1=1"])
def test_a_unit_that_is_not_offered_is_a_field_error_and_nobody_is_signed_up(client, home_page, units, value):
    response = signup(client, unit=value)
    assert response.status_code == 200
    assert "请从列表中选择单位。" in response.content.decode()
    assert not User.objects.filter(email="cadre@example.org").exists()


def test_the_profile_shows_and_changes_the_unit(client, home_page, units):
    user = User.objects.create_user(username="u", email="u@example.org", password=STRONG_PASSWORD, real_name="王")
    client.force_login(user)
    response = client.post("/accounts/profile/", {"real_name": "王", "unit": "330681-FQ", "mobile": ""})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.unit == units["town"] and user.work_unit == "枫桥镇"
    page = client.get("/accounts/profile/").content.decode()
    assert '<option value="330681-FQ" selected>— 枫桥镇</option>' in page
    assert "organisations/unit-picker.js" in page


def test_a_unit_deactivated_since_stays_acceptable_for_its_cadre(client, home_page, units):
    user = User.objects.create_user(username="u", email="u@example.org", real_name="王", unit=units["closed"])
    client.force_login(user)
    response = client.post("/accounts/profile/", {"real_name": "王", "unit": "OLD", "position": "科员"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.unit == units["closed"] and user.position == "科员"
    # Nobody else may choose it.
    other = User.objects.create_user(username="o", email="o@example.org", real_name="赵")
    client.force_login(other)
    assert client.post("/accounts/profile/", {"real_name": "赵", "unit": "OLD"}).status_code == 200
    other.refresh_from_db()
    assert other.unit is None


def test_the_profile_in_english_explains_the_unit_field(client, english_home, units):
    user = User.objects.create_user(username="u", email="u@example.org", real_name="Wang")
    client.force_login(user)
    page = client.get("/en/accounts/profile/").content.decode()
    assert "Type part of your unit&#x27;s name and choose it." in page or "Type part of your unit's name" in page
    response = client.post("/en/accounts/profile/", {"real_name": "Wang", "unit": "NOPE"})
    assert "Choose a unit from the list." in response.content.decode()
