"""Public pages: wrk throughput against a static file side by side, response headers, SQL queries."""

import gzip
import json
import re

from . import wrk
from .client import HttpClient
from .stack import log

QUERY = "调解"


def public_pages():
    """(label, language, path) of every public page the issue names, in zh-hans and English.

    Found in the seeded database rather than written down, so that renamed slugs do not break the run.
    """
    from urllib.parse import quote

    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Locale

    from cases.models import CaseLibraryPage, CasePage
    from college.core.models import HomePage
    from courses.models import CourseIndexPage, CoursePage
    from exhibits.models import EraPage, ExhibitionPage, ExhibitPage

    pages = []
    for language in ("zh-hans", "en"):
        locale = Locale.objects.get(language_code=language)

        def first(model, parent=None, locale=locale):
            query = model.objects.live().filter(locale=locale)
            if parent is not None:
                query = query.descendant_of(parent)
            return query.order_by("path").first()

        home = first(HomePage)
        exhibition = first(ExhibitionPage)
        era = first(EraPage, exhibition)
        exhibit = first(ExhibitPage, era)
        catalogue = first(CourseIndexPage)
        course = first(CoursePage, catalogue)
        library = first(CaseLibraryPage)
        case = first(CasePage, library)
        with translation.override(language):
            visits = reverse("visits:request")
        rows = [
            ("home", home),
            ("exhibition", exhibition),
            ("era", era),
            ("exhibit", exhibit),
            ("course catalogue", catalogue),
            ("course", course),
            ("case library", library),
            ("case", case),
        ]
        for label, page in rows:
            if page is None:
                raise RuntimeError(f"the demo content has no {label} page in {language}")
            pages.append((label, language, page.get_url()))
        pages.append((f"case search ?q={QUERY}", language, f"{library.get_url()}?q={quote(QUERY)}"))
        pages.append(("visit booking", language, visits))
        pages.append(("/api/v2/pages/", language, "/api/v2/pages/" + ("?locale=en" if language == "en" else "")))
    return pages


def signed_in_pages():
    """(label, path) of the demo learner's course, lesson and My learning pages (zh-hans)."""
    from django.urls import reverse

    from courses.models import CoursePage, LessonPage, LessonProgress

    learner = learner_user()
    progress = (
        LessonProgress.objects.filter(user=learner, lesson__live=True)
        .exclude(status="completed")
        .order_by("pk")
        .first()
    )
    lesson = progress.lesson if progress else LessonPage.objects.live().order_by("path").first()
    course = CoursePage.objects.get(pk=lesson.get_parent().pk)
    return [
        ("course (learner)", course.get_url()),
        ("lesson (learner)", lesson.get_url()),
        ("my learning (learner)", reverse("courses:my_learning")),
    ]


def learner_user():
    from django.contrib.auth import get_user_model

    from courses.demo import LEARNER_EMAIL

    return get_user_model().objects.get(email=LEARNER_EMAIL)


def static_path():
    """A collected, hashed CSS file of the site (the largest of the project's own stylesheets)."""
    from django.conf import settings
    from django.contrib.staticfiles.storage import staticfiles_storage

    manifest = json.loads((settings.STATIC_ROOT / "staticfiles.json").read_text())["paths"]
    names = [name for name in manifest if name.endswith(".css") and not name.startswith(("wagtail", "admin", "rest_"))]
    preferred = [n for n in names if n == "css/site.css"] or names
    return staticfiles_storage.url(preferred[0])


def inspect(port, path, language):
    """What a browser gets: status, sizes, compression, caching headers, and a conditional repeat."""
    accept_language = "en" if language == "en" else "zh-CN,zh;q=0.9"
    client = HttpClient(port, headers={"Accept-Language": accept_language})
    plain = client.get(path)
    response = client.get(path, headers={"Accept-Encoding": "gzip, deflate, br"})
    headers = response.headers
    conditional = {}
    if headers.get("etag"):
        conditional["If-None-Match"] = headers["etag"]
    if headers.get("last-modified"):
        conditional["If-Modified-Since"] = headers["last-modified"]
    repeat_status = client.get(path, headers={"Accept-Encoding": "gzip", **conditional}).status if conditional else None
    client.close()
    encoding = headers.get("content-encoding", "")
    body_size = len(plain.body)
    if encoding == "gzip":
        body_size = len(gzip.decompress(response.body))
    return {
        "status": response.status,
        "content_type": headers.get("content-type", ""),
        "bytes_sent": len(response.body),
        "bytes_uncompressed": body_size,
        "content_encoding": encoding or None,
        "cache_control": headers.get("cache-control"),
        "etag": headers.get("etag"),
        "last_modified": headers.get("last-modified"),
        "vary": headers.get("vary"),
        "conditional_repeat_status": repeat_status,
        "sets_cookie": "set-cookie" in headers,
    }


