"""The fixed lists of visit booking: statuses (and which of them hold places), group and
unit types, provinces, weekdays.  No models here, so every model module can import them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class GroupType(models.TextChoices):
    INSPECTION = "inspection", _("Inspection")
    STUDY = "study", _("Study")
    TRAINING = "training", _("Training")
    OTHER = "other", _("Other")


class UnitType(models.TextChoices):
    PARTY_GOVERNMENT = "party_government", _("Party or government organ")
    POLITICAL_LEGAL = "political_legal", _("Political-legal organ (court, procuratorate, police, justice)")
    PUBLIC_INSTITUTION = "institution", _("Public institution or school")
    ENTERPRISE = "enterprise", _("Enterprise")
    COMMUNITY = "community", _("Village or community organisation")
    OTHER = "other", _("Other")


PROVINCES = [
    ("北京", _("Beijing")),
    ("天津", _("Tianjin")),
    ("河北", _("Hebei")),
    ("山西", _("Shanxi")),
    ("内蒙古", _("Inner Mongolia")),
    ("辽宁", _("Liaoning")),
    ("吉林", _("Jilin")),
    ("黑龙江", _("Heilongjiang")),
    ("上海", _("Shanghai")),
    ("江苏", _("Jiangsu")),
    ("浙江", _("Zhejiang")),
    ("安徽", _("Anhui")),
    ("福建", _("Fujian")),
    ("江西", _("Jiangxi")),
    ("山东", _("Shandong")),
    ("河南", _("Henan")),
    ("湖北", _("Hubei")),
    ("湖南", _("Hunan")),
    ("广东", _("Guangdong")),
    ("广西", _("Guangxi")),
    ("海南", _("Hainan")),
    ("重庆", _("Chongqing")),
    ("四川", _("Sichuan")),
    ("贵州", _("Guizhou")),
    ("云南", _("Yunnan")),
    ("西藏", _("Tibet")),
    ("陕西", _("Shaanxi")),
    ("甘肃", _("Gansu")),
    ("青海", _("Qinghai")),
    ("宁夏", _("Ningxia")),
    ("新疆", _("Xinjiang")),
    ("香港", _("Hong Kong")),
    ("澳门", _("Macao")),
    ("台湾", _("Taiwan")),
    ("境外", _("Outside China")),
]


class Status(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")
    CHECKED_IN = "checked_in", _("Checked in")
    NO_SHOW = "no_show", _("No-show")


# Requests in these states hold their places on the slot.  A checked-in group
# is in the hall, so it keeps holding them too.
HOLDING_STATUSES = (Status.PENDING, Status.APPROVED, Status.CHECKED_IN)
