"""Benchmark of the report by unit for a city of 20,000 cadres on PostgreSQL.

    DJANGO_SETTINGS_MODULE=college.settings.test .venv/bin/python bench/organisations_report.py

Creates a throw-away database (``bench_<name of DATABASE_URL's database>``) holding a city with
BENCH_COUNTIES (10) counties of BENCH_TOWNS (8) towns of BENCH_UNITS (4) units each, and
BENCH_CADRES (20000) cadres spread over those units with BENCH_ENTRIES (3) ledger entries each.
Then times, BENCH_RUNS (10) times each: the report of the city as college staff and as the
city's unit administrator (``reports.unit_report``), the whole admin page (table, charts) through
Django's test client, the XLSX export, the first page of the cadre list, and the first page of
the HR API.  Prints median and p95 milliseconds and the SQL queries of each; not a pass/fail test.
"""

import datetime
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "college.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

COUNTIES = int(os.environ.get("BENCH_COUNTIES", "10"))
TOWNS = int(os.environ.get("BENCH_TOWNS", "8"))
UNITS = int(os.environ.get("BENCH_UNITS", "4"))
CADRES = int(os.environ.get("BENCH_CADRES", "20000"))
ENTRIES = int(os.environ.get("BENCH_ENTRIES", "3"))
RUNS = int(os.environ.get("BENCH_RUNS", "10"))
EXPLAIN = os.environ.get("BENCH_EXPLAIN") == "1"  # print PostgreSQL's plan of each report query
YEAR = 2026


def build():
    """The city, its cadres and their ledger; returns (city, staff user, city administrator)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from college.accounts.roles import ensure_roles
    from college.organisations import services
    from college.organisations.models import Unit
    from courses.models import CreditEntry, CreditType

    ensure_roles()
    User = get_user_model()
    province = services.create_unit(None, code="330000", name="浙江省")
    city = services.create_unit(province, code="330600", name="绍兴市")
    leaves = []
    for c in range(COUNTIES):
        county = services.create_unit(Unit.objects.get(pk=city.pk), code=f"C{c:02d}", name=f"县{c}")
        for t in range(TOWNS):
            town = services.create_unit(Unit.objects.get(pk=county.pk), code=f"C{c:02d}T{t:02d}", name=f"镇{c}-{t}")
            for u in range(UNITS):
                leaves.append(
                    services.create_unit(
                        Unit.objects.get(pk=town.pk), code=f"C{c:02d}T{t:02d}U{u}", name=f"单位{c}-{t}-{u}"
                    )
                )
    password = make_password(None)
    rng = random.Random(20000)
    users = [
        User(
            username=f"bench{n}",
            email=f"bench{n}@example.org",
            real_name=f"干部{n}",
            password=password,
            unit=leaves[n % len(leaves)],
            work_unit=leaves[n % len(leaves)].name,
        )
        for n in range(CADRES)
    ]
    User.objects.bulk_create(users, batch_size=2000)
    ids = list(User.objects.filter(username__startswith="bench").values_list("pk", flat=True))
    entries = []
    for user_id in ids:
        for index in range(ENTRIES):
            entries.append(
                CreditEntry(
                    user_id=user_id,
                    year=YEAR,
                    hours=Decimal(rng.choice(["2.00", "4.50", "8.00", "12.00", "20.00"])),
                    source=CreditEntry.Source.OFFLINE,
                    credit_type=CreditType.REQUIRED if index % 2 == 0 else CreditType.ELECTIVE,
                    title="基准测试",
                    reference=f"bench:{user_id}:{index}",
                    earned_on=datetime.date(YEAR, 1 + rng.randrange(12), 1 + rng.randrange(28)),
                )
            )
    CreditEntry.objects.bulk_create(entries, batch_size=5000)
    staff = User.objects.create_superuser(
        username="bench-staff", email="bench-staff@example.org", password="x-bench-1963"
    )
    admin = User.objects.create_user(username="bench-admin", email="bench-admin@example.org", password="x-bench-1963")
    services.grant_unit_administrator(staff, admin, Unit.objects.get(pk=city.pk))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return Unit.objects.get(pk=city.pk), staff, admin


def measure(label, action):
    timings, queries = [], 0
    action()  # warm caches (templates, permissions) once
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            action()
            timings.append((time.perf_counter() - start) * 1000)
        queries = len(captured)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    print(f"{label:<44} median {statistics.median(timings):8.1f} ms   p95 {p95:8.1f} ms   {queries:3d} queries")


def explain(action):
    with CaptureQueriesContext(connection) as captured:
        action()
    for query in captured.captured_queries:
        if query["sql"].startswith(("SELECT", "WITH")) and float(query["time"]) > 0.05:
            print(f"--- {query['time']} s: {query['sql'][:300]}")
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN ANALYZE " + query["sql"])
                print("\n".join(row[0] for row in cursor.fetchall()))


def main():
    if connection.vendor != "postgresql":
        sys.exit("This benchmark measures PostgreSQL: set DATABASE_URL=postgres://…")
    db_settings = settings.DATABASES["default"]
    db_settings.setdefault("TEST", {})["NAME"] = f"bench_{db_settings['NAME']}"
    test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        from django.contrib.auth import get_user_model
        from django.test import Client

        from college.organisations import reports, services

        started = time.perf_counter()
        city, staff, admin = build()
        units = COUNTIES * (1 + TOWNS * (1 + UNITS))
        print(
            f"built {units + 2} units, {CADRES} cadres, {CADRES * ENTRIES} ledger entries "
            f"in {time.perf_counter() - started:.1f} s; {RUNS} runs each"
        )
        User = get_user_model()
        staff_client, admin_client = Client(), Client()
        staff_client.force_login(staff)
        admin_client.force_login(admin)
        _token, raw = services.issue_api_token(city, staff)

        def report_as(user):
            viewer = User.objects.get(pk=user.pk)  # permissions are looked up afresh, as per request
            report = reports.unit_report(viewer, YEAR, city)
            assert report.totals.cadres == CADRES, report.totals.cadres

        def page(client, url):
            response = client.get(url)
            assert response.status_code == 200, response.status_code

        if EXPLAIN:
            explain(lambda: report_as(admin))
            explain(lambda: page(admin_client, f"/admin/organisations/cadres/?year={YEAR}"))
        measure("unit_report(city) as college staff", lambda: report_as(staff))
        measure("unit_report(city) as the city's administrator", lambda: report_as(admin))
        measure(
            "report page (table + charts) as staff",
            lambda: page(staff_client, f"/admin/organisations/report/?unit=330600&year={YEAR}"),
        )
        measure(
            "report page as the city's administrator",
            lambda: page(admin_client, f"/admin/organisations/report/?unit=330600&year={YEAR}"),
        )
        measure(
            "report XLSX export",
            lambda: page(staff_client, f"/admin/organisations/report/export.xlsx?unit=330600&year={YEAR}"),
        )
        measure("cadre list, first page of 50", lambda: page(admin_client, f"/admin/organisations/cadres/?year={YEAR}"))
        measure(
            "HR API, first page of 500",
            lambda: page(
                staff_client.__class__(headers={"Authorization": f"Bearer {raw}"}),
                f"/api/organisations/units/330600/hours/?year={YEAR}",
            ),
        )
    finally:
        connection.creation.destroy_test_db(test_db, verbosity=0)


if __name__ == "__main__":
    main()
