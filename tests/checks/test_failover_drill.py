"""The failover drill: take the main line away (or bind to the hotspot without the right to), and see whether
the RTMP handshake and an upload reach the ingest over the backup hotspot, and how fast.

The network tests run in the namespace lab (``net_fixtures.NetLab``): this namespace reaches the ingest over
the main veth (route metric 10) and over the hotspot veth (metric 100, its own gateway)."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from net_fixtures import REPO, NetLab, netlab, run

from studio_app.context import AppContext
from studio_app.probes.drill import (
    DrillConfig,
    DrillMode,
    DrillOutcome,
    covering_routes,
    judge_drill,
    route_spec,
    run_failover_drill,
)
from studio_app.probes.profile import StudioProfile
from studio_app.probes.report import render_html
from studio_app.probes.result import ProbeStatus
from studio_app.probes.service import CheckService, DrillSetupError
from studio_app.probes.verdict import Verdict
from studio_app.showday.report import build_show_report
from studio_app.shows import find_show

__all__ = ["netlab"]

# ---------------------------------------------------------------- pure parts

ROUTES = [
    {"dst": "default", "gateway": "192.0.2.1", "dev": "eth0", "protocol": "dhcp", "metric": 100, "flags": []},
    {"dst": "default", "gateway": "172.20.10.1", "dev": "usb0", "metric": 600, "flags": []},
    {"dst": "192.0.2.0/24", "dev": "eth0", "protocol": "kernel", "scope": "link", "prefsrc": "192.0.2.2"},
    {"dst": "10.9.9.100", "gateway": "192.0.2.7", "dev": "eth0", "metric": 10, "flags": ["onlink"]},
    {"dst": "198.51.100.0/24", "type": "blackhole", "dev": "eth0"},
]


def test_the_drill_takes_away_only_the_main_lines_routes_that_lead_to_the_ingest() -> None:
    taken = covering_routes(ROUTES, "eth0", "10.9.9.100")
    assert [r["dst"] for r in taken] == ["default", "10.9.9.100"]
    assert [r["dst"] for r in covering_routes(ROUTES, "eth0", "192.0.2.50")] == ["default", "192.0.2.0/24"]
    assert covering_routes(ROUTES, "wlan0", "10.9.9.100") == []


def test_a_removed_route_is_named_exactly_so_it_can_be_put_back() -> None:
    assert route_spec(ROUTES[0]) == [
        "default",
        "via",
        "192.0.2.1",
        "dev",
        "eth0",
        "proto",
        "dhcp",
        "metric",
        "100",
    ]
    assert route_spec(ROUTES[2]) == [
        "192.0.2.0/24", "dev", "eth0", "proto", "kernel", "scope", "link", "src", "192.0.2.2"
    ]  # fmt: skip
    assert route_spec(ROUTES[3])[-1] == "onlink"


def _outcome(**changes: object) -> DrillOutcome:
    values: dict[str, object] = {
        "mode": DrillMode.ROUTE,
        "mode_reason": "",
        "interface": "usb0",
        "main_interface": "eth0",
        "routes_removed": 1,
        "route_restored": True,
        "switch_s": 1.2,
        "attempts": 3,
        "last_error": "",
        "last_errno": None,
        "handshake_ms": 40.0,
        "via_interface": "usb0",
        "baseline_ok": True,
        "upload_mbps": 9.0,
    }
    values.update(changes)
    return DrillOutcome(**values)  # type: ignore[arg-type]


CFG = DrillConfig("rtmp://ingest.example/live", "usb0", upload_target="http://sink:8765/upload-probe")


def test_a_quick_switch_with_enough_upload_is_go() -> None:
    result = judge_drill(_outcome(), CFG)
    assert result.status is ProbeStatus.PASS
    assert result.metrics["mode"] == "route" and result.metrics["switch_s"] == 1.2
    assert "usb0" in result.message


def test_no_route_over_the_hotspot_after_the_main_line_fails_says_how_to_fix_it() -> None:
    result = judge_drill(
        _outcome(switch_s=None, handshake_ms=None, via_interface=None, last_errno=errno.ENETUNREACH), CFG
    )
    assert result.status is ProbeStatus.FAIL
    finding = result.findings[0]
    assert finding.code == "failover.hotspot_broken"
    assert "network settings" in finding.fix


def test_a_thin_backup_upload_fails_and_suggests_a_bitrate_it_can_carry() -> None:
    result = judge_drill(_outcome(upload_mbps=3.0), CFG)  # the push needs 4 Mbit/s
    assert result.status is ProbeStatus.FAIL
    assert result.findings[0].code == "failover.upload_low"
    assert "2100 kbit/s" in result.findings[0].fix  # 70 % of what went up, as OBS recommends
    assert judge_drill(_outcome(upload_mbps=5.0), CFG).status is ProbeStatus.WARN


def test_the_bound_variant_says_what_it_does_not_prove() -> None:
    result = judge_drill(_outcome(mode=DrillMode.BOUND, mode_reason="Operation not permitted"), CFG)
    assert result.status is ProbeStatus.PASS
    note = next(f for f in result.findings if f.code == "failover.bound")
    assert "Operation not permitted" in note.message and "not that the computer switches" in note.message


def test_a_route_that_could_not_be_put_back_is_no_go_with_the_command_to_run() -> None:
    outcome = _outcome(route_restored=False, restore_commands=("ip -4 route replace default via 192.0.2.1",))
    result = judge_drill(outcome, CFG)
    assert result.status is ProbeStatus.FAIL
    assert "ip -4 route replace default" in result.findings[0].fix


def test_a_missing_hotspot_interface_is_refused_before_anything_is_taken_away() -> None:
    result = run_failover_drill(DrillConfig("127.0.0.1:9", "nosuchif7"))
    assert result.status is ProbeStatus.FAIL
    assert result.findings[0].code == "hotspot.missing" and "nosuchif7" in result.message


def test_a_malformed_ingest_is_an_error_with_the_expected_form() -> None:
    result = run_failover_drill(DrillConfig("http://not-rtmp/", "lo"))
    assert result.status is ProbeStatus.ERROR
    assert "rtmp://" in result.findings[0].fix


def test_the_service_asks_for_a_hotspot_before_it_starts(app_context: AppContext) -> None:
    with pytest.raises(DrillSetupError, match="hotspot"):
        CheckService(app_context).run_drill(StudioProfile(name="x", ingest_url="rtmp://h/live"), source="cli")


# ---------------------------------------------------------------- in the namespace lab


def _main_route_present(lab: NetLab) -> bool:
    routes = json.loads(run("ip", "-j", "route", "show", f"{lab.service_ip}/32").stdout or "[]")
    return any(r.get("dev") == lab.main_if and r.get("metric") == 10 for r in routes)


def _lab_config(lab: NetLab, **changes: object) -> DrillConfig:
    values: dict[str, object] = {
        "ingest": lab.ingest,
        "hotspot": lab.hotspot_if,
        "upload_target": lab.upload_url,
        "push_bitrate_mbps": 2.0,  # the lab's hotspot is shaped to 4 Mbit/s
        "switch_timeout_s": 4.0,
    }
    values.update(changes)
    return DrillConfig(**values)  # type: ignore[arg-type]


def test_with_the_main_route_taken_away_the_stream_goes_over_the_hotspot(netlab: NetLab) -> None:
    result = run_failover_drill(_lab_config(netlab))
    assert result.status is ProbeStatus.PASS, result.findings
    m = result.metrics
    assert m["mode"] == "route" and m["main_interface"] == netlab.main_if and m["routes_removed"] == 1
    assert m["via_interface"] == netlab.hotspot_if  # the system itself chose the hotspot
    assert isinstance(m["switch_s"], float) and 0 <= m["switch_s"] < 2.0
    assert m["handshake_ms"] >= 0  # a measured time: 0.0 when the TCP handshake took under 0.05 ms
    assert isinstance(m["upload_mbps"], float) and 2.5 < m["upload_mbps"] < 4.4  # tbf 4 Mbit/s
    assert m["route_restored"] == 1 and _main_route_present(netlab)


def test_the_bound_variant_reaches_the_ingest_through_the_hotspot(netlab: NetLab) -> None:
    result = run_failover_drill(_lab_config(netlab, allow_route_change=False, upload_target=None))
    assert result.status is ProbeStatus.PASS
    assert result.metrics["mode"] == "bound" and result.metrics["routes_removed"] == 0
    assert result.metrics["via_interface"] == netlab.hotspot_if
    assert {f.code for f in result.findings} == {"failover.bound", "failover.no_upload"}


@contextmanager
def _hotspot_gateway_gone(lab: NetLab) -> Iterator[None]:
    """The phone is connected (link, address, route) but forwards nothing: its gateway does not answer."""
    gateway = f"{lab.ip(6)}/30"
    lab.ns("ip", "addr", "del", gateway, "dev", f"{lab.prefix}h1")
    try:
        yield
    finally:
        lab.ns("ip", "addr", "add", gateway, "dev", f"{lab.prefix}h1")
        lab.ns("ip", "link", "set", f"{lab.prefix}h1", "up")
        run("ip", "route", "replace", *lab.hotspot_route)


def test_a_hotspot_that_carries_nothing_is_no_go_with_a_plain_fix_and_the_main_line_comes_back(
    netlab: NetLab,
) -> None:
    started = time.monotonic()
    with _hotspot_gateway_gone(netlab):
        result = run_failover_drill(_lab_config(netlab, switch_timeout_s=3.0))
    assert time.monotonic() - started < 10.0  # never hangs: the timeout plus the preflight
    assert result.status is ProbeStatus.FAIL
    finding = next(f for f in result.findings if f.code == "failover.hotspot_broken")
    assert netlab.hotspot_if in finding.message and finding.fix
    assert result.metrics["switch_s"] is None and result.metrics["attempts"] >= 2
    assert _main_route_present(netlab)


def test_a_hotspot_without_a_route_to_the_ingest_is_refused_without_touching_the_main_line(
    netlab: NetLab,
) -> None:
    run("ip", "route", "del", *netlab.hotspot_route)
    try:
        result = run_failover_drill(_lab_config(netlab))
    finally:
        run("ip", "route", "add", *netlab.hotspot_route)
    assert result.status is ProbeStatus.FAIL
    assert result.findings[0].code == "hotspot.no_route" and "mobile data" in result.findings[0].fix
    assert _main_route_present(netlab)


def test_the_drill_is_stored_with_the_show_and_appears_in_its_report(
    netlab: NetLab, app_context: AppContext
) -> None:
    show = find_show(app_context.db, None)
    assert show is not None
    profile = StudioProfile(
        name="lab",
        ingest_url=netlab.ingest,
        hotspot_interface=netlab.hotspot_if,
        push_bitrate_kbps=2000,
    )
    saved = CheckService(app_context).run_drill(profile, source="gui", show_id=show.id, switch_timeout_s=4.0)
    assert saved.run.verdict is Verdict.GO
    stored = CheckService(app_context).load_run(saved.run_id)
    assert stored.results[0].probe == "failover" and stored.results[0].metrics["mode"] == "route"
    report = build_show_report(app_context, show.id).to_json()
    assert [(d["run_id"], d["kind"], d["verdict"], d["mode"]) for d in report["drills"]] == [
        (saved.run_id, "failover", "go", "route")
    ]
    assert report["checks"][-1]["run_id"] == saved.run_id  # it is one of the show's check runs too
    assert "Failover drill" in render_html(stored)


def test_the_command_without_privileges_runs_the_bound_variant_and_says_so(
    netlab: NetLab, tmp_path: Path
) -> None:
    """In a user namespace the process has no right over this network namespace's routes."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is missing")
    env = {**os.environ, "PYTHONPATH": str(REPO), "STUDIO_LANG": "en"}
    done = subprocess.run(
        [
            "unshare", "--user", sys.executable, "-m", "studio_app",
            "--workspace", str(tmp_path / "ws"),
            "check", "--drill", "failover", "--hotspot", netlab.hotspot_if,
            "--ingest", netlab.ingest, "--json",
        ],
        capture_output=True, text=True, timeout=60, env=env, cwd=REPO,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    out = json.loads(done.stdout)
    drill = out["probes"]["failover"]
    assert drill["metrics"]["mode"] == "bound"
    note = next(f for f in drill["findings"] if f["code"] == "failover.bound")
    assert "not permitted" in note["message"].lower()
    assert out["run_id"] and _main_route_present(netlab)


def test_the_command_prints_the_drill_as_a_table_and_exits_1_on_no_go(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    args = ["--workspace", str(tmp_path / "ws"), "check", "--drill", "failover", "--hotspot", "nosuchif8"]
    done = subprocess.run(
        [sys.executable, "-m", "studio_app", *args, "--ingest", "rtmp://127.0.0.1:9/live"],
        capture_output=True, text=True, timeout=60, env=env, cwd=REPO,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "nosuchif8" in done.stdout and "NO-GO" in done.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "studio_app", *args[:-2]],
        capture_output=True, text=True, timeout=60, env=env, cwd=REPO,
    )  # fmt: skip
    assert missing.returncode == 2 and "hotspot" in missing.stderr


def test_cancelling_the_drill_ends_it_quickly(netlab: NetLab) -> None:
    cancel = threading.Event()
    with _hotspot_gateway_gone(netlab):
        timer = threading.Timer(0.5, cancel.set)
        timer.start()
        started = time.monotonic()
        result = run_failover_drill(_lab_config(netlab, switch_timeout_s=30.0), cancel)
        timer.cancel()
    assert time.monotonic() - started < 6.0
    assert result.status is ProbeStatus.FAIL and _main_route_present(netlab)
