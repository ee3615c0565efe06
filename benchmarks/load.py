"""Load benchmark: N simulated users against gunicorn with PostgreSQL, for 1 and 4 workers (issue 15 §4).

Creates a PostgreSQL database (127.0.0.1:5432, user postgres, trust auth; dropped at the end unless --keep),
migrates it and loads the reference and demo data, then for each worker count starts
``gunicorn integrering.wsgi`` on a free port, logs N users in (the demo users, in turn: each simulated user has
its own session) and has each of them request the main pages in a loop for --seconds seconds. Prints, per worker
count: requests, requests per second, p50/p95 latency and errors (a status other than 200, or no answer).

Standard library only (threads and urllib); the app runs in development mode (DJANGO_DEBUG=1: the demo data needs
it, and static files are served without a manifest) with the database's connections kept (DATABASE_CONN_MAX_AGE).

Run: ``.venv/bin/python benchmarks/load.py [--users 20] [--seconds 20] [--workers 1,4] [--database NAME --keep|--reuse]``
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PASSWORD = "lastetest-passord-som-er-langt"
# (user, pages): the start page and each role's main lists.
USERS = {
    "radgiver": [
        "/",
        "/kommuner/",
        "/kommuner/5001/",
        "/bosetting/2025/",
        "/regionalt/aktiviteter/",
        "/planer/",
    ],
    "kommune5001": ["/", "/kommuner/5001/", "/bosetting/2025/"],
    "leder": ["/", "/kommuner/", "/planer/", "/regionalt/aktiviteter/"],
    "tilskudd": ["/", "/tilskudd/ordninger/"],
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args: list[str], env: dict[str, str]) -> None:
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL)


def database_create(name: str) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def database_drop(name: str) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Session:
    """One simulated user: its own cookies (session, CSRF), logged in through the login form."""

    def __init__(self, base: str, username: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        page = self.opener.open(base + "/logg-inn/", timeout=30).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token})
        response = self.opener.open(base + "/logg-inn/", data=data.encode(), timeout=30)
        if "/logg-inn/" in response.geturl():
            raise RuntimeError(f"{username} could not log in")

    def get(self, path: str) -> int:
        try:
            with self.opener.open(self.base + path, timeout=30) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return 0


def server_start(workers: int, port: int, env: dict[str, str]) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "integrering.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/helse/", timeout=2).read()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def measure(base: str, users: int, seconds: float) -> dict:
    names = list(USERS)
    sessions = [Session(base, names[n % len(names)]) for n in range(users)]
    pages = [USERS[names[n % len(names)]] for n in range(users)]
    for session, paths in zip(sessions, pages, strict=True):  # warm-up: every page once, and every answer is 200
        for path in paths:
            status = session.get(path)
            if status != 200:
                raise RuntimeError(f"{path} answered {status}")
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    start = time.perf_counter()
    deadline = start + seconds

    def user(session: Session, paths: list[str]) -> None:
        mine, failed, n = [], 0, 0
        while time.perf_counter() < deadline:
            t0 = time.perf_counter()
            status = session.get(paths[n % len(paths)])
            mine.append(time.perf_counter() - t0)
            failed += status != 200
            n += 1
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=user, args=pair) for pair in zip(sessions, pages, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "rps": len(ordered) / elapsed,
        "p50": statistics.median(ordered) * 1000,
        "p95": ordered[int(0.95 * (len(ordered) - 1))] * 1000,
        "errors": errors[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", default="1,4")
    parser.add_argument("--database", default=f"integrering_load_{os.getpid()}")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--reuse", action="store_true", help="use the database --database as it is (kept before)")
    args = parser.parse_args()

    env = os.environ | {
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.database}",
        "DATABASE_CONN_MAX_AGE": "60",
        "DJANGO_DEBUG": "1",
        "DEMO_PASSWORD": PASSWORD,
        "AXES_ENABLED": "0",
        "LOG_LEVEL": "WARNING",
        "SESSION_IDLE_TIMEOUT": "3600",
    }
    started = time.perf_counter()
    if not args.reuse:
        database_create(args.database)
    try:
        if not args.reuse:
            run([str(BIN / "integrering"), "migrate", "--noinput", "-v0"], env)
            run([str(BIN / "integrering"), "load-reference-data"], env)
            run([str(BIN / "integrering"), "load-demo-data"], env)
        print(f"Database {args.database}: migrated, reference and demo data in {time.perf_counter() - started:.0f} s")
        print(
            f"{args.users} users for {args.seconds:.0f} s each run; pages: {sorted({p for v in USERS.values() for p in v})}"
        )
        print(f"{'workers':>7} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
        for workers in [int(w) for w in args.workers.split(",")]:
            port = free_port()
            server = server_start(workers, port, env)
            try:
                figures = measure(f"http://127.0.0.1:{port}", args.users, args.seconds)
            finally:
                server.terminate()
                server.wait(30)
            print(
                f"{workers:>7} {figures['requests']:>9} {figures['rps']:>8.1f} {figures['p50']:>8.1f} "
                f"{figures['p95']:>8.1f} {figures['errors']:>7}"
            )
    finally:
        if not args.keep:
            database_drop(args.database)
    print(f"CPU cores on this machine: {os.cpu_count()}")


if __name__ == "__main__":
    main()
