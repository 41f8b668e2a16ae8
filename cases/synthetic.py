"""Synthetic typical cases for load tests (``seed_demo --cases N``, bench/cases_search.py).

Texts are assembled from the vocabulary of the Fengqiao practices, so that
two-character queries hit a realistic share of cases.  ``bulk_create_cases``
inserts pages with a few large INSERTs instead of one Wagtail save each:
tree paths, case numbers and keywords are computed here.
"""

import datetime
import random
import uuid

from django.db import transaction
from django.utils import timezone

from .models import DEIDENTIFICATION_CHECKLIST, CaseField, GovernanceLevel

PLACES = ["某村", "某社区", "某镇", "某街道", "某工业园区", "某小区", "某学校", "某市场"]
PARTIES = ["王某", "李某", "张某", "陈某", "赵某", "周某", "吴某", "孙某", "钱某", "郑某"]
PRACTICES = [
    ("警务管家", "民警以警务管家身份上门走访"),
    ("民情日记", "驻村干部在民情日记中记录诉求"),
    ("乡贤参事会", "乡贤参事会推选调解员参与协商"),
    ("红色物业", "社区党组织牵头红色物业联盟协商"),
    ("全科网格", "网格员在日常走访中发现并上报"),
    ("矛调中心", "矛调中心组织多部门联合会商"),
    ("在线矛调", "当事人通过在线矛调平台提交诉求"),
    ("人民调解", "人民调解员组织双方面对面协商"),
    ("诉调对接", "法官与调解员联合释法说理"),
    ("枫桥指数", "枫桥指数预警后镇村提前介入"),
]
DISPUTES = {
    "neighbours": ("邻里纠纷", ["漏水", "噪声", "通行", "排水"]),
    "marriage_family": ("婚姻家庭纠纷", ["赡养", "继承", "离婚", "抚养"]),
    "land_housing": ("土地房屋纠纷", ["宅基地", "征地", "山林", "拆迁"]),
    "labour": ("劳动劳务纠纷", ["欠薪", "工伤", "裁员", "加班"]),
    "property_management": ("物业纠纷", ["停车", "电梯", "物业费", "绿化"]),
    "consumer": ("消费纠纷", ["预付卡", "退款", "网购", "维修"]),
    "online_opinion": ("网络舆情", ["谣言", "投诉帖", "直播", "评论"]),
    "traffic": ("交通事故纠纷", ["剐蹭", "赔偿", "电动车", "停车场"]),
    "contract_debt": ("合同债务纠纷", ["借款", "货款", "租金", "工程款"]),
    "campus": ("校园纠纷", ["欺凌", "食堂", "家长", "安全"]),
}
REGIONS = ["shaoxing", "zhuji", "yuecheng", "keqiao", "shangyu", "shengzhou", "xinchang"]


def synthetic_cases(count, seed=2026, start=0):
    """Yield ``count`` dicts describing synthetic cases (deterministic for a seed)."""
    rng = random.Random(seed + start)
    fields = [value for value, _label in CaseField.choices]
    levels = [value for value, _label in GovernanceLevel.choices]
    disputes = list(DISPUTES)
    for n in range(start, start + count):
        dispute = rng.choice(disputes)
        dispute_label, topics = DISPUTES[dispute]
        topic = rng.choice(topics)
        practice, practice_text = rng.choice(PRACTICES)
        place = rng.choice(PLACES)
        party, other = rng.sample(PARTIES, 2)
        released = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(0, 7 * 365))
        keywords = list(dict.fromkeys([practice, topic, dispute_label, rng.choice(topics)]))
        yield {
            "n": n,
            "title": f"{place}{practice}化解{topic}{dispute_label}（第{n + 1}号）",
            "subtitle": f"{party}与{other}因{topic}发生争执，经{practice}就地化解",
            "keywords": keywords,
            "field": rng.choice(fields),
            "level": rng.choice(levels),
            "region": rng.choice(REGIONS),
            "dispute_type": dispute,
            "date_released": released,
            "key_points": f"{practice_text}，坚持矛盾不上交，把{topic}问题化解在{place}。",
            "body": (
                f"{party}与{other}因{topic}问题产生矛盾，多次协商未果。{practice_text}，"
                f"查明事实后提出调解方案。双方签订调解协议，当场履行。"
                f"本案体现了小事不出村、大事不出镇的要求。"
            ),
        }


