"""Python HTTP clients of the benchmark (stdlib only): keep-alive connections, percentiles,
closed-loop workers and an open-loop (rate-paced) runner.

Latency of the open-loop runner is measured from the moment a request was *due*, not from when a
client thread got round to sending it, so a server that falls behind cannot hide its queue by
slowing the client down (no coordinated omission).
"""

import http.client
import json
import queue
import threading
import time
from collections import Counter

TIMEOUT = 60.0
# What a client sees when the server refuses, resets, times out or answers garbage.
NETWORK_ERRORS = (OSError, http.client.HTTPException)


def percentile(values, p):
    """The p-th percentile (0–100) by nearest rank; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def latency_summary(seconds):
    """p50/p95/p99/max in milliseconds of a list of durations in seconds."""
    ms = [s * 1000 for s in seconds]
    return {
        "count": len(ms),
        "p50_ms": _round(percentile(ms, 50)),
        "p95_ms": _round(percentile(ms, 95)),
        "p99_ms": _round(percentile(ms, 99)),
        "max_ms": _round(max(ms) if ms else None),
    }


def _round(value):
    return None if value is None else round(value, 1)


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # lower-case names
        self.body = body

    def json(self):
        return json.loads(self.body)


class HttpClient:
    """One HTTP/1.1 connection to ``host:port``, reopened whenever the server closes it.

    ``cookies`` are sent as they are (the production settings mark cookies Secure, which a
    cookie jar would refuse to send over plain HTTP).
    """

    def __init__(self, port, host="127.0.0.1", cookies=None, headers=None, timeout=TIMEOUT):
        self.host, self.port, self.timeout = host, port, timeout
        self.cookies = dict(cookies or {})
        self.headers = dict(headers or {})
        self.connection = None

    def request(self, method, path, body=None, headers=None):
        """Send one request; returns a ``Response``. Connection errors raise ``OSError``."""
        all_headers = {"Host": f"{self.host}:{self.port}", **self.headers, **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None and not isinstance(body, bytes):
            body = json.dumps(body).encode()
            all_headers.setdefault("Content-Type", "application/json")
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
                self._reused = False
            reused = self._reused
            try:
                self.connection.request(method, path, body=body, headers=all_headers)
                raw = self.connection.getresponse()
                data = raw.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # A kept-alive connection the server closed meanwhile: one retry on a new one.
                # A fresh connection that fails is an error of the server and is reported.
                self.close()
                if attempt == 2 or not reused:
                    raise
                continue
            except Exception:
                self.close()
                raise
            self._reused = True
            response = Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, data)
            if raw.will_close:
                self.close()
            return response
        raise AssertionError("unreachable")

    _reused = False

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, body, headers=None):
        return self.request("POST", path, body=body, headers=headers)

    def close(self):
        if self.connection is not None:
            self.connection.close()
        self.connection = None
        self._reused = False


class Recorder:
    """Thread-safe collection of (latency, status) of requests; status is a code or an error name."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.statuses = Counter()
        self.first_errors = []

    def add(self, seconds, status, detail=None):
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[status] += 1
            if detail and len(self.first_errors) < 5:
                self.first_errors.append(detail)

    def summary(self, wall_seconds):
        statuses = dict(sorted(((str(k), v) for k, v in self.statuses.items())))
        return {
            **latency_summary(self.latencies),
            "wall_s": round(wall_seconds, 2),
            "per_second": round(len(self.latencies) / wall_seconds, 1) if wall_seconds else None,
            "statuses": statuses,
            "server_errors": sum(v for k, v in self.statuses.items() if isinstance(k, int) and k >= 500),
            "connection_errors": sum(v for k, v in self.statuses.items() if not isinstance(k, int)),
            "first_errors": self.first_errors,
        }


def timed(recorder, call, started=None, ok=(200,)):
    """Run ``call()`` (returns a Response), record its latency (from ``started`` when given) and
    status; returns the Response or None on a connection error."""
    t0 = time.perf_counter() if started is None else started
    try:
        response = call()
    except NETWORK_ERRORS as error:  # refused, reset, timed out
        recorder.add(time.perf_counter() - t0, type(error).__name__, repr(error)[:200])
        return None
    detail = None if response.status in ok else f"{response.status}: {response.body[:200]!r}"
    recorder.add(time.perf_counter() - t0, response.status, detail)
    return response


def run_threads(count, target):
    """Start ``count`` threads running ``target(number)``, wait for all; returns the wall time."""
    threads = [threading.Thread(target=target, args=(n,), daemon=True) for n in range(count)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def open_loop(schedule, send, workers=64):
    """Send requests at given times, whatever the server's pace.

    ``schedule``: sorted list of (offset in seconds from now, item); ``send(client_state, item)``
    sends one request and returns its status (int) or raises OSError. A dispatcher releases each
    item when due into a queue that ``workers`` threads serve; the latency of an item runs from its
    due time to the end of its response, so queueing behind a slow server is counted.
    Returns a ``Recorder`` and the wall time from the first due time to the last response.
    """
    recorder = Recorder()
    jobs = queue.Queue()
    start = time.perf_counter() + 0.2

    def worker(_number):
        state = {}
        while True:
            job = jobs.get()
            if job is None:
                for client in state.values():
                    client.close()
                return
            due, item = job
            try:
                status, detail = send(state, item)
            except NETWORK_ERRORS as error:
                recorder.add(time.perf_counter() - due, type(error).__name__, repr(error)[:200])
                continue
            recorder.add(time.perf_counter() - due, status, detail)

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(workers)]
    for thread in threads:
        thread.start()
    behind = 0.0
    for offset, item in schedule:
        due = start + offset
        delay = due - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        else:
            behind = max(behind, -delay)
        jobs.put((due, item))
    for _ in threads:
        jobs.put(None)
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    return recorder, wall, behind


def booking_payload(index, slot_id, client_number=0):
    """A valid booking request body of 1–5 people (as bench/visits_api.py sends)."""
    size = 1 + (index * 7 + client_number) % 5
    return {
        "slot": slot_id,
        "organisation": f"压测单位{index}",
        "group_type": "study",
        "leader_name": "王明",
        "phone": "13800138000",
        "email": f"bench{index}@example.org",
        "group_size": size,
        "roster": [f"访客{chr(0x4E00 + i)}" for i in range(size)],
    }
