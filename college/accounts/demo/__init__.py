"""Demo accounts: one per role, all with the same documented password."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from .models import User
from .roles import (
    ADMINISTRATORS,
    EDITORS,
    LEARNERS,
    RECEPTION_STAFF,
    REVIEWERS,
    TRAINING_STAFF,
    ensure_roles,
)

DEMO_PASSWORD = "fengqiao-demo-2026"

DEMO_ACCOUNTS = [
    # email, role, real name, work unit, position, is_superuser
    ("admin@demo.fengqiao.local", ADMINISTRATORS, "管理员", "枫桥学院信息中心", "系统管理员", True),
    ("learner@demo.fengqiao.local", LEARNERS, "王学员", "诸暨市枫桥派出所", "民警", False),
    ("reception@demo.fengqiao.local", RECEPTION_STAFF, "李接待", "枫桥学院接待办", "接待专员", False),
    ("training@demo.fengqiao.local", TRAINING_STAFF, "张培训", "枫桥学院培训处", "培训干事", False),
    ("editor@demo.fengqiao.local", EDITORS, "陈编辑", "枫桥学院研究室", "编辑", False),
    ("reviewer@demo.fengqiao.local", REVIEWERS, "赵审核", "枫桥学院研究室", "审核员", False),
]


def seed(stdout=None, **options):
    ensure_roles()
    for email, role, real_name, unit, position, superuser in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                username=email.split("@")[0],
                email=email,
                password=DEMO_PASSWORD,
                real_name=real_name,
                work_unit=unit,
                position=position,
                region="浙江省绍兴市",
                is_superuser=superuser,
                is_staff=superuser,
            )
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        user.groups.add(Group.objects.get(name=role))
    if stdout:
        stdout.write(f"  {len(DEMO_ACCOUNTS)} demo accounts, password {DEMO_PASSWORD}")


def login_table():
    """The demo logins as printed by `make run` and listed in the README."""
    return [(email, role) for email, role, *_ in DEMO_ACCOUNTS]
