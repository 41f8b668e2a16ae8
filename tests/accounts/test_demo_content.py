"""The demo accounts are a data file: it parses, fits its schema and names existing roles."""

import shutil

import pytest

from college.accounts.demo import ACCOUNTS_FILE, load_accounts, login_table
from college.accounts.roles import ROLE_LABELS
from tests.demo_files import assert_rejected, edit


def test_the_shipped_file_has_one_account_per_role():
    from college.accounts.roles import UNIT_ADMINISTRATORS
    from college.organisations.demo import login_table as unit_administrators

    accounts = load_accounts()
    # Unit administrators need a unit: the organisations demo makes one per level, with its grant.
    assert sorted(account["role"] for account in accounts) == sorted(set(ROLE_LABELS) - {UNIT_ADMINISTRATORS})
    assert len(unit_administrators()) >= 4
    assert [account["email"] for account in accounts if account["superuser"]] == ["admin@demo.fengqiao.local"]
    assert ("learner@demo.fengqiao.local", "Learners") in login_table()


@pytest.fixture
def copy(tmp_path):
    path = tmp_path / "accounts.toml"
    shutil.copyfile(ACCOUNTS_FILE, path)
    return path


@pytest.mark.parametrize(
    "old, new, fragments",
    [
        (
            'role = "Learners"',
            'role = "Learner"',
            ["accounts.toml: account \"learner@demo.fengqiao.local\": key 'role': unknown value 'Learner'"],
        ),
        ('real_name = "王学员"', 'realname = "王学员"', ["key 'realname': unknown key"]),
        ('position = "民警"\n', "", ["account \"learner@demo.fengqiao.local\": key 'position': missing"]),
        ("superuser = true", 'superuser = "yes"', ["key 'superuser': must be true or false, not text"]),
        (
            'email = "learner@demo.fengqiao.local"',
            'email = "admin@demo.fengqiao.local"',
            ["key 'email': email 'admin@demo.fengqiao.local' appears twice"],
        ),
    ],
)
def test_a_broken_file_is_rejected_naming_file_item_and_key(copy, old, new, fragments):
    edit(copy, old, new)
    assert_rejected(load_accounts, copy, *fragments)
