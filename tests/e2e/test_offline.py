"""Offline means offline: the README's commands, traced with ``strace -f -e trace=network``, never
open a connection or send a datagram to anything but loopback, and never ask DNS.

The dashboard is started exactly as the README says (``streamlit run app.py`` in the repository,
no option), both PNG exports are clicked (their Chromium is a child of the server, so it is
are traced too), then the pipeline's ``extract`` and ``ingest`` run the same way."""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, free_port, wait_app

pytestmark = pytest.mark.e2e

# connect(3, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.0.0.1")}, 16)
INET = re.compile(r"sa_family=AF_INET6?, sin6?_port=htons\((\d+)\),.*?(?:inet_addr\(\"([^\"]+)\"\)|inet_pton\(AF_INET6, \"([^\"]+)\")")
CALLS = ("connect(", "sendto(", "sendmsg(", "sendmmsg(")


def loopback(addr: str) -> bool:
    return addr.startswith("127.") or addr in ("::1", "::ffff:127.0.0.1") or addr.startswith("::ffff:127.")


def outbound(log: Path) -> list[str]:
    """Every traced call that reaches beyond loopback or speaks to a DNS port, one line each.

    One thing is not traffic: connect() on a UDP socket sends no packet, it only asks the kernel for
    a route (Chromium's IPv6 reachability probe: connect to 2001:4860:4860::8888, getsockname,
    close). Such a socket fails the test as soon as anything is sent or written through it."""
    bad, udp, probes, pending = [], set(), {}, {}
    for line in log.read_text(errors="replace").splitlines():
        tid, _, call = line.partition(" ")
        call = call.lstrip()
        if call.startswith("socket("):
            pending[tid] = "SOCK_DGRAM" in call
        if call.startswith(("socket(", "<... socket resumed>")) and re.search(r"= (\d+)$", call):
            fd = re.search(r"= (\d+)$", call).group(1)
            (udp.add if pending.pop(tid, False) else udp.discard)((tid, fd))
            probes = {k: v for k, v in probes.items() if k[1] != fd}  # the number is reused: not the probe socket
        closed = re.match(r"close\((\d+)", call)  # not "close(<unfinished ...>" and the like
        if closed:
            probes = {k: v for k, v in probes.items() if k[1] != closed.group(1)}
        fd = re.match(r"\w+\((\d+),", call)
        key = (tid, fd.group(1)) if fd else None
        if call.startswith(CALLS):
            for port, v4, v6 in INET.findall(call):
                if port == "53" or not loopback(v4 or v6):
                    if call.startswith("connect(") and key in udp and port != "53":
                        probes[key] = line
                    else:
                        bad.append(line.strip()[:200])
        if key in probes and call.startswith(("sendto(", "sendmsg(", "sendmmsg(", "write(", "writev(")):
            bad.append(f"sent through {probes[key].strip()[:160]}: {line.strip()[:80]}")
    return bad


def binds(log: Path) -> list[str]:
    """The addresses the traced processes listen on."""
    out = []
    for line in log.read_text(errors="replace").splitlines():
        call = line.split(" ", 1)[-1].lstrip()
        if call.startswith("bind(") and "AF_INET" in call:
            out += [v4 or v6 for _, v4, v6 in INET.findall(call)]
    return out


def traced(cmd: list[str], log: Path, **kw) -> subprocess.Popen:
    strace = shutil.which("strace")
    if not strace:
        pytest.fail("strace is not installed (.ci/run installs Debian's strace)")
    # the network calls, and write(): a connected UDP socket could send with it
    # a session of its own: stopping strace detaches its tracees, so the whole group is stopped (stop())
    return subprocess.Popen([strace, "-f", "-qq", "-s", "64", "-e", "trace=network,write,writev,close", "-o", str(log), *cmd],
                            start_new_session=True, **kw)


def stop(proc: subprocess.Popen) -> None:
    """Stop a traced command and everything it started: SIGTERM to its process group, then SIGKILL to
    whatever is left once strace has gone (a detached server would otherwise outlive the test)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            continue


def clean_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSMAP_", "STREAMLIT_"))}
    env["PYTHONPATH"] = str(ROOT)
    return env


def readme_command(name: str) -> list[str]:
    """`streamlit …` as a user types it: the console script next to this Python."""
    exe = Path(sys.executable).parent / name
    return [str(exe)] if exe.exists() else [sys.executable, "-m", name]


def test_dashboard_and_png_exports_make_no_outbound_request(browser, tmp_path):
    log = tmp_path / "streamlit.strace"
    port = free_port()  # the machine is shared: another app may hold 8501. The command line stays the README's.
    proc = traced(readme_command("streamlit") + ["run", "app.py"], log, cwd=ROOT, env=dict(clean_env(), STREAMLIT_SERVER_PORT=str(port)),
                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    printed = []
    try:
        url = None
        for line in proc.stdout:  # the server prints its URL once it listens
            printed.append(line)
            m = re.search(r"URL: (http://\S+)", line)
            if m:
                url = m.group(1).rstrip("/")
                break
        assert url == f"http://127.0.0.1:{port}", "".join(printed)
        assert "Network URL" not in "".join(printed) and "External URL" not in "".join(printed)
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        try:
            page = ctx.new_page()
            for path, button in (("/timeline", "timeline_png"), ("/map", "map_png")):
                page.goto(url + path)
                wait_app(page)
                png = click_png(page, button)
                assert png[:8] == b"\x89PNG\r\n\x1a\n", button
        finally:
            ctx.close()
    finally:
        stop(proc)
    assert not outbound(log), outbound(log)
    assert binds(log) and all(loopback(a) for a in binds(log)), f"listens beyond loopback: {binds(log)}"


def click_png(page, label: str) -> bytes:
    """Ask for a PNG export the way a user does and return the downloaded bytes."""
    from .conftest import png_download

    return png_download(page, label)


def test_pipeline_cli_makes_no_outbound_request(tmp_path):
    article = ROOT / "eval" / "articles" / "01-odessa-drones.txt"
    published = json.loads((ROOT / "eval" / "gold" / "01-odessa-drones.json").read_text())["published"]
    runs = {
        "extract": ["-m", "newsmap", "extract", str(article), "--published", published, "--compact"],
        "ingest": ["-m", "newsmap", "ingest", str(article), "--published", published, "--data-dir", str(tmp_path / "data"),
                   "--no-progress"],
    }
    for name, args in runs.items():
        log = tmp_path / f"{name}.strace"
        proc = traced([sys.executable, *args], log, cwd=ROOT, env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            out, err = proc.communicate(timeout=600)
        finally:
            stop(proc)
        assert proc.returncode == 0, err.decode()[-2000:]
        assert not outbound(log), (name, outbound(log))
    assert (tmp_path / "data" / "corpus.json").exists()
