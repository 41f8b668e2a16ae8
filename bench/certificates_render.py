"""Benchmark: certificate rendering in Celery workers against bare WeasyPrint.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/college_certificates \
    TEST_REDIS_URL=redis://127.0.0.1:6379/15 CACHE_KEY_PREFIX=certificates \
    DJANGO_SETTINGS_MODULE=college.settings.test .venv/bin/python bench/certificates_render.py [--count 1000]

Uses a throwaway database (test_<name>_bench, dropped at the end unless --keep) and real
worker processes over Redis on a queue of their own. Reports:

1. bare WeasyPrint: seconds per PDF for the HTML of one certificate, rendered in this process;
2. worker, 1 process: seconds per certificate (enqueue → issued, PDF stored, email queued),
   and its ratio to (1) — the overhead of the task around the render (goal ≤ 1.3);
3. throughput of --count certificates with 2 worker processes (goal ≥ 5 per second);
4. peak resident memory of a worker process (goal ≤ 400 MB).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "college.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="certificates for the 2-worker throughput run")
    parser.add_argument("--single", type=int, default=40, help="certificates for the 1-worker per-certificate run")
    parser.add_argument("--bare", type=int, default=30, help="bare WeasyPrint renders")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    return parser.parse_args()


def setup_database():
    name = settings.DATABASES["default"]["NAME"]
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = f"test_{name}_bench"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=True)
    return name


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def make_learners(course, count, prefix):
    """``count`` learners who completed ``course`` (bulk inserts: the setup is not measured)."""
    from college.accounts.models import User
    from courses.models import CourseCompletion
    from tests.certificates.factories import COMPLETED_AT

    users = User.objects.bulk_create(
        [
            User(
                username=f"{prefix}{n}",
                email=f"{prefix}{n}@bench.local",
                real_name=f"测试学员{n:04d}",
                work_unit="诸暨市枫桥镇人民政府",
            )
            for n in range(count)
        ]
    )
    CourseCompletion.objects.bulk_create(
        [
            CourseCompletion(
                user=user,
                course=course,
                completed_at=COMPLETED_AT,
                language="zh-hans",
                credit_hours=course.credit_hours,
                credit_type=course.credit_type,
            )
            for user in users
        ]
    )
    return users


def request_all(users, course):
    """Request every certificate in one transaction; the tasks are sent when it commits."""
    from college.certificates import services

    with transaction.atomic():
        certificates = [services.request_certificate(user, course=course) for user in users]
    return [certificate.pk for certificate in certificates]


def wait_issued(pks, timeout):
    from college.certificates.models import Certificate

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        left = Certificate.objects.filter(pk__in=pks).exclude(status__in=["issued", "failed"]).count()
        if left == 0:
            return time.perf_counter()
        time.sleep(0.2)
    raise SystemExit(f"timed out: {left} certificates still pending")


class MemorySampler(threading.Thread):
    """Samples the resident memory of the worker processes (parents and pool children)."""

    def __init__(self, parents):
        super().__init__(daemon=True)
        self.parents = parents
        self.peak_process = 0
        self.peak_total = 0
        self.running = True

    @staticmethod
    def rss_kib(pid):
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            return 0
        return 0

    @staticmethod
    def children(pid):
        path = Path(f"/proc/{pid}/task/{pid}/children")
        try:
            return [int(child) for child in path.read_text().split()]
        except OSError:
            return []

    def run(self):
        while self.running:
            total = 0
            for parent in self.parents:
                for pid in [parent, *self.children(parent)]:
                    rss = self.rss_kib(pid)
                    total += rss
                    self.peak_process = max(self.peak_process, rss)
            self.peak_total = max(self.peak_total, total)
            time.sleep(0.25)


def cpu_seconds(parent):
    """CPU time (user + system) of a worker: its own, its reaped children's and its live children's."""
    ticks = os.sysconf("SC_CLK_TCK")

    def fields(pid):
        try:
            return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None

    own = fields(parent)
    if own is None:
        return 0.0
    total = sum(int(value) for value in own[11:15])  # utime stime cutime cstime
    for child in MemorySampler.children(parent):
        values = fields(child)
        if values:
            total += int(values[11]) + int(values[12])
    return total / ticks


def start_worker(queue, concurrency, private_root):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.certificates.worker_settings",
        "DATABASE_URL": database_url(),
        "TEST_REDIS_URL": settings.CELERY_BROKER_URL,
        "PRIVATE_MEDIA_ROOT": str(private_root),
        "CERTIFICATES_TEST_RENDER_DELAY": "0",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "college",
            "worker",
            "--pool",
            "prefork",
            "--concurrency",
            str(concurrency),
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel",
            "WARNING",
            "-n",
            f"{queue}-{concurrency}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def main():
    args = parse_args()
    from college.celery import app as celery_app

    original_name = setup_database()
    private_root = Path(tempfile.mkdtemp(prefix="certificates-bench-"))
    from django.core.files.storage import FileSystemStorage

    from college.certificates import rendering
    from college.certificates.demo import ensure_seal
    from college.certificates.models import Certificate
    from college.core.demo import seed as seed_home
    from tests.certificates.factories import CertificateCourseFactory

    Certificate._meta.get_field("pdf").storage = FileSystemStorage(location=str(private_root))
    queue = f"bench-certificates-{uuid.uuid4().hex[:8]}"
    settings.COLLEGE_CERTIFICATES_QUEUE = queue
    celery_app.conf.task_always_eager = False
    workers = []
    try:
        home = seed_home()
        ensure_seal()
        slug = f"bench-{uuid.uuid4().hex[:6]}"
        course = CertificateCourseFactory(home=home, slug=slug, title="新时代“枫桥经验”的理论与实践", english_title="")
        run = uuid.uuid4().hex[:6]

        # 1. Bare WeasyPrint: the same HTML a worker renders, in this process, warmed up.
        sample_users = make_learners(course, 1, f"b{run}s")
        from college.certificates import services

        with transaction.atomic():
            sample = Certificate.objects.create(
                user=sample_users[0],
                serial=services.take_serial(2099),
                holder_name="测试学员",
                work_unit="诸暨市枫桥镇人民政府",
                **services.course_snapshot(sample_users[0], course),
            )
        import weasyprint

        html = rendering.render_html(sample)
        weasyprint.HTML(string=html).write_pdf()
        bare = []
        cpu_start = time.process_time()
        for _ in range(args.bare):
            start = time.perf_counter()
            weasyprint.HTML(string=html).write_pdf()  # WeasyPrint as it comes: no shared font configuration
            bare.append(time.perf_counter() - start)
        bare_cpu = (time.process_time() - cpu_start) / args.bare
        bare_mean = statistics.mean(bare)

        # 2. One worker process: seconds per certificate, after a warm-up certificate.
        single = start_worker(queue, 1, private_root)
        workers.append(single)
        warm = request_all(make_learners(course, 1, f"b{run}w"), course)
        wait_issued(warm, 180)
        users = make_learners(course, args.single, f"b{run}a")
        start = time.perf_counter()
        pks = request_all(users, course)
        end = wait_issued(pks, 600)
        worker_each = (end - start) / args.single
        stop(single)
        workers.remove(single)

        # 3 + 4. Two worker processes, --count certificates, memory sampled throughout.
        pair = start_worker(queue, 2, private_root)
        workers.append(pair)
        sampler = MemorySampler([pair.pid])
        sampler.start()
        warm = request_all(make_learners(course, 2, f"b{run}v"), course)
        wait_issued(warm, 180)
        users = make_learners(course, args.count, f"b{run}b")
        cpu_before = cpu_seconds(pair.pid)
        start = time.perf_counter()
        pks = request_all(users, course)
        enqueued = time.perf_counter()
        end = wait_issued(pks, 3600)
        cpu_each = (cpu_seconds(pair.pid) - cpu_before) / args.count
        sampler.running = False
        sampler.join()
        failed = Certificate.objects.filter(pk__in=pks, status="failed").count()
        elapsed = end - start

        load = os.getloadavg()
        print("certificates render benchmark")
        print(f"  machine: {os.cpu_count()} CPUs, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (shared)")
        print(
            f"  bare WeasyPrint, same HTML:  mean {bare_mean * 1000:.0f} ms  p50 {statistics.median(bare) * 1000:.0f} ms  "
            f"p95 {sorted(bare)[int(len(bare) * 0.95) - 1] * 1000:.0f} ms  ({args.bare} renders)"
        )
        print(
            f"  worker (1 process):          {worker_each * 1000:.0f} ms per certificate ({args.single} certificates, "
            "enqueue → issued)"
        )
        print(f"  ratio worker / bare:         {worker_each / bare_mean:.2f} wall clock   (goal ≤ 1.3)")
        print(
            f"  2 worker processes:          {args.count} certificates in {end - enqueued:.1f} s after the commit that "
            f"enqueued them = {args.count / (end - enqueued):.2f} per second   (goal ≥ 5/s)"
        )
        print(
            f"                               ({args.count / elapsed:.2f} per second counting the {enqueued - start:.1f} s "
            "spent requesting them in one transaction)"
        )
        print(
            f"  worker CPU per certificate:  {cpu_each * 1000:.0f} ms → {2 / cpu_each:.1f} per second on 2 idle cores "
            "(load-independent estimate)"
        )
        print(
            f"  CPU ratio:                   {cpu_each / bare_cpu:.2f} (worker CPU per certificate {cpu_each * 1000:.0f} ms / "
            f"bare render CPU {bare_cpu * 1000:.0f} ms; load-independent)"
        )
        print(f"  failed:                      {failed}")
        print(
            f"  peak worker memory:          {sampler.peak_process / 1024:.0f} MB per process, "
            f"{sampler.peak_total / 1024:.0f} MB for the worker (parent + 2 children)   (goal ≤ 400 MB)"
        )
    finally:
        for process in workers:
            stop(process)
        if not args.keep:
            connection.creation.destroy_test_db(original_name, verbosity=0, keepdb=False)
        import shutil

        shutil.rmtree(private_root, ignore_errors=True)


if __name__ == "__main__":
    main()
