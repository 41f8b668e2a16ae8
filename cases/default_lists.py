"""The managed lists a fresh install starts with (editors may add more)."""

DISPUTE_TYPES = [
    ("neighbours", "邻里纠纷", "Neighbours"),
    ("marriage_family", "婚姻家庭纠纷", "Marriage and family"),
    ("land_housing", "土地房屋纠纷", "Land and housing"),
    ("labour", "劳动劳务纠纷", "Labour"),
    ("property_management", "物业纠纷", "Property management"),
    ("consumer", "消费纠纷", "Consumer"),
    ("online_opinion", "网络舆情", "Online opinion"),
    ("traffic", "交通事故纠纷", "Traffic accidents"),
    ("medical", "医疗纠纷", "Medical"),
    ("contract_debt", "合同债务纠纷", "Contracts and debts"),
    ("campus", "校园纠纷", "Campus"),
    ("other", "其他纠纷", "Other"),
]
REGIONS = [
    ("shaoxing", "绍兴市", "Shaoxing"),
    ("zhuji", "诸暨市", "Zhuji"),
    ("yuecheng", "越城区", "Yuecheng"),
    ("keqiao", "柯桥区", "Keqiao"),
    ("shangyu", "上虞区", "Shangyu"),
    ("shengzhou", "嵊州市", "Shengzhou"),
    ("xinchang", "新昌县", "Xinchang"),
]


def ensure_default_lists(apps=None, schema_editor=None):
    """Create the starting regions and dispute types that are missing (idempotent)."""
    if apps is None:
        from django.apps import apps
    for model_name, rows in (("DisputeType", DISPUTE_TYPES), ("Region", REGIONS)):
        model = apps.get_model("cases", model_name)
        for order, (code, name, name_en) in enumerate(rows):
            model.objects.get_or_create(code=code, defaults={"name": name, "name_en": name_en, "sort_order": order})