def wrk_with_cpu(stack, path, duration, connections, threads, language=None):
    """wrk on ``path`` plus the server's CPU milliseconds per request during the run (a figure that
    other work on the machine does not change much, unlike req/s)."""
    before = stack.server_cpu_seconds()
    result = wrk.run(stack.base_url + path, duration, connections, threads, language=language)
    spent = stack.server_cpu_seconds() - before
    result["server_cpu_ms_per_request"] = round(1000 * spent / result["requests"], 2) if result["requests"] else None
    return result


def run_wrk(stack, duration, connections, threads):
    """Static, page 1, static, page 2, …, static: each page's ratio uses the static runs on both sides."""
    static = static_path()
    pages = public_pages()
    log(f"wrk: {len(pages)} pages, static file {static}, {duration} s each, {connections} connections")
    static_info = inspect(stack.port, static, "zh-hans")
    static_runs = [wrk_with_cpu(stack, static, duration, connections, threads)]
    log(f"  static {static_runs[0]['rps']:.0f} req/s")
    rows = []
    for label, language, path in pages:
        info = inspect(stack.port, path, language)
        lang_header = "en" if language == "en" else "zh-CN,zh;q=0.9"
        result = wrk_with_cpu(stack, path, duration, connections, threads, language=lang_header)
        static_runs.append(wrk_with_cpu(stack, static, duration, connections, threads))
        around = (static_runs[-2]["rps"] + static_runs[-1]["rps"]) / 2
        ratio = result["rps"] / around if around else None
        static_cpu = [r["server_cpu_ms_per_request"] for r in static_runs[-2:] if r["server_cpu_ms_per_request"]]
        page_cpu = result["server_cpu_ms_per_request"]
        cpu_ratio = (sum(static_cpu) / len(static_cpu)) / page_cpu if static_cpu and page_cpu else None
        rows.append(
            {
                "page": label,
                "language": language,
                "path": path,
                "wrk": result,
                "static_rps_around": round(around, 1),
                "ratio": round(ratio, 4) if ratio is not None else None,
                "cpu_ratio": round(cpu_ratio, 4) if cpu_ratio is not None else None,
                "headers": info,
            }
        )
        log(
            f"  {label} [{language}] {info['status']}: {result['rps']:.1f} req/s, p95 {result['p95_ms']:.0f} ms, "
            f"ratio {ratio:.4f} (static {static_runs[-1]['rps']:.0f} req/s)"
        )
    return {"static": {"path": static, "runs": static_runs, "headers": static_info}, "pages": rows}


def count_queries():
    """SQL statements of one uncached request per page, in this process on the same database.

    Anonymous pages: one request to warm the process, then the stack's cache entries are removed
    (so a full-page or fragment cache cannot answer) and the next request is counted. Signed-in pages
    (never served from a page cache): the second request is counted. The first request of each page
    is reported too ("cold").
    """
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    def measure(client, path, flush):
        with CaptureQueriesContext(connection) as cold:
            first = client.get(path)
        if flush:
            clear_cache()
        with CaptureQueriesContext(connection) as warm:
            second = client.get(path)
        return {
            "status": second.status_code,
            "first_status": first.status_code,
            "queries_cold": len(cold.captured_queries),
            "queries": len(warm.captured_queries),
            "repeated": most_repeated(warm.captured_queries),
        }

    rows = []
    anonymous = Client(HTTP_HOST="127.0.0.1")
    for label, language, path in public_pages():
        rows.append(
            {"page": label, "language": language, "path": path, "signed_in": False, **measure(anonymous, path, True)}
        )
    learner = Client(HTTP_HOST="127.0.0.1")
    learner.force_login(learner_user())
    for label, path in signed_in_pages():
        rows.append(
            {"page": label, "language": "zh-hans", "path": path, "signed_in": True, **measure(learner, path, False)}
        )
    return rows


def most_repeated(captured):
    """The statement (numbers and quoted values blanked) that ran most often, and how often."""
    counts = {}
    for query in captured:
        shape = re.sub(r"'[^']*'|\b\d+\b", "?", query["sql"])
        counts[shape] = counts.get(shape, 0) + 1
    if not counts:
        return None
    shape, times = max(counts.items(), key=lambda item: item[1])
    return {"times": times, "sql": shape[:160]} if times > 1 else None


def clear_cache():
    """Delete this stack's keys from the cache (its Redis database is shared with the Celery broker,
    so no FLUSHDB)."""
    from django.conf import settings
    from django.core.cache import cache

    prefix = settings.CACHES["default"].get("KEY_PREFIX", "")
    if "redis" not in settings.CACHES["default"]["BACKEND"].lower() or not prefix:
        cache.clear()
        return
    client = cache._cache.get_client(write=True)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)