def bulk_create_cases(library, count, seed=2026, batch_size=1000, progress=None):
    """Insert ``count`` live synthetic cases under ``library`` quickly; returns how many."""
    from django.contrib.contenttypes.models import ContentType
    from taggit.models import Tag
    from wagtail.models import Page

    from .models import CaseKeyword, CasePage, DisputeType, Region
    from .services import reserve_case_numbers

    content_type = ContentType.objects.get_for_model(CasePage)
    regions = {r.code: r.pk for r in Region.objects.all()}
    disputes = {d.code: d.pk for d in DisputeType.objects.all()}
    local_fields = [f for f in CasePage._meta.local_concrete_fields]
    now = timezone.now()
    made = 0
    with transaction.atomic():
        parent = Page.objects.select_for_update().get(pk=library.pk)
        last = parent.get_last_child()
        next_step = (Page._str2int(last.path[-Page.steplen :]) + 1) if last else 1
        offset = CasePage.objects.count()
        while made < count:
            size = min(batch_size, count - made)
            rows = list(synthetic_cases(size, seed=seed, start=offset + made))
            by_year = {}
            for row in rows:
                by_year.setdefault(row["date_released"].year, []).append(row)
            for year, year_rows in by_year.items():
                for row, number in zip(year_rows, reserve_case_numbers(year, len(year_rows)), strict=True):
                    row["case_number"] = number
            pages = []
            for i, row in enumerate(rows):
                slug = row["case_number"].lower()
                pages.append(
                    Page(
                        title=row["title"],
                        draft_title=row["title"],
                        slug=slug,
                        path=Page._get_path(parent.path, parent.depth + 1, next_step + made + i),
                        depth=parent.depth + 1,
                        numchild=0,
                        url_path=f"{parent.url_path}{slug}/",
                        content_type=content_type,
                        locale_id=parent.locale_id,
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                        translation_key=uuid.uuid4(),
                    )
                )
            Page.objects.bulk_create(pages)
            cases = []
            for page, row in zip(pages, rows, strict=True):
                case = CasePage(
                    page_ptr_id=page.pk,
                    case_number=row["case_number"],
                    subtitle=row["subtitle"],
                    field=row["field"],
                    level=row["level"],
                    region_id=regions.get(row["region"]),
                    dispute_type_id=disputes.get(row["dispute_type"]),
                    date_released=row["date_released"],
                    release_order=0,
                    key_points=f"<p>{row['key_points']}</p>",
                    facts=f"<p>{row['body']}</p>",
                    handling="",
                    result="",
                    significance="",
                    laws=[],
                    search_text="\n".join([row["key_points"], row["body"]]),
                    **{name: True for name in DEIDENTIFICATION_CHECKLIST},
                )
                case.title = row["title"]
                case.search_bigrams = case.compute_search_bigrams(keywords=row["keywords"])
                cases.append(case)
            # Multi-table inheritance: the Page rows exist; insert only CasePage's own columns.
            CasePage.objects.all()._batched_insert(cases, local_fields, batch_size=batch_size)
            names = {name for row in rows for name in row["keywords"]}
            existing = {t.name: t.pk for t in Tag.objects.filter(name__in=names)}
            for name in names - set(existing):
                tag = Tag.objects.create(name=name)
                existing[name] = tag.pk
            CaseKeyword.objects.bulk_create(
                [
                    CaseKeyword(content_object_id=page.pk, tag_id=existing[name])
                    for page, row in zip(pages, rows, strict=True)
                    for name in row["keywords"]
                ]
            )
            made += size
            if progress:
                progress(size)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + made)
    return made


def synthetic_documents(count, seed=2026, language="zh-hans"):
    """Index documents for synthetic cases without database rows (Elasticsearch load tests)."""
    for row in synthetic_cases(count, seed=seed):
        yield {
            "page_id": row["n"] + 1,
            "locale": language,
            "title": row["title"],
            "subtitle": row["subtitle"],
            "case_number": f"FQAL-{row['date_released'].year}-{row['n'] + 1:06d}",
            "keywords": row["keywords"],
            "field": row["field"],
            "level": row["level"],
            "region": row["region"],
            "dispute_type": row["dispute_type"],
            "year": row["date_released"].year,
            "date_released": row["date_released"].isoformat(),
            "key_points": row["key_points"],
            "body": row["body"],
            "url": f"/cases/synthetic-{row['n'] + 1}/",
            "summary": row["key_points"],
        }
