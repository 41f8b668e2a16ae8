"""Run Debian's ``wrk`` against one URL and read its results as JSON (a Lua ``done`` hook)."""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

# wrk counts an answer as a status error when its code is above 399 (errors.status); it does not
# parse bodies. Request headers are those of a browser, so whitenoise and any compression of
# pages are measured as people get them.
LUA = r"""
wrk.method = "GET"
wrk.headers["Accept"] = "text/html,application/json;q=0.9,*/*;q=0.8"
wrk.headers["Accept-Encoding"] = "gzip, deflate, br"
wrk.headers["Accept-Language"] = os.getenv("BENCH_WRK_LANGUAGE") or "zh-CN,zh;q=0.9"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, "write": %d, ' ..
    '"status": %d, "timeout": %d, "p50_us": %d, "p90_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99),
    latency.max, latency.mean))
end
"""


def available():
    return shutil.which("wrk") is not None


def run(url, duration, connections=8, threads=1, timeout=10, language=None):
    """wrk for ``duration`` seconds; returns req/s, latency percentiles (ms), errors and bytes/request."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA)
    env = None
    if language:
        import os

        env = {**os.environ, "BENCH_WRK_LANGUAGE": language}
    try:
        result = subprocess.run(
            [
                "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{max(1, round(duration))}s",
                f"--timeout={timeout}s",
                "-s",
                script.name,
                url,
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=duration + timeout + 60,
        )
    finally:
        Path(script.name).unlink(missing_ok=True)
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no result for {url}: {result.stdout[-500:]} {result.stderr[-500:]}")
    raw = json.loads(line[len("WRKJSON ") :])
    seconds = raw["duration_us"] / 1e6
    requests = raw["requests"]
    return {
        "requests": requests,
        "seconds": round(seconds, 2),
        "rps": round(requests / seconds, 1) if seconds else 0.0,
        "p50_ms": round(raw["p50_us"] / 1000, 2),
        "p95_ms": round(raw["p95_us"] / 1000, 2),
        "p99_ms": round(raw["p99_us"] / 1000, 2),
        "max_ms": round(raw["max_us"] / 1000, 2),
        "status_errors": raw["status"],
        "socket_errors": raw["connect"] + raw["read"] + raw["write"],
        "timeouts": raw["timeout"],
        "bytes_per_request": round(raw["bytes"] / requests) if requests else 0,
        "connections": connections,
        "threads": threads,
    }
