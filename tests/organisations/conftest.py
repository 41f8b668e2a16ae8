"""A small Shaoxing tree shared by the organisations tests.

    浙江省 ZJ
    └ 绍兴市 SX
      ├ 诸暨市 ZJS
      │ ├ 枫桥镇 FQ            ← administered by ``fq_admin``
      │ │ ├ 诸暨市公安局枫桥派出所 FQ-PCS   ← administered by ``station_admin``
      │ │ └ 枫桥镇司法所 FQ-SFS
      │ └ 店口镇 DK            ← the sibling town, administered by ``dk_admin``
      │   └ 诸暨市公安局店口派出所 DK-PCS
      └ 柯桥区 KQ

Cadres (hours in YEAR): 王枫甲 (FQ-PCS, 35 required + 20 elective: met), 李枫乙 (FQ-PCS, 10
required), 张枫丙 (FQ-SFS, 5 elective), 赵枫丁 (FQ itself, none); the sibling town's 钱店戊 (DK,
37.25 required) and 孙店己 (DK-PCS, 12.75 elective) have figures that appear nowhere else.
"""

import datetime

import pytest

from college.organisations.models import UnitType
from tests.accounts.factories import UserFactory

from .factories import YEAR, CadreFactory, UnitAdministratorFactory, UnitFactory, credit


class Tree(dict):
    """Units and people of the shared tree by short name: ``tree["fq"]``, ``tree.cadre("王枫甲")``."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


@pytest.fixture
def tree(db):
    t = Tree()
    t["zj"] = UnitFactory(code="ZJ", name="浙江省", name_en="Zhejiang Province", unit_type=UnitType.GOVERNMENT)
    t["sx"] = UnitFactory(code="SX", name="绍兴市", name_en="Shaoxing", parent=t["zj"], unit_type=UnitType.GOVERNMENT)
    t["zjs"] = UnitFactory(code="ZJS", name="诸暨市", name_en="Zhuji", parent=t["sx"], unit_type=UnitType.GOVERNMENT)
    t["kq"] = UnitFactory(code="KQ", name="柯桥区", name_en="Keqiao", parent=t["sx"], unit_type=UnitType.GOVERNMENT)
    t["fq"] = UnitFactory(code="FQ", name="枫桥镇", name_en="Fengqiao Town", parent=t["zjs"])
    t["dk"] = UnitFactory(code="DK", name="店口镇", name_en="Diankou Town", parent=t["zjs"])
    t["fq_pcs"] = UnitFactory(
        code="FQ-PCS",
        name="诸暨市公安局枫桥派出所",
        name_en="Fengqiao Police Station",
        parent=t["fq"],
        unit_type=UnitType.PUBLIC_SECURITY,
        aliases="诸暨市枫桥派出所\n枫桥派出所",
    )
    t["fq_sfs"] = UnitFactory(
        code="FQ-SFS",
        name="枫桥镇司法所",
        name_en="Fengqiao Judicial Office",
        parent=t["fq"],
        unit_type=UnitType.JUSTICE,
    )
    t["dk_pcs"] = UnitFactory(
        code="DK-PCS", name="诸暨市公安局店口派出所", name_en="Diankou Police Station", parent=t["dk"]
    )
    for key in list(t):  # paths and child counts as stored after every unit was added
        t[key].refresh_from_db()

    t["wang"] = CadreFactory(real_name="王枫甲", email="wang@example.org", unit=t["fq_pcs"], position="民警")
    t["li"] = CadreFactory(real_name="李枫乙", email="li@example.org", unit=t["fq_pcs"])
    t["zhang"] = CadreFactory(real_name="张枫丙", email="zhang@example.org", unit=t["fq_sfs"])
    t["zhao"] = CadreFactory(real_name="赵枫丁", email="zhao@example.org", unit=t["fq"])
    t["qian"] = CadreFactory(real_name="钱店戊", email="qian@example.org", unit=t["dk"])
    t["sun"] = CadreFactory(real_name="孙店己", email="sun@example.org", unit=t["dk_pcs"])
    credit(t["wang"], 35, "required", on=datetime.date(YEAR, 2, 10))
    credit(t["wang"], 20, "elective", on=datetime.date(YEAR, 5, 20))
    credit(t["li"], 10, "required", on=datetime.date(YEAR, 5, 3))
    credit(t["zhang"], 5, "elective", on=datetime.date(YEAR, 9, 9))
    credit(t["qian"], "37.25", "required", on=datetime.date(YEAR, 4, 1))
    credit(t["sun"], "12.75", "elective", on=datetime.date(YEAR, 6, 1))
    credit(t["wang"], 3, "elective", on=datetime.date(YEAR - 1, 6, 1))  # another year: never counted

    t["fq_admin"] = UnitAdministratorFactory(
        user=UserFactory(real_name="陈镇管", email="fq-admin@example.org", work_unit=""), unit=t["fq"]
    ).user
    t["dk_admin"] = UnitAdministratorFactory(
        user=UserFactory(real_name="吴店管", email="dk-admin@example.org", work_unit=""), unit=t["dk"]
    ).user
    t["station_admin"] = UnitAdministratorFactory(
        user=UserFactory(real_name="楼所管", email="station-admin@example.org", work_unit=""), unit=t["fq_pcs"]
    ).user
    t["staff"] = UserFactory(real_name="张培训", email="training@example.org", work_unit="", roles=["Training staff"])
    t["learner"] = UserFactory(real_name="普通学员", email="plain@example.org", work_unit="", roles=["Learners"])
    return t


@pytest.fixture
def admin_client_for(client):
    """Sign a client in as a person and return it: ``admin_client_for(tree.fq_admin)``."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in
