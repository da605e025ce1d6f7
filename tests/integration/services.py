"""Real processes for the integration tests: Redis, PostgreSQL, Celery workers and beat, and
an SMTP server, each started on a free port and stopped (or killed, frozen, restarted) only
by the test that started it. Nothing here touches the machine's shared services.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import glob
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CELERY = str(Path(sys.executable).with_name("celery"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(predicate: Callable, timeout: float, what: str, interval: float = 0.1):
    """Poll `predicate` until it returns something truthy; fail with `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"Timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def children(pid: int) -> list[int]:
    """Direct child processes of `pid` (read from /proc, no psutil needed)."""
    found = []
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            fields = Path(stat).read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.split("/")[2]))
    return found


def _signal(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)


# --- SMTP ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Received:
    recipients: tuple[str, ...]
    subject: str
    alert_id: str | None
    at: float  # time.perf_counter() when the server accepted it


class Mailbox:
    """An aiosmtpd handler that keeps every message it accepts."""

    def __init__(self):
        self._lock = threading.Lock()
        self._messages: list[Received] = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            received = Received(
                recipients=tuple(envelope.rcpt_tos),
                subject=str(message["Subject"]),
                alert_id=message["X-Legstrong-Alert"],
                at=time.perf_counter(),
            )
            self._messages.append(received)
        return "250 Message accepted for delivery"

    @property
    def messages(self) -> list[Received]:
        with self._lock:
            return list(self._messages)

    def alerts(self) -> list[tuple[int, str]]:
        """(alert row id, recipient) of every red-flag alert received, duplicates included."""
        return [(int(m.alert_id), to) for m in self.messages if m.alert_id for to in m.recipients]


class SmtpServer:
    def __init__(self, mailbox: Mailbox | None = None):
        from aiosmtpd.controller import Controller

        self.mailbox = mailbox or Mailbox()
        self.port = free_port()
        self._controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> SmtpServer:
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()


# --- Redis --------------------------------------------------------------------------------
class RedisServer:
    """A throwaway redis-server without persistence, like a broker that lost its memory."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.frozen = False

    @staticmethod
    def available() -> bool:
        return shutil.which("redis-server") is not None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> RedisServer:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.directory),
             "--logfile", str(self.directory / "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_until(self.ping, 10, f"redis-server on port {self.port}")
        return self

    def ping(self) -> bool:
        import redis

        try:
            return redis.Redis(port=self.port, socket_timeout=0.5).ping()
        except redis.RedisError:
            return False

    def kill(self) -> None:
        """Stop the broker hard (SIGKILL): connections refused, every queued message gone."""
        if self.process is not None:
            self.thaw()
            self.process.kill()
            self.process.wait(10)
            self.process = None

    def freeze(self) -> None:
        """SIGSTOP: the port still accepts connections but nothing ever answers."""
        _signal(self.process.pid, signal.SIGSTOP)
        self.frozen = True

    def thaw(self) -> None:
        if self.frozen and self.process is not None:
            _signal(self.process.pid, signal.SIGCONT)
        self.frozen = False


# --- PostgreSQL ---------------------------------------------------------------------------
def _postgres_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


class PostgresCluster:
    """A throwaway PostgreSQL cluster in a temporary folder (initdb refuses to run as root,
    so as root the cluster belongs to the `postgres` system user)."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.data = directory / "data"
        self.port = free_port()

    @staticmethod
    def available() -> bool:
        return _postgres_bin("initdb") is not None and _postgres_bin("pg_ctl") is not None

    def _run(self, *args: str, timeout: float = 60) -> None:
        command = list(args)
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        # No pipes: the server forked by pg_ctl would hold them open after pg_ctl exits.
        with (self.directory / "commands.log").open("ab") as log:
            result = subprocess.run(command, timeout=timeout, stdout=log, stderr=log, cwd="/")
        if result.returncode:
            raise AssertionError(f"{command} failed:\n{self.log()}")

    def log(self) -> str:
        return "".join(
            path.read_text(errors="replace")[-3000:]
            for path in (self.directory / "commands.log", self.directory / "postgres.log")
            if path.exists()
        )

    def _pg_ctl(self, *args: str) -> None:
        self._run(
            _postgres_bin("pg_ctl"), "-D", str(self.data), "-w", "-t", "30",
            "-l", str(self.directory / "postgres.log"), *args,
        )  # fmt: skip

    def start(self) -> PostgresCluster:
        self.directory.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
            for parent in self.directory.parents:  # postgres must be able to reach the folder
                if parent == Path("/") or parent.stat().st_mode & 0o001:
                    break
                parent.chmod(parent.stat().st_mode | 0o001)
        if not self.data.exists():
            self._run(_postgres_bin("initdb"), "-D", str(self.data), "-U", "postgres",
                      "-A", "trust", "-E", "UTF8", "--no-sync")  # fmt: skip
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._pg_ctl("-o", options, "start")
        return self

    def restart(self, mode: str = "fast") -> None:
        self._pg_ctl("-m", mode, "restart")

    def stop(self, mode: str = "immediate") -> None:
        if (self.data / "postmaster.pid").exists():
            self._pg_ctl("-m", mode, "stop")

    def settings(self, name: str) -> dict:
        return {"NAME": name, "USER": "postgres", "PASSWORD": "", "HOST": "127.0.0.1",
                "PORT": str(self.port)}  # fmt: skip

    def create_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')


def database_url(settings_dict: dict) -> str:
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    return (
        f"postgres://{settings_dict['USER']}{password}@{settings_dict['HOST'] or '127.0.0.1'}:"
        f"{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"
    )


# --- Celery -------------------------------------------------------------------------------
class CeleryProcess:
    """A `celery worker` or `celery beat` subprocess with its own log file."""

    READY = "ready."

    def __init__(self, args: list[str], env: dict[str, str], log: Path):
        self.args, self.env, self.log_path = args, env, log
        self.process: subprocess.Popen | None = None

    def start(self, wait: bool = True) -> CeleryProcess:
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [CELERY, "-A", "config", *self.args], env=self.env, cwd=ROOT,
            stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        if wait:
            self.wait_ready()
        return self

    @property
    def pid(self) -> int:
        return self.process.pid

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def wait_ready(self, timeout: float = 30) -> None:
        def ready():
            if self.process.poll() is not None:
                raise AssertionError(f"celery {self.args[0]} exited early:\n{self.log()[-3000:]}")
            return self.READY in self.log()

        wait_until(ready, timeout, f"celery {self.args[0]} to be ready")

    def pool(self) -> list[int]:
        return children(self.pid)

    def kill(self) -> None:
        """SIGKILL the main process and its pool at once: no warm shutdown, no requeue."""
        if self.process is None:
            return
        pool = self.pool()
        _signal(self.pid, signal.SIGKILL)
        for pid in pool:
            _signal(pid, signal.SIGKILL)
        self.process.wait(10)
        self.process = None
        self._log.close()

    def stop(self, timeout: float = 10) -> None:
        """Warm shutdown, then SIGKILL whatever is left (the whole process group)."""
        if self.process is None:
            return
        self.process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGKILL)
        self.process.wait(10)
        self.process = None
        self._log.close()


class Worker(CeleryProcess):
    def __init__(self, env, log, *, queues="alerts,analysis,celery", concurrency=2, name="w"):
        super().__init__(
            ["worker", "-l", "info", "-Q", queues, "-c", str(concurrency), "-P", "prefork",
             "-n", f"{name}-{os.getpid()}-{free_port()}@%h", "--without-heartbeat",
             "--without-mingle", "--without-gossip"],
            env, log,
        )  # fmt: skip


class Beat(CeleryProcess):
    READY = "beat: Starting"

    def __init__(self, env, log, directory: Path):
        super().__init__(
            ["beat", "-l", "info", "-s", str(directory / "celerybeat-schedule"),
             "--pidfile", str(directory / "celerybeat.pid")],
            env, log,
        )  # fmt: skip
