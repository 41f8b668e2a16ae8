"""Training classes run by staff: roster import all-or-nothing, progress, exports, reminders, reports."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from college.accounts.models import User
from courses import services
from courses.models import CreditEntry, Enrolment, LessonKind, RosterImport, TrainingClassMember
from courses.roster import RosterFileError, import_roster
from tests.accounts.factories import UserFactory

from .factories import CoursePageFactory, TrainingClassFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def training_class(home_page):
    one = CoursePageFactory(home=home_page, slug="one", lessons=[(LessonKind.READING, 10)])
    two = CoursePageFactory(home=home_page, slug="two", lessons=[(LessonKind.READING, 10)])
    return TrainingClassFactory(courses=[one, two])


def csv_file(text, name="roster.csv", encoding="utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def xlsx_file(rows, name="roster.xlsx"):
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_good_roster_matches_accounts_creates_the_rest_and_enrols_everyone(training_class, staff):
    existing = UserFactory(email="old@example.org", mobile="13800138000")
    by_phone = UserFactory(email="phone@example.org", mobile="13900139000")
    roster = (
        "姓名,邮箱,手机,单位,职务\n"
        "王五,OLD@example.org,,诸暨市司法局,科员\n"
        "赵六,,139-0013-9000,枫桥派出所,民警\n"
        "钱七,new@example.org,13700137000,枫桥镇人民政府,干事\n"
    )
    result = import_roster(training_class, csv_file(roster), uploaded_by=staff)
    assert result.ok, [row.errors for row in result.rows]
    new = User.objects.get(email="new@example.org")
    assert new.real_name == "钱七" and new.mobile == "13700137000" and not new.has_usable_password()
    members = set(
        TrainingClassMember.objects.filter(training_class=training_class).values_list("user__email", flat=True)
    )
    assert members == {"old@example.org", "phone@example.org", "new@example.org"}
    assert Enrolment.objects.filter(user__in=[existing, by_phone, new], source="class").count() == 6
    assert RosterImport.objects.get().created_accounts == 1


def test_one_bad_row_imports_nothing_and_reports_every_bad_row(training_class, staff):
    UserFactory(email="a@example.org", mobile="13800138000")
    UserFactory(email="b@example.org", mobile="13900139000")
    roster = (
        "name,email,mobile\n"
        "好人,good@example.org,\n"
        ",nobody@example.org,\n"
        "坏邮箱,not-an-email,\n"
        "无联系,,\n"
        "重复,good@example.org,\n"
        "坏手机,x@example.org,12345\n"
        "冲突,a@example.org,13900139000\n"
        "仅手机,,13600136000\n"
    )
    result = import_roster(training_class, csv_file(roster), uploaded_by=staff)
    assert not result.ok
    bad = {row.number: row.errors for row in result.bad_rows}
    assert sorted(bad) == [3, 4, 5, 6, 7, 8, 9]
    assert not User.objects.filter(email="good@example.org").exists()
    assert not TrainingClassMember.objects.exists() and not Enrolment.objects.exists()
    record = RosterImport.objects.get()
    assert not record.succeeded and len([r for r in record.report if r["errors"]]) == 7


def test_xlsx_and_gb18030_csv_rosters_are_read(training_class, staff):
    result = import_roster(
        training_class, xlsx_file([["姓名", "邮箱", "手机"], ["孙八", "sun@example.org", 13500135000]])
    )
    assert result.ok and User.objects.get(email="sun@example.org").mobile == "13500135000"
    result = import_roster(training_class, csv_file("姓名,邮箱\n周九,zhou@example.org\n", encoding="gb18030"))
    assert result.ok and User.objects.get(email="zhou@example.org").real_name == "周九"


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("roster.txt", b"name,email\na,b@example.org\n"),
        SimpleUploadedFile("roster.xlsx", b"this is not a zip file"),
        SimpleUploadedFile("roster.csv", b""),
        SimpleUploadedFile("roster.csv", b"foo,bar\n1,2\n"),
        SimpleUploadedFile("roster.csv", b"name,email\n"),
        SimpleUploadedFile("roster.csv", b"\xff\xfe\x00\x00garbage\x00"),
    ],
)
def test_unusable_files_are_refused(training_class, upload):
    with pytest.raises(RosterFileError):
        import_roster(training_class, upload)
    assert not User.objects.filter(email__endswith="example.org").exists()


def test_too_large_roster_is_refused(training_class, settings):
    settings.COLLEGE_ROSTER_MAX_BYTES = 100
    with pytest.raises(RosterFileError):
        import_roster(training_class, csv_file("name,email\n" + "甲,a@example.org\n" * 20))


def test_staff_upload_roster_page_reports_errors_in_the_staff_language(client, training_class, staff):
    client.force_login(staff)
    url = reverse("courses_admin:class_roster", args=[training_class.pk])
    response = client.post(url, {"roster": csv_file("name,email\n好人,good@example.org\n坏,bad\n")})
    assert response.status_code == 400
    assert "“bad”不是有效的邮箱地址。" in response.content.decode()
    # The admin speaks the staff member's chosen admin language.
    from wagtail.users.models import UserProfile

    UserProfile.get_for_user(staff).__class__.objects.filter(user=staff).update(preferred_language="en")
    response = client.post(url, {"roster": csv_file("name,email\n好人,good@example.org\n坏,bad\n")})
    assert response.status_code == 400
    assert "“bad” is not a valid email address." in response.content.decode()
    assert not TrainingClassMember.objects.exists()
    response = client.post(url, {"roster": SimpleUploadedFile("r.pdf", b"%PDF")})
    assert response.status_code == 400
    response = client.post(url, {})
    assert response.status_code == 400
    response = client.post(url, {"roster": csv_file("name,email\n好人,good@example.org\n")})
    assert response.status_code == 302
    assert TrainingClassMember.objects.filter(user__email="good@example.org").exists()


def test_class_progress_page_export_and_reminders(
    client, training_class, staff, learner, clock, django_capture_on_commit_callbacks
):
    services.add_members(training_class, [learner])
    lazy = UserFactory(email="lazy@example.org")
    services.add_members(training_class, [lazy])
    first_course = training_class.courses.first()
    lesson = services.course_lessons(first_course)[0]
    viewing = services.start_viewing(learner, lesson, now=clock())
    services.heartbeat(learner, viewing.token, 1, "playing", now=clock())
    clock.advance(10)
    services.heartbeat(learner, viewing.token, 2, "playing", now=clock())
    services.confirm_read(learner, lesson, now=clock())
    client.force_login(staff)
    page = client.get(reverse("courses_admin:class_detail", args=[training_class.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert learner.real_name in html and "lazy@example.org" in html
    csv_export = client.get(reverse("courses_admin:class_export", args=[training_class.pk, "csv"])).content.decode(
        "utf-8-sig"
    )
    line = next(row for row in csv_export.splitlines() if learner.email in row)
    assert "100%" in line and "50%" in line
    xlsx = client.get(reverse("courses_admin:class_export", args=[training_class.pk, "xlsx"]))
    assert xlsx.content[:2] == b"PK"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("courses_admin:class_remind", args=[training_class.pk]))
    assert response.status_code == 302
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert "lazy@example.org" in recipients
    assert all("枫桥经验专题培训班" in message.subject for message in mail.outbox)
    # Running it again the same day sends nothing twice.
    count = len(mail.outbox)
    from courses.tasks import send_class_reminders

    send_class_reminders(training_class.pk)
    assert len(mail.outbox) == count


def test_learners_cannot_open_the_class_office(client, training_class, learner):
    client.force_login(learner)
    response = client.get(reverse("courses_admin:class_detail", args=[training_class.pk]))
    assert response.status_code in (302, 403)


def test_offline_credit_needs_a_reason_and_reports_export(client, staff, learner):
    client.force_login(staff)
    url = reverse("courses_admin:offline_credit")
    base = {
        "learner": learner.email,
        "title": "现场教学",
        "hours": "2",
        "credit_type": "elective",
        "earned_on": "2026-11-02",
    }
    response = client.post(url, {**base, "reason": ""})
    assert response.status_code == 400 and not CreditEntry.objects.exists()
    for bad in (
        {"hours": "abc"},
        {"hours": "-1"},
        {"learner": "nobody@example.org"},
        {"earned_on": "2099-01-01"},
        {"credit_type": "x"},
    ):
        response = client.post(url, {**base, "reason": "参加现场教学", **bad})
        assert response.status_code == 400, bad
    assert not CreditEntry.objects.exists()
    response = client.post(url, {**base, "reason": "参加现场教学"})
    assert response.status_code == 302
    entry = CreditEntry.objects.get()
    assert (entry.source, entry.hours, entry.created_by, entry.reason) == (
        "offline",
        Decimal("2.00"),
        staff,
        "参加现场教学",
    )
    services.add_credit(learner, 3, "course", "required", "课程", datetime.date(2026, 5, 1), reference="course:1")
    report = client.get(reverse("courses_admin:credit_reports"), {"year": "2026"})
    assert report.status_code == 200 and learner.work_unit in report.content.decode()
    csv_text = client.get(reverse("courses_admin:credit_export", args=["2026", "learners", "csv"])).content.decode(
        "utf-8-sig"
    )
    assert learner.email in csv_text and "5.00" in csv_text
    units = client.get(reverse("courses_admin:credit_export", args=["2026", "units", "xlsx"]))
    assert units.content[:2] == b"PK"
    assert client.get(reverse("courses_admin:credit_reports"), {"year": "abc"}).status_code == 200


def test_record_listings_open_for_staff_and_are_read_only(client, staff, learner, training_class):
    services.add_members(training_class, [learner])
    client.force_login(staff)
    for name in ("enrolment", "lessonprogress", "quizattempt", "coursecompletion", "creditentry"):
        response = client.get(reverse(f"{name}:index"))
        assert response.status_code == 200, name
    assert learner.real_name in client.get(reverse("enrolment:index")).content.decode()
    assert client.get(reverse("enrolment:add")).status_code in (302, 403)
    export = client.get(reverse("enrolment:index"), {"export": "csv"})
    assert export.status_code == 200 and learner.email in b"".join(export.streaming_content).decode("utf-8-sig")


def test_course_library_snippets_and_office_pages_open_for_training_staff(client, staff, training_class):
    from wagtail.admin.admin_url_finder import AdminURLFinder

    from courses.models import Instructor, Question, QuestionBank, Quiz

    client.force_login(staff)
    bank = QuestionBank.objects.create(name="题库甲")
    quiz = Quiz.objects.create(title="测验", bank=bank)
    question = Question.objects.create(bank=bank, text="问题", explanation="解析")
    instructor = Instructor.objects.create(name="陈老师")
    finder = AdminURLFinder(staff)
    for obj in (bank, quiz, question, instructor, training_class):
        url = finder.get_edit_url(obj)
        assert url, obj
        assert client.get(url).status_code == 200, url
    assert client.get(reverse("courses_admin:classes")).status_code == 200
    admin_home = client.get("/admin/").content.decode()
    assert reverse("courses_admin:classes") in admin_home and reverse("courses_admin:credit_reports") in admin_home


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("roster.xlsx", b"PK\x03\x04" + b"\x00" * 200), "无法打开该 XLSX 文件。"),
        (SimpleUploadedFile("roster.xlsx", b"name,email\nx,y@example.org\n"), "该文件不是 Excel 工作簿（.xlsx）。"),
    ],
)
def test_a_broken_xlsx_roster_gets_a_clear_form_error(client, training_class, staff, upload, message):
    client.force_login(staff)
    response = client.post(reverse("courses_admin:class_roster", args=[training_class.pk]), {"roster": upload})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not TrainingClassMember.objects.exists() and not RosterImport.objects.exists()
