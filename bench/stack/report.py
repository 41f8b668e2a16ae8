"""The goals of issue 11 next to the figures measured, as markdown and JSON."""

import json
import time
from pathlib import Path

# (key, what, target text, source). Targets are those of issue 11's table ("Speed at the college's
# real peaks"); docs/benchmarks.md explains each.
GOALS = {
    "ratio": "anonymous page req/s ÷ static file req/s ≥ 0.5, every public page",
    "queries_anonymous": "SQL queries per uncached anonymous page ≤ 10",
    "queries_signed_in": "SQL queries per signed-in page ≤ 15",
    "html": "HTML compressed, with ETag or Last-Modified, 304 on a conditional repeat",
    "case_search": "/cases/?q=调解 on PostgreSQL at 100k cases, no filters: p95 ≤ 150 ms",
    "bookings_rate": "booking API, 50 concurrent clients: ≥ 150 bookings/s",
    "bookings_p95": "booking API, 50 concurrent clients: p95 ≤ 400 ms",
    "bookings_5xx": "booking API: no 5xx, no connection error",
    "bookings_overbooked": "no slot holds more people than its capacity (correctness)",
    "heartbeats_p95": "heartbeats, 500 learners every 15 s: p95 ≤ 50 ms, every answer 200",
    "heartbeats_saturation": "heartbeats sustained ≥ 150/s (2,250 learners)",
    "burst": "60 concurrent requests on PostgreSQL: no 5xx, no connection error",
}


def verdict(ok):
    return "PASS" if ok else "MISS"


def evaluate(results):
    """[(goal key, figure text, PASS/MISS)] for every section that ran."""
    rows = []
    pages = results.get("pages")
    if pages:
        ratios = [
            (p["page"], p["language"], p["ratio"], p["headers"]["status"], p["wrk"]["status_errors"])
            for p in pages["pages"]
        ]
        worst = min(ratios, key=lambda r: r[2] or 0)
        failing = [r for r in ratios if (r[2] or 0) < 0.5 or r[3] != 200 or r[4]]
        rows.append(
            (
                "ratio",
                f"lowest {worst[2]:.4f} ({worst[0]}, {worst[1]}); {len(ratios) - len(failing)}/{len(ratios)} pages ≥ 0.5 with 200s only",
                verdict(not failing),
            )
        )
        html = [p for p in pages["pages"] if p["headers"]["content_type"].startswith("text/html")]
        good = [
            p
            for p in html
            if p["headers"]["content_encoding"] in ("gzip", "br", "deflate")
            and (p["headers"]["etag"] or p["headers"]["last_modified"])
            and p["headers"]["conditional_repeat_status"] == 304
        ]
        compressed = sum(1 for p in html if p["headers"]["content_encoding"])
        validated = sum(1 for p in html if p["headers"]["etag"] or p["headers"]["last_modified"])
        revalidated = sum(1 for p in html if p["headers"]["conditional_repeat_status"] == 304)
        rows.append(
            (
                "html",
                f"{len(html)} HTML pages: {compressed} compressed, {validated} with validators, {revalidated} answer 304",
                verdict(len(good) == len(html)),
            )
        )
    queries = results.get("queries")
    if queries:
        for signed_in, key, limit in ((False, "queries_anonymous", 10), (True, "queries_signed_in", 15)):
            subset = [q for q in queries if q["signed_in"] == signed_in]
            if not subset:
                continue
            worst = max(subset, key=lambda q: q["queries"])
            over = [q for q in subset if q["queries"] > limit or q["status"] != 200]
            rows.append(
                (
                    key,
                    f"highest {worst['queries']} ({worst['page']}, {worst['language']}); {len(subset) - len(over)}/{len(subset)} pages within",
                    verdict(not over),
                )
            )
    bookings = results.get("bookings")
    if bookings:
        rows.append(
            (
                "bookings_rate",
                f"{bookings['bookings_per_second']} bookings/s",
                verdict(bookings["bookings_per_second"] >= 150),
            )
        )
        rows.append(("bookings_p95", f"p95 {bookings['p95_ms']} ms", verdict(bookings["p95_ms"] <= 400)))
        bad = bookings["server_errors"] + bookings["connection_errors"]
        rows.append(
            (
                "bookings_5xx",
                f"{bookings['server_errors']} 5xx, {bookings['connection_errors']} connection errors",
                verdict(bad == 0),
            )
        )
        over = bookings["check"]["overbooked_slots"]
        rows.append(
            (
                "bookings_overbooked",
                f"overbooked slots: {len(over)}; scarce slot {bookings['check']['scarce_slot']['places_taken']}/{bookings['check']['scarce_slot']['capacity']} people",
                verdict(not over),
            )
        )
    heartbeats = results.get("heartbeats")
    if heartbeats:
        steady = heartbeats["steady"]
        others = sum(v for k, v in steady["statuses"].items() if k != "200")
        rows.append(
            (
                "heartbeats_p95",
                f"p95 {steady['p95_ms']} ms at {steady['achieved_per_second']}/s; {others} answers not 200",
                verdict(steady["p95_ms"] <= 50 and others == 0),
            )
        )
        sat = heartbeats["saturation"]
        if sat["steps"]:
            best = sat["max_sustained_per_second"]
            most = max(st["achieved_per_second"] for st in sat["steps"])
            held = (
                f"{best}/s"
                if best
                else f"none (the first step, {sat['steps'][0]['offered_per_second']}/s, did not hold)"
            )
            text = (
                f"max sustained {held} (p95 ≤ {sat['p95_limit_ms']:.0f} ms, no errors); most done in a step: {most}/s"
            )
            if sat["hit_ceiling"]:
                text += "; the highest step offered still held: the real ceiling is higher"
            rows.append(("heartbeats_saturation", text, verdict((best or 0) >= 150)))
    burst = results.get("burst")
    if burst:
        bad = burst["server_errors"] + burst["connection_errors"]
        rows.append(
            (
                "burst",
                f"{burst['server_errors']} 5xx, {burst['connection_errors']} connection errors of {burst['count']}; peak {burst['peak_db_connections']} DB connections",
                verdict(bad == 0),
            )
        )
    cases = results.get("cases")
    if cases:
        big = [s for s in cases["sizes"] if s["size"] >= 100_000]
        if big:
            pg = big[-1]["postgresql"]["no filters"]
            rows.append(
                (
                    "case_search",
                    f"p95 {pg['p95_ms']} ms (n={pg['count']}) at {big[-1]['cases']:,} cases",
                    verdict(
                        pg["p95_ms"] is not None
                        and pg["p95_ms"] <= 150
                        and pg["count"] > 0
                        and not pg["server_errors"]
                        and not pg["connection_errors"]
                    ),
                )
            )
    return rows


