"""Issue 15 §4: scheduled work is safe to start on every server at once — one run takes the job's lease and does
the work; another run at the same time prints that a run is in progress and ends with status 0."""

import datetime
import io
import threading

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone, translation

from integrering.core.joblock import JobLock, lease_release, lease_take, single_run


@pytest.mark.django_db
def test_one_holder_at_a_time():
    first = lease_take("send-reminders", "a" * 32)
    assert first.acquired
    second = lease_take("send-reminders", "b" * 32)
    assert not second.acquired and second.host and second.acquired_at
    lease_release("send-reminders", "b" * 32)  # not the holder: changes nothing
    assert not lease_take("send-reminders", "c" * 32).acquired
    lease_release("send-reminders", "a" * 32)
    assert lease_take("send-reminders", "c" * 32).acquired
    assert lease_take("send-plan-digest", "d" * 32).acquired  # another job, another lease


@pytest.mark.django_db
def test_an_expired_lease_is_taken_over(settings):
    settings.JOB_LOCK_SECONDS = 60
    start = timezone.now()
    assert lease_take("job", "a" * 32, now=start).acquired
    assert not lease_take("job", "b" * 32, now=start + datetime.timedelta(seconds=59)).acquired
    assert lease_take("job", "b" * 32, now=start + datetime.timedelta(seconds=61)).acquired


@pytest.mark.django_db
def test_the_lease_is_released_when_the_run_fails():
    with pytest.raises(RuntimeError), single_run("job") as lease:
        assert lease.acquired
        raise RuntimeError
    assert JobLock.objects.get(name="job").holder == ""


@pytest.mark.django_db
@pytest.mark.parametrize("command", ["send-reminders", "send-plan-digest"])
def test_a_second_run_says_another_is_in_progress_and_does_nothing(command, monkeypatch):
    ran = []
    module = __import__(
        {
            "send-reminders": "integrering.grants.management.commands",
            "send-plan-digest": "integrering.plans.management.commands",
        }[command],
        fromlist=[command],
    )
    monkeypatch.setattr(getattr(module, command).Command, "_run", lambda self, *args: ran.append(args))
    out = io.StringIO()
    with single_run(command) as lease, translation.override("nb"):
        assert lease.acquired
        call_command(command, stdout=out)  # exits normally (status 0)
    assert ran == []
    assert out.getvalue().startswith(f"En annen kjøring av {command} pågår")
    call_command(command, stdout=io.StringIO())  # the lease is free again: this run works
    assert len(ran) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="two connections at once need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_servers_at_once_on_postgresql():
    """Eight runs start together on their own connections (threads): exactly one takes the lease."""
    from django.db import connections

    barrier = threading.Barrier(8)
    results: list[bool] = []
    done = threading.Event()

    def run(n: int) -> None:
        try:
            barrier.wait()
            with single_run("send-reminders") as lease:
                results.append(lease.acquired)
                if lease.acquired:
                    done.wait(10)  # hold it while the others try
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    while len(results) < 8 and any(t.is_alive() for t in threads):
        threading.Event().wait(0.05)
    done.set()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]
    assert JobLock.objects.get(name="send-reminders").holder == ""
