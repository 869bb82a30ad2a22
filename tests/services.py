"""Real services for the tests: PostgreSQL and Redis, started on demand and stopped after.

No Django import at module level: the Makefile runs this file as a script before Django is
configured, and tests import it (`from tests.services import redis_server`).

    python tests/services.py with-postgres -- CMD ...   # runs CMD with TEST_DATABASE_URL set

PostgreSQL: `TEST_DATABASE_URL` if set; otherwise Debian's cluster (`pg_ctlcluster 15 main`),
started if it is down and stopped again by the last test run that uses it (a lock file counts
the runs, so two runs on one machine never stop each other's server). The role `sg` is
created if missing. Each run gets its own database name, so Django's `test_<name>` databases
of two runs never collide.

Redis: `redis_server()` starts a private `redis-server` on a free port in a temporary
directory (no persistence) and shuts it down on exit.

Where a service cannot be had (not installed, not root), tests skip with the reason; under
CI (`CI=true`) they fail instead, so a missing install step cannot pass silently.

Loaded as a pytest plugin (`-p tests.services`) this module also marks every test that
touches the database with `uses_db`, so `-m uses_db` runs only those (the PostgreSQL run).
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, NoReturn

ROLE = "sg"
PASSWORD = "sg"  # a local test role on a loopback-only server
PREFERRED_CLUSTER = ("15", "main")
_TMP = Path(tempfile.gettempdir())
_PG_MUTEX = _TMP / "socialguard-postgres.mutex"  # held while deciding to start or stop
_PG_USERS = _TMP / "socialguard-postgres.users"  # shared-locked by every run using the server
_PG_STARTED = _TMP / "socialguard-postgres.started"  # exists while a test run started it


class ServiceUnavailable(RuntimeError):
    """A service the tests need cannot be started here; the message says why."""


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}


def _unavailable(reason: str) -> NoReturn:
    """Skip the calling test (fail under CI); outside pytest, raise ServiceUnavailable."""
    if not _in_ci() and "pytest" in sys.modules:
        import pytest

        pytest.skip(reason)
    raise ServiceUnavailable(reason)


# --- PostgreSQL -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Cluster:
    version: str
    name: str
    port: int
    online: bool


def _clusters() -> list[Cluster]:
    if not shutil.which("pg_lsclusters"):
        return []
    out = subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True, text=True,
                         check=False).stdout
    clusters = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[2].isdigit():
            clusters.append(Cluster(parts[0], parts[1], int(parts[2]),
                                    parts[3].startswith("online")))
    return clusters


def _cluster() -> Cluster:
    clusters = _clusters()
    if not clusters:
        _unavailable("PostgreSQL is not installed (apt-get install postgresql), and "
                     "TEST_DATABASE_URL is not set")
    for cluster in clusters:
        if (cluster.version, cluster.name) == PREFERRED_CLUSTER:
            return cluster
    return clusters[0]


def _as_postgres(*cmd: str) -> list[str]:
    """The command run as the postgres user (we are root or postgres already)."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return list(cmd)


def _may_administer() -> bool:
    import pwd

    return os.geteuid() == 0 or pwd.getpwuid(os.geteuid()).pw_name == "postgres"


def _can_log_in(port: int) -> bool:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return False
    try:
        with psycopg.connect(host="127.0.0.1", port=port, user=ROLE, password=PASSWORD,
                             dbname="postgres", connect_timeout=5):
            return True
    except psycopg.Error:
        return False