def _ms(value):
    return "–" if value is None else f"{value:.0f}" if value >= 100 else f"{value:.1f}"


def _ratio(value):
    return "–" if value is None else f"{value:.4f}"


def _kb(n):
    return f"{n / 1024:.1f} KiB"


def markdown(results, meta):
    lines = [
        f"# Whole-stack benchmark — {meta['started']} — commit {meta['commit']}",
        "",
        f"`{meta['command']}` · {meta['cpus']} CPUs · load average {meta['load_start']} at the start, "
        f"{meta['load_end']} at the end · {meta['duration_s']:.0f} s in all",
        "",
        (
            f"Server: `make serve` ({meta['server']}), `college.settings.production`, PostgreSQL "
            f"`{meta['database']}`, Redis db {meta['redis_db']} (cache and broker), Celery worker (concurrency 2)."
            if meta["server"] != "not started"
            else "Case search only: `make serve` on its own database (see below)."
        ),
        "",
        "## Goals (issue 11)",
        "",
        "| goal | measured | result |",
        "|---|---|---|",
    ]
    for key, figure, result in evaluate(results):
        lines.append(f"| {GOALS[key]} | {figure} | **{result}** |")
    pages = results.get("pages")
    if pages:
        static = pages["static"]
        s_rps = [r["rps"] for r in static["runs"]]
        lines += [
            "",
            f"## Pages vs static file (wrk, {pages['connections']} connections, {pages['duration']} s each)",
            "",
            f"Static file `{static['path']}`: {min(s_rps):.0f}–{max(s_rps):.0f} req/s over {len(s_rps)} runs "
            f"(sent {_kb(static['headers']['bytes_sent'])}, {static['headers']['content_encoding'] or 'identity'}, "
            f"Cache-Control `{static['headers']['cache_control']}`). Each page's ratio divides its req/s by the mean "
            "of the static runs just before and after it. CPU ms/req is the gunicorn processes' CPU time per "
            "request during the run; CPU ratio = static CPU/req ÷ page CPU/req (less sensitive to other load).",
            "",
            "| page | lang | status | req/s | p50 ms | p95 ms | p99 ms | errors | static req/s | ratio | CPU ms/req | CPU ratio | sent / body | encoding | Cache-Control | validators | repeat |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for p in pages["pages"]:
            w, h = p["wrk"], p["headers"]
            errors = w["status_errors"] + w["socket_errors"] + w["timeouts"]
            validators = (
                ", ".join(n for n, v in (("ETag", h["etag"]), ("Last-Modified", h["last_modified"])) if v) or "–"
            )
            lines.append(
                f"| {p['page']} | {p['language']} | {h['status']} | {w['rps']:.1f} | {_ms(w['p50_ms'])} | {_ms(w['p95_ms'])} | "
                f"{_ms(w['p99_ms'])} | {errors} | {p['static_rps_around']:.0f} | {p['ratio']:.4f} | "
                f"{_ms(w['server_cpu_ms_per_request'])} | {_ratio(p.get('cpu_ratio'))} | "
                f"{_kb(h['bytes_sent'])} / {_kb(h['bytes_uncompressed'])} | {h['content_encoding'] or '–'} | "
                f"{h['cache_control'] or '–'} | {validators} | {h['conditional_repeat_status'] or '–'} |"
            )
    queries = results.get("queries")
    if queries:
        lines += [
            "",
            "## SQL queries per page (in-process, same database and settings)",
            "",
            "| page | lang | visitor | status | queries | first request | most repeated statement |",
            "|---|---|---|---|---|---|---|",
        ]
        for q in queries:
            rep = q["repeated"]
            rep_text = f"{rep['times']}× `{rep['sql'][:90]}`" if rep else "–"
            lines.append(
                f"| {q['page']} | {q['language']} | {'learner' if q['signed_in'] else 'anonymous'} | {q['status']} | "
                f"{q['queries']} | {q['queries_cold']} | {rep_text} |"
            )
    b = results.get("bookings")
    if b:
        c = b["check"]
        lines += [
            "",
            f"## Booking API (`POST /api/visits/requests/`, {b['clients']} concurrent clients)",
            "",
            f"- {b['count']} requests in {b['wall_s']} s: **{b['bookings_per_second']} bookings/s** ({b['per_second']} answers/s)",
            f"- latency p50 {_ms(b['p50_ms'])} ms, p95 {_ms(b['p95_ms'])} ms, p99 {_ms(b['p99_ms'])} ms, max {_ms(b['max_ms'])} ms",
            f"- answers: {b['statuses']}",
            f"- server CPU {b['server_cpu_ms_per_request']} ms per request; Celery worker CPU during the run {b['worker_cpu_s']} s",
            f"- database afterwards: {c['requests_in_database']} requests (answered 201: {c['answered_201']}, codes match: "
            f"{c['codes_match']}), {c['people_booked']} people, {c['roster_names']} roster names; scarce slot "
            f"{c['scarce_slot']['places_taken']}/{c['scarce_slot']['capacity']}; overbooked slots: {c['overbooked_slots'] or 'none'}",
        ]
        if b["first_errors"]:
            lines.append(f"- first unexpected answers: {b['first_errors'][:3]}")
    h = results.get("heartbeats")
    if h:
        v, s = h["viewings"], h["steady"]
        lines += [
            "",
            f"## Heartbeats ({h['learners']} learners with sessions)",
            "",
            f"- viewings opened (`POST /api/courses/viewings/`, 16 clients): {v['count']} at {v['per_second']}/s, "
            f"p50 {_ms(v['p50_ms'])} ms, p95 {_ms(v['p95_ms'])} ms",
            f"- one at a time (no queue, {h['one_at_a_time']['count']} heartbeats): p50 {_ms(h['one_at_a_time']['p50_ms'])} ms, "
            f"p95 {_ms(h['one_at_a_time']['p95_ms'])} ms",
            f"- 500 learners every 15 s, open loop ({s['offered_per_second']}/s offered, {s['achieved_per_second']}/s done, "
            f"{s['count']} heartbeats): p50 {_ms(s['p50_ms'])} ms, p95 {_ms(s['p95_ms'])} ms, p99 {_ms(s['p99_ms'])} ms, "
            f"max {_ms(s['max_ms'])} ms; answers {s['statuses']}; server CPU {s['server_cpu_ms_per_request']} ms per heartbeat",
        ]
        sat = h["saturation"]
        if sat["steps"]:
            lines += [
                "",
                f"Saturation (a step holds when every answer is 200, p95 ≤ {sat['p95_limit_ms']} ms and ≥ 95% of the offered rate is done):",
                "",
                "| offered /s | done /s | learners | every | p50 ms | p95 ms | p99 ms | CPU ms/req | answers | holds |",
                "|---|---|---|---|---|---|---|---|---|---|",
            ]
            for st in sat["steps"]:
                lines.append(
                    f"| {st['offered_per_second']} | {st['achieved_per_second']} | {st['learners']} | {st['interval_s']} s | "
                    f"{_ms(st['p50_ms'])} | {_ms(st['p95_ms'])} | {_ms(st['p99_ms'])} | {_ms(st['server_cpu_ms_per_request'])} | {st['statuses']} | {'yes' if st['kept_up'] else 'no'} |"
                )
        lc = h["ledger_check"]
        lines.append(
            f"\nLedger check: the answers credited {lc['credited_by_answers_s']} s in all, PostgreSQL holds "
            f"{lc['stored_in_database_s']} s; learners whose stored time differs: {lc['learners_mismatched']}."
        )
    bu = results.get("burst")
    if bu:
        lines += [
            "",
            f"## {bu['concurrency']} concurrent requests (`GET {bu['path']}`, each a signed-in learner, {bu['waves']} waves)",
            "",
            f"- answers {bu['statuses']}; p50 {_ms(bu['p50_ms'])} ms, p95 {_ms(bu['p95_ms'])} ms, max {_ms(bu['max_ms'])} ms; "
            f"peak connections to the database {bu['peak_db_connections']}",
        ]
        if bu["first_errors"]:
            lines.append(f"- first errors: {bu['first_errors'][:3]}")
    cs = results.get("cases")
    if cs:
        lines += [
            "",
            f"## Case search (`/cases/?q=调解`, sequential, ≤ {cs['requests_per_variant']} requests or {cs['budget_s']} s per row)",
            "",
            "| cases | engine | filters | n | p50 ms | p95 ms | max ms | answers |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for size in cs["sizes"]:
            for engine in ("postgresql", "osmem"):
                for variant, r in size.get(engine, {}).items():
                    lines.append(
                        f"| {size['cases']:,} | {engine} | {variant} | {r['count']} | {_ms(r['p50_ms'])} | {_ms(r['p95_ms'])} | "
                        f"{_ms(r['max_ms'])} | {r['statuses']} |"
                    )
        lines.append(
            "\nDatasets: "
            + "; ".join(
                f"{s['cases']:,} cases {s['dataset']} in {s['prepare_s']} s, osmem indexing {s.get('osmem_index_s', '–')} s"
                for s in cs["sizes"]
            )
        )
    for name, error in results.get("errors", {}).items():
        lines += ["", f"**Section {name} failed:** `{error}`"]
    return "\n".join(lines) + "\n"


def write(results, meta, directory):
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(meta["started_epoch"]))
    base = directory / f"stack-{stamp}-{meta['commit']}"
    text = markdown(results, meta)
    goals = [{"goal": GOALS[k], "key": k, "measured": f, "result": r} for k, f, r in evaluate(results)]
    Path(f"{base}.md").write_text(text)
    Path(f"{base}.json").write_text(
        json.dumps({"meta": meta, "goals": goals, "results": results}, ensure_ascii=False, indent=2)
    )
    return text, base


if __name__ == "__main__":  # python -m bench.stack.report bench-results/stack-….json: print the markdown again
    import sys

    data = json.loads(Path(sys.argv[1]).read_text())
    print(markdown(data["results"], data["meta"]))
