"""The on-air watch over the lines: loss, upload headroom from the interface's byte counter, the backup
hotspot's state; and devices whose live feed is off are not watched. Pure parts on a FakeClock, real parts
in the namespace lab (shaped veths, a real upload sink)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from net_fixtures import NetLab, netlab, run, wait_for_carrier

from studio_app.clock import FakeClock
from studio_app.probes.hotspot import InterfaceInfo
from studio_app.probes.live_sources import LiveSources, build_watch, one_rtt_ms, watch_sensors
from studio_app.probes.profile import StudioProfile
from studio_app.probes.result import ProbeStatus
from studio_app.probes.uplink_watch import (
    HotspotWatch,
    LossWindow,
    TxRate,
    UplinkHeadroom,
    classify_hotspot,
    route_interface,
)
from studio_app.probes.upload_sink import measure_upload
from studio_app.probes.watch import (
    HOTSPOT_LINK,
    MIC_RMS,
    UPLINK_HEADROOM,
    UPLINK_LOSS,
    UPLINK_RTT,
    HotspotLink,
    OnAirWatch,
    WatchSensor,
    default_rules,
)

__all__ = ["netlab"]

PROFILE = StudioProfile(
    name="B 间", camera_source="", ingest_url="rtmp://127.0.0.1:1935/live", hotspot_interface="usb0"
)


def test_loss_is_the_unanswered_share_of_the_last_probes() -> None:
    window = LossWindow(size=10)
    for _ in range(4):
        window.add(30.0)
    assert window.loss_pct() is None  # four probes say nothing yet
    window.add(None)
    assert window.loss_pct() == 20.0
    for _ in range(10):
        window.add(31.0)
    assert window.loss_pct() == 0.0  # the loss has left the window


def test_tx_rate_from_a_byte_counter_and_a_counter_that_went_back() -> None:
    rate = TxRate()
    assert rate.update(1_000_000, 10.0) is None
    assert rate.update(2_000_000, 12.0) == pytest.approx(4.0)  # 1 MB in 2 s = 4 Mbit/s
    assert rate.update(500, 13.0) is None  # interface re-created
    assert rate.update(250_500, 14.0) == pytest.approx(2.0)


def test_headroom_is_the_measured_upload_minus_what_goes_out_now(fake_clock: FakeClock) -> None:
    counter = {"usb0": 0}
    headroom = UplinkHeadroom(10.0, lambda: "usb0", counter.get, fake_clock.monotonic)
    assert headroom.measure() is None  # the first reading only starts the rate
    counter["usb0"] += 750_000  # 6 Mbit in one second
    fake_clock.advance(1.0)
    assert headroom.measure() == pytest.approx(4.0)
    assert UplinkHeadroom(10.0, lambda: None).measure() is None  # no route to the ingest: nothing to say


def _info(**changes: object) -> InterfaceInfo:
    values: dict[str, object] = {
        "name": "usb0",
        "exists": True,
        "is_up": True,
        "addresses": ("172.20.10.2",),
        "has_route": None,
        "metered": "unknown",
        "carrier": True,
    }
    values.update(changes)
    return InterfaceInfo(**values)  # type: ignore[arg-type]


def test_the_hotspot_state_names_what_is_missing_first() -> None:
    assert classify_hotspot(_info(), True) is HotspotLink.READY
    assert classify_hotspot(_info(), False) is HotspotLink.UNREACHABLE
    assert classify_hotspot(_info(exists=False), True) is HotspotLink.MISSING
    assert classify_hotspot(_info(is_up=False), True) is HotspotLink.DOWN
    assert classify_hotspot(_info(carrier=False), True) is HotspotLink.NO_CARRIER
    assert classify_hotspot(_info(addresses=()), True) is HotspotLink.NO_ADDRESS


def _run(watch: OnAirWatch, clock: FakeClock, seconds: float) -> tuple[list, list]:
    raised, cleared = [], []
    for _ in range(int(seconds / 0.5)):
        clock.advance(0.5)
        events = watch.tick()
        raised += events.raised
        cleared += events.cleared
    return raised, cleared


def test_a_hotspot_that_lost_its_link_raises_a_warning_that_says_so(fake_clock: FakeClock) -> None:
    state = {"value": float(HotspotLink.READY)}
    sensor = WatchSensor(HOTSPOT_LINK, 5.0, lambda: state["value"])
    watch = OnAirWatch(fake_clock, [sensor], [r for r in default_rules(PROFILE) if r.sensor == HOTSPOT_LINK])
    assert _run(watch, fake_clock, 30) == ([], [])
    state["value"] = float(HotspotLink.NO_CARRIER)
    raised, _ = _run(watch, fake_clock, 20)
    assert [(a.kind, a.status) for a in raised] == [("hotspot.not_ready", ProbeStatus.WARN)]
    assert "usb0" in raised[0].message and "lost its link" in raised[0].message


def test_low_headroom_and_loss_raise_warnings_with_a_fix(fake_clock: FakeClock) -> None:
    values: dict[str, float | None] = {UPLINK_HEADROOM: 3.0, UPLINK_LOSS: 0.0}
    sensors = [WatchSensor(name, 2.0, lambda n=name: values[n]) for name in values]  # type: ignore[misc]
    rules = [r for r in default_rules(PROFILE) if r.sensor in values]
    watch = OnAirWatch(fake_clock, sensors, rules)
    values[UPLINK_HEADROOM] = 0.6  # the push is 4 Mbit/s: under a quarter of it left
    values[UPLINK_LOSS] = 10.0
    raised, _ = _run(watch, fake_clock, 20)
    assert {a.kind for a in raised} == {"uplink.headroom_low", "uplink.loss_high"}
    headroom = next(a for a in raised if a.kind == "uplink.headroom_low")
    assert "0.6 Mbit/s" in headroom.message and "cloud sync" in headroom.fix


def test_a_feed_switched_off_mid_show_is_not_watched_and_its_alert_ends(fake_clock: FakeClock) -> None:
    feed = {"on": True}
    sensor = WatchSensor(MIC_RMS, 0.25, lambda: -90.0, lambda: feed["on"])
    watch = OnAirWatch(fake_clock, [sensor], [r for r in default_rules(PROFILE) if r.sensor == MIC_RMS])
    raised, _ = _run(watch, fake_clock, 8)
    assert [a.kind for a in raised] == ["mic.silent"]
    feed["on"] = False  # the technician switched the meter off: no "silent" or "no signal" while off
    raised, cleared = _run(watch, fake_clock, 30)
    assert raised == [] and [a.kind for a in cleared] == ["mic.silent"]
    assert watch.active_alerts() == [] and MIC_RMS not in watch.latest
    feed["on"] = True
    raised, _ = _run(watch, fake_clock, 8)
    assert [a.kind for a in raised] == ["mic.silent"]  # watched again, from scratch


def test_the_watch_reads_headroom_only_once_a_check_measured_the_line() -> None:
    sources = LiveSources()
    names = [s.name for s in watch_sensors(PROFILE, sources)]
    assert names == [UPLINK_RTT, UPLINK_LOSS, HOTSPOT_LINK]
    sources.uplink_capacity_mbps = 12.0
    names = [s.name for s in watch_sensors(PROFILE, sources)]
    assert names == [UPLINK_RTT, UPLINK_LOSS, UPLINK_HEADROOM, HOTSPOT_LINK]
    watch = build_watch(FakeClock(), PROFILE, watch_sensors(PROFILE, sources))
    assert watch.sensor_names == names


# ---------------------------------------------------------------- in the namespace lab


def test_the_stream_interface_is_found_by_the_route_to_the_ingest(netlab: NetLab) -> None:
    assert route_interface(netlab.service_ip, 1935) == netlab.main_if
    assert route_interface("127.0.0.1", 1935) == "lo"


def test_headroom_from_the_interface_counter_while_an_upload_fills_the_line(netlab: NetLab) -> None:
    """The main line is shaped to 8 Mbit/s; an upload fills it, so of a measured 10 Mbit/s about 2 remain."""
    headroom = UplinkHeadroom(10.0, lambda: route_interface(netlab.service_ip, 8765))
    uploading = threading.Thread(target=measure_upload, args=(netlab.upload_url, 4.0))
    uploading.start()
    try:
        time.sleep(1.0)  # let the upload reach its rate (a real line: no clock to advance)
        assert headroom.measure() is None
        time.sleep(2.0)
        value = headroom.measure()
    finally:
        uploading.join(15)
    assert value is not None and 0.8 < value < 3.2, value
    headroom.measure()  # the upload ended: from here on, almost all of it is headroom again
    time.sleep(1.0)
    idle = headroom.measure()
    assert idle is not None and idle > 9.0, idle


@contextmanager
def _restored_hotspot(lab: NetLab) -> Iterator[None]:
    try:
        yield
    finally:
        run("ip", "link", "set", lab.hotspot_if, "up")
        lab.ns("ip", "link", "set", f"{lab.prefix}h1", "up")
        lab.ns("ip", "addr", "replace", f"{lab.ip(6)}/30", "dev", f"{lab.prefix}h1")
        run("ip", "addr", "replace", f"{lab.ip(5)}/30", "dev", lab.hotspot_if)
        run("ip", "route", "replace", *lab.hotspot_route)
        wait_for_carrier(lab.hotspot_if)


def test_the_hotspot_watch_reads_link_carrier_address_and_reachability(netlab: NetLab) -> None:
    watch = HotspotWatch(netlab.hotspot_if, lambda iface: one_rtt_ms(netlab.service_ip, 1935, iface))
    assert watch.measure() == HotspotLink.READY
    with _restored_hotspot(netlab):
        netlab.ns("ip", "addr", "del", f"{netlab.ip(6)}/30", "dev", f"{netlab.prefix}h1")
        assert watch.measure() == HotspotLink.UNREACHABLE  # the phone is there but carries nothing
    with _restored_hotspot(netlab):
        netlab.ns("ip", "link", "set", f"{netlab.prefix}h1", "down")  # the phone's end went away
        assert watch.measure() == HotspotLink.NO_CARRIER
    with _restored_hotspot(netlab):
        run("ip", "addr", "del", f"{netlab.ip(5)}/30", "dev", netlab.hotspot_if)
        assert watch.measure() == HotspotLink.NO_ADDRESS
    with _restored_hotspot(netlab):
        run("ip", "link", "set", netlab.hotspot_if, "down")
        assert watch.measure() == HotspotLink.DOWN
    assert HotspotWatch("nosuchif6", lambda iface: None).measure() == HotspotLink.MISSING
    assert watch.measure() == HotspotLink.READY
