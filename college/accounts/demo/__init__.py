"""Demo accounts: one per role, all with the same documented password.

The accounts (names, work units, roles) are in ``accounts.toml`` beside this
file; ``load_accounts()`` reads and checks it.
"""

from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from college.core.demo import content

from ..models import User
from ..roles import ROLE_LABELS, ensure_roles

DEMO_PASSWORD = "fengqiao-demo-2026"
ACCOUNTS_FILE = Path(__file__).resolve().parent / "accounts.toml"
ACCOUNTS_SCHEMA = content.Table(
    account=content.Items(
        "account",
        content.Table(
            email=content.Text(),
            role=content.Choice(ROLE_LABELS),
            real_name=content.Text(),
            work_unit=content.Text(),
            position=content.Text(),
            region=content.Text(),
            superuser=content.Optional(content.Boolean(), default=False),
        ),
        label_key="email",
    )
)


def load_accounts(path=ACCOUNTS_FILE):
    """The demo accounts of ``accounts.toml``, checked (raises DemoContentError)."""
    accounts = content.read(path, ACCOUNTS_SCHEMA)["account"]
    content.unique(accounts, "email", lambda a: content.Location(path, f'account "{a["email"]}"'), "email")
    return accounts


def seed(stdout=None, **options):
    accounts = load_accounts()
    ensure_roles()
    for account in accounts:
        email = account["email"]
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                username=email.split("@")[0],
                email=email,
                password=DEMO_PASSWORD,
                real_name=account["real_name"],
                work_unit=account["work_unit"],
                position=account["position"],
                region=account["region"],
                is_superuser=account["superuser"],
                is_staff=account["superuser"],
            )
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        user.groups.add(Group.objects.get(name=account["role"]))
    if stdout:
        stdout.write(f"  {len(accounts)} demo accounts, password {DEMO_PASSWORD}")


def login_table():
    """The demo logins as printed by `make run` and listed in the README."""
    return [(account["email"], account["role"]) for account in load_accounts()]
