"""Importing a unit list: every row valid or nothing stored, with a report naming each bad row."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from college.organisations import importing
from college.organisations.models import Unit, UnitType

pytestmark = pytest.mark.django_db

HEADER = "编码,名称,英文名称,类型,上级编码\n"


def csv_file(text, name="units.csv", encoding="utf-8-sig"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def xlsx_file(rows, name="units.xlsx"):
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_a_valid_file_builds_the_tree_parents_in_any_order(db):
    result = importing.import_units(
        csv_file(
            HEADER
            + "330681-FQ,枫桥镇,Fengqiao Town,政府,330681\n"
            + "330000,浙江省,Zhejiang Province,government,\n"
            + "330681,诸暨市,Zhuji,government,330600\n"
            + "330600,绍兴市,Shaoxing,Party committee or government,330000\n"
            + "330681-FQ-SFS,枫桥镇司法所,Fengqiao Judicial Office,司法所,330681-fq\n"
            + ",,,,\n"  # blank lines are skipped
        )
    )
    assert result.ok and result.count("created") == 5
    station = Unit.objects.get(code="330681-FQ-SFS")
    assert [u.name for u in station.get_ancestors()] == ["浙江省", "绍兴市", "诸暨市", "枫桥镇"]
    assert station.unit_type == UnitType.JUSTICE and station.name_en == "Fengqiao Judicial Office"
    assert Unit.find_problems() == ([], [], [], [], [])


def test_an_xlsx_with_english_headers_updates_and_moves_existing_units(tree):
    result = importing.import_units(
        xlsx_file(
            [
                ["Code", "Name", "English name", "Type", "Parent code"],
                ["FQ", "枫桥镇", "Fengqiao", "government", "KQ"],  # moved under 柯桥区, renamed in English
                ["FQ-SFS", "枫桥镇司法所", "Fengqiao Judicial Office", "justice", "FQ"],  # unchanged
                ["NEW", "新单位", "", "", "FQ"],
            ]
        )
    )
    assert result.ok
    assert [row.action for row in result.rows] == ["updated", "unchanged", "created"]
    fq = Unit.objects.get(code="FQ")
    assert fq.get_parent().code == "KQ" and fq.name_en == "Fengqiao" and fq.unit_type == UnitType.GOVERNMENT
    assert Unit.objects.get(code="FQ-PCS").path.startswith(fq.path)
    assert Unit.objects.get(code="NEW").unit_type == UnitType.OTHER


def test_any_bad_row_stores_nothing_and_each_bad_row_is_named_with_its_reason(tree):
    before = list(Unit.objects.order_by("path").values_list("code", "name", "path"))
    result = importing.import_units(
        csv_file(
            HEADER
            + "GOOD,好单位,,court,FQ\n"  # line 2: fine on its own
            + ",无编码,,,FQ\n"  # 3: no code
            + "BAD CODE!,坏编码,,,FQ\n"  # 4: characters
            + "NONAME,,,,FQ\n"  # 5: no name
            + "TYPE,类型错,,银行,FQ\n"  # 6: unknown type
            + "ORPHAN,孤儿,,,NOWHERE\n"  # 7: unknown parent
            + "SELF,自己,,,SELF\n"  # 8: its own parent
            + "GOOD,重复,,,FQ\n"  # 9: duplicate of line 2
            + "LOOP1,环一,,,LOOP2\n"  # 10, 11: a circle
            + "LOOP2,环二,,,LOOP1\n"
            + "FQ,枫桥镇,,,FQ-PCS\n"  # 12: under its own sub-unit
            + f"LONG,{'长' * 101},,,FQ\n"  # 13: name too long
        )
    )
    assert not result.ok
    problems = {row.line: " ".join(row.problems) for row in result.bad_rows}
    assert sorted(problems) == [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]
    assert "编码" in problems[3] or "code" in problems[3].lower()
    assert "银行" in problems[6]
    assert "NOWHERE" in problems[7]
    assert "第 2 行" in problems[9] or "line 2" in problems[9]
    assert "LOOP" in problems[10] and "FQ" in problems[12]
    assert list(Unit.objects.order_by("path").values_list("code", "name", "path")) == before


def test_the_report_is_in_the_users_language(db):
    from django.utils import translation

    with translation.override("zh-hans"):
        zh = importing.import_units(csv_file(HEADER + "A,,,,\n"))
    with translation.override("en"):
        en = importing.import_units(csv_file(HEADER + "A,,,,\n"))
    assert zh.bad_rows[0].problems == ["缺少单位名称。"]
    assert en.bad_rows[0].problems == ["The unit's name is missing."]


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("units.csv", b""), "empty"),
        (SimpleUploadedFile("units.txt", "编码,名称\nA,甲\n".encode()), "CSV or XLSX"),
        (SimpleUploadedFile("units.xlsx", "编码,名称\nA,甲\n".encode()), "Excel workbook"),
        (SimpleUploadedFile("units.csv", "单位,人数\n甲,1\n".encode()), "first row"),
        (SimpleUploadedFile("units.csv", "编码,名称\n".encode()), "no units"),
    ],
)
def test_files_that_cannot_be_read_are_refused_as_a_whole(db, upload, message):
    from django.utils import translation

    with translation.override("en"), pytest.raises(importing.ImportFileError) as error:
        importing.import_units(upload)
    assert message in error.value.message
    assert not Unit.objects.exists()


def test_a_gb18030_csv_from_chinese_excel_is_read(db):
    result = importing.import_units(csv_file("编码,名称\nZJ,浙江省\n", encoding="gb18030"))
    assert result.ok and Unit.objects.get(code="ZJ").name == "浙江省"


def test_a_file_longer_than_the_limit_is_refused(db, settings):
    settings.COLLEGE_UNIT_IMPORT_MAX_ROWS = 3
    rows = "".join(f"U{n},单位{n},,,\n" for n in range(5))
    with pytest.raises(importing.ImportFileError):
        importing.import_units(csv_file(HEADER + rows))
    assert not Unit.objects.exists()