def _wait_for_login(port: int, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _can_log_in(port):
            return True
        time.sleep(0.3)
    return False


def _create_role(port: int) -> None:
    sql = (f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ROLE}') THEN "
           f"CREATE ROLE {ROLE} LOGIN SUPERUSER PASSWORD '{PASSWORD}'; END IF; END $$;")
    result = subprocess.run(_as_postgres("psql", "-X", "-q", "-p", str(port), "-d", "postgres",
                                         "-c", sql),
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        _unavailable(f"could not create the PostgreSQL role {ROLE!r}: {result.stderr.strip()}")


@dataclass
class _Held:
    url: str
    cluster: Cluster
    users: IO[str]


_held: _Held | None = None


def ensure_postgres() -> str:
    """A DATABASE_URL for a running PostgreSQL (see the module docstring).

    A server this call starts is stopped when the process exits (or by `release_postgres()`),
    unless another test run is still using it; then that run stops it.
    """
    global _held
    if url := os.environ.get("TEST_DATABASE_URL"):
        return url
    if _held is not None:
        return _held.url
    cluster = _cluster()
    with _PG_MUTEX.open("a") as mutex:
        fcntl.flock(mutex, fcntl.LOCK_EX)
        users = _PG_USERS.open("a")
        fcntl.flock(users, fcntl.LOCK_SH)
        try:
            cluster = _start(cluster)
            if not _can_log_in(cluster.port):
                if not _may_administer():
                    _unavailable(f"PostgreSQL {cluster.version}/{cluster.name} rejects role "
                                 f"{ROLE!r} and only root can create it; set TEST_DATABASE_URL")
                _create_role(cluster.port)
                if not _wait_for_login(cluster.port):
                    _unavailable(f"cannot log in to PostgreSQL on port {cluster.port} as "
                                 f"{ROLE!r}")
        except BaseException:
            _release(users, cluster)
            raise
    # A database name of our own: Django's test databases are test_<name>[_gwN].
    url = f"postgres://{ROLE}:{PASSWORD}@127.0.0.1:{cluster.port}/sg_run_{os.getpid()}"
    _held = _Held(url, cluster, users)
    atexit.register(release_postgres)
    return url


def _start(cluster: Cluster) -> Cluster:
    """Start the cluster if it is down (caller holds the mutex)."""
    if cluster.online:
        return cluster
    if not _may_administer():
        _unavailable(f"PostgreSQL {cluster.version}/{cluster.name} is down and only root can "
                     "start it; start it or set TEST_DATABASE_URL")
    result = subprocess.run(["pg_ctlcluster", cluster.version, cluster.name, "start"],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        _unavailable(f"pg_ctlcluster {cluster.version} {cluster.name} start failed: "
                     f"{(result.stderr or result.stdout).strip()}")
    _PG_STARTED.write_text(f"{cluster.version} {cluster.name}\n")
    return Cluster(cluster.version, cluster.name, cluster.port, True)  # start waits for it


def _release(users: IO[str], cluster: Cluster) -> None:
    """Stop using the server; the last user stops it if a test run started it."""
    with _PG_MUTEX.open("a") as mutex:
        fcntl.flock(mutex, fcntl.LOCK_EX)
        fcntl.flock(users, fcntl.LOCK_UN)
        try:
            fcntl.flock(users, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            users.close()  # another run still uses it: that run stops it
            return
        try:
            if _PG_STARTED.exists():
                subprocess.run(["pg_ctlcluster", cluster.version, cluster.name, "stop",
                                "-m", "fast"], capture_output=True, check=False)
                _PG_STARTED.unlink(missing_ok=True)
        finally:
            users.close()


def release_postgres() -> None:
    """Let go of the server ensure_postgres() gave this process (idempotent)."""
    global _held
    held, _held = _held, None
    if held is not None:
        _release(held.users, held.cluster)


@contextlib.contextmanager
def postgres() -> Iterator[str]:
    """ensure_postgres() for a block: the server is let go (and stopped if ours) after it."""
    given = os.environ.get("TEST_DATABASE_URL")
    url = ensure_postgres()
    try:
        yield url
    finally:
        if not given:
            release_postgres()


# --- Redis ----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _redis_command(port: int, command: bytes, timeout: float = 1.0) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(command + b"\r\n")
        try:
            return sock.recv(64)
        except OSError:
            return b""


def _redis_ready(port: int, process: subprocess.Popen[bytes], seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        with contextlib.suppress(OSError):
            if _redis_command(port, b"PING").startswith(b"+PONG"):
                return True
        time.sleep(0.05)
    return False


def _stop_redis(process: subprocess.Popen[bytes], port: int) -> None:
    if process.poll() is None:
        with contextlib.suppress(OSError):
            _redis_command(port, b"SHUTDOWN NOSAVE")
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    """A private redis-server for the block; yields its URL and shuts it down afterwards."""
    exe = shutil.which("redis-server")
    if exe is None:
        _unavailable("redis-server is not installed (apt-get install redis-server)")
    with tempfile.TemporaryDirectory(prefix="socialguard-redis-") as tmp:
        log = Path(tmp) / "redis.log"
        for _attempt in range(3):  # a free port can be taken between choosing and binding
            port = _free_port()
            process = subprocess.Popen(
                [exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                 "--appendonly", "no", "--dir", tmp, "--daemonize", "no",
                 "--logfile", str(log)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if _redis_ready(port, process):
                break
            _stop_redis(process, port)
        else:
            tail = log.read_text(errors="replace")[-500:] if log.exists() else ""
            raise ServiceUnavailable(f"redis-server did not start: {tail}")
        try:
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            _stop_redis(process, port)


# --- pytest plugin: mark the tests that touch the database ----------------------------------

DB_FIXTURES = frozenset({"db", "transactional_db", "django_db_reset_sequences",
                         "django_db_serialized_rollback", "live_server", "admin_user",
                         "admin_client"})


def pytest_configure(config: Any) -> None:
    config.addinivalue_line("markers", "uses_db: the test touches the database (set by "
                                       "tests/services.py when loaded with -p tests.services)")


def _uses_db(item: Any) -> bool:
    if item.get_closest_marker("django_db") or DB_FIXTURES & set(
            getattr(item, "fixturenames", ())):
        return True
    cls = getattr(item, "cls", None)
    if cls is None:
        return False
    from django.test import TransactionTestCase  # Django is configured by now

    return issubclass(cls, TransactionTestCase)


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    for item in items:
        if _uses_db(item):
            item.add_marker("uses_db")


# --- command line ---------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    usage = "usage: python tests/services.py with-postgres -- COMMAND [ARGS...]"
    if len(argv) < 3 or argv[0] != "with-postgres" or argv[1] != "--":
        print(usage, file=sys.stderr)
        return 2
    try:
        with postgres() as url:
            code = subprocess.call(argv[2:], env={**os.environ, "TEST_DATABASE_URL": url})
    except ServiceUnavailable as error:
        if _in_ci():
            print(f"PostgreSQL is needed under CI: {error}", file=sys.stderr)
            return 1
        print(f"SKIPPED the PostgreSQL run: {error}", file=sys.stderr)
        return 0
    if code == 5:  # pytest: the filters selected no database test
        print("no database tests were selected for the PostgreSQL run", file=sys.stderr)
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
