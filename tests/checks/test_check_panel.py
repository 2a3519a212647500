"""The check panel offscreen: real clicks, a video file as the camera, the workspace database."""

from __future__ import annotations

from pathlib import Path

from audio_fixtures import pulse_server
from net_fixtures import nginx_rtmp
from PySide6.QtCore import Qt

from studio_app.context import AppContext
from studio_app.probes import repo as checks_repo
from studio_app.probes.profile import StudioProfile
from studio_app.probes.result import ProbeStatus
from studio_app.probes.verdict import Verdict
from studio_app.ui.check_panel import CheckPanel

__all__ = ["nginx_rtmp", "pulse_server"]  # fixtures, imported for pytest


def _run_camera_only(qtbot, panel: CheckPanel):  # type: ignore[no-untyped-def]
    panel.set_selection({"camera"})
    with qtbot.waitSignal(panel.check_finished, timeout=15000) as finished:
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
        assert not panel.run_button.isEnabled()  # no second run while one is going
    return finished.args[0]


def test_run_all_checks_with_a_good_camera_file_goes(
    qtbot, make_panel, good_video: Path, test_profile: StudioProfile
) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(replace_source(test_profile, good_video))
    run = _run_camera_only(qtbot, panel)
    assert run.verdict is Verdict.GO
    assert panel.lights.status_of("camera") is ProbeStatus.PASS
    assert panel.lights.status_of("lighting") is ProbeStatus.PASS
    assert panel.lights.status_of("mic") is None  # not selected, not run
    assert panel.verdict.verdict is Verdict.GO
    assert panel.fix_list.codes() == [""]  # the single "nothing to fix" line
    assert panel.run_button.isEnabled()
    qtbot.waitUntil(lambda: panel.history.rowCount() == 1, timeout=5000)


def test_lens_cap_is_no_go_with_the_fix_listed_and_stored(
    qtbot, make_panel, lens_cap_video: Path, test_profile: StudioProfile, app_context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(replace_source(test_profile, lens_cap_video))
    run = _run_camera_only(qtbot, panel)
    assert run.verdict is Verdict.NO_GO
    assert panel.lights.status_of("camera") is ProbeStatus.FAIL
    assert "camera.black" in panel.fix_list.codes()
    assert any("→" in text for text in panel.fix_list.texts())  # each problem says what to do
    with app_context.db.session() as s:
        (stored,) = checks_repo.list_runs(s)
    assert stored.verdict is Verdict.NO_GO and stored.source == "gui"


def test_report_export_writes_html_and_pdf(
    qtbot, make_panel, lens_cap_video: Path, test_profile: StudioProfile, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(replace_source(test_profile, lens_cap_video))
    _run_camera_only(qtbot, panel)
    html = panel.export_report(tmp_path / "r.html")
    pdf = panel.export_report(tmp_path / "r.pdf")
    assert html is not None and "NO-GO" in html.read_text(encoding="utf-8")
    assert pdf is not None and pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 2000


def test_live_preview_shows_frames_with_overlay_numbers(
    qtbot, make_panel, good_video: Path, test_profile: StudioProfile
) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(replace_source(test_profile, good_video))
    panel.preview_toggle.click()
    qtbot.waitUntil(lambda: panel.preview.shown_seq > 5 and panel.preview.overlay is not None, timeout=5000)
    overlay = panel.preview.overlay
    assert overlay is not None and overlay.uniformity > 0.8 and overlay.sharpness > 50
    panel.preview_toggle.click()
    assert panel.preview.overlay is None


def test_a_missing_camera_shows_a_message_not_a_traceback(
    qtbot, make_panel, tmp_path: Path, test_profile: StudioProfile
) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(replace_source(test_profile, tmp_path / "unplugged.avi"))
    panel.preview_toggle.click()
    qtbot.waitUntil(lambda: "Cannot open" in panel.preview.message, timeout=5000)
    run = _run_camera_only(qtbot, panel)
    assert run.verdict is Verdict.NO_GO
    assert panel.lights.status_of("camera") is ProbeStatus.ERROR


def replace_source(profile: StudioProfile, video: Path) -> StudioProfile:
    return profile.with_overrides(camera_source=str(video))


def test_live_mic_meter_reads_the_true_level_and_the_watch_raises_a_silent_mic_alert(
    qtbot, make_panel, pulse_server, test_profile: StudioProfile, fake_clock, app_context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    from audio_fixtures import sine, stereo

    from studio_app.ui import theme
    from studio_app.ui.checks.level_meter import level_colour

    panel = make_panel(test_profile.with_overrides(mic_device="pulse"))
    player = pulse_server.play(stereo(sine(1000, -6.0, seconds=20.0)))
    try:
        panel.meter_toggle.click()
        # A sine's RMS is 3.01 dB under its peak: −6 dBFS peak reads −9.0 dBFS RMS.
        qtbot.waitUntil(lambda: abs(panel.meter.rms_dbfs[0] + 9.03) < 0.3, timeout=8000)
        assert abs(panel.meter.peak_hold_dbfs[0] + 6.0) < 0.3
        assert level_colour(panel.meter.peak_hold_dbfs[0]) == theme.WARN  # yellow from −12, red from −3
        panel.watch_toggle.click()
        assert panel.watch_toggle.isChecked() and "mic level" in panel.watch_status.text()
    finally:
        player.stop()

    def silent_long_enough() -> bool:
        fake_clock.advance(0.5)  # show time passes; the watch reads its sensors by this clock
        return bool(panel.alert_banner.alerts)

    with qtbot.waitSignal(panel.watch_alerts_changed, timeout=10000):
        qtbot.waitUntil(silent_long_enough, timeout=10000)
    (alert,) = panel.alert_banner.alerts
    assert alert.kind == "mic.silent" and "mute" in alert.fix
    assert panel.alert_banner.isVisible() or not panel.isVisible()
    qtbot.waitUntil(lambda: _stored_alert_kinds(app_context) == ["mic.silent"], timeout=5000)


def _stored_alert_kinds(context: AppContext) -> list[str]:
    with context.db.session() as s:
        return [a.kind for a in checks_repo.list_alerts(s, since=context.clock.now().replace(year=2000))]


def test_cancel_ends_a_check_stuck_on_a_dead_stream_and_it_is_no_go(
    qtbot, make_panel, test_profile: StudioProfile
) -> None:  # type: ignore[no-untyped-def]
    import socket

    with socket.socket() as silent:  # accepts connections, never answers: a hung IP camera
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/video.mjpg"
        panel = make_panel(test_profile.with_overrides(camera_source=url))
        panel.set_selection({"camera"})
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
        assert panel.lights.lights["camera"].state.text() == "checking…"
        assert panel.cancel_button.isEnabled()
        with qtbot.waitSignal(panel.check_finished, timeout=3000) as finished:
            qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
        run = finished.args[0]
    assert run.cancelled and run.verdict is Verdict.NO_GO
    assert panel.verdict.verdict is Verdict.NO_GO
    assert panel.run_button.isEnabled() and not panel.cancel_button.isEnabled()


def test_profile_editor_refuses_bad_input_in_words_and_saves_a_good_profile(
    qtbot, make_panel, test_profile: StudioProfile, app_context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    from studio_app.ui.checks.profile_editor import ProfileEditor

    panel = make_panel(test_profile)
    editor = ProfileEditor(panel.profile, panel)
    qtbot.addWidget(editor)
    editor.thresholds.setText("{oops")
    editor.accept()
    assert editor.result_profile is None and "JSON" in editor.error.text()
    editor.thresholds.setText('{"uniformity_warn": 0.5, "no_such_line": 1}')
    editor.accept()
    assert editor.result_profile is None and "no_such_line" in editor.error.text()
    editor.thresholds.setText('{"uniformity_warn": 0.5}')
    editor.name.setText("B 间 25p")
    editor.fps.setValue(25)
    editor.accept()
    assert editor.result_profile is not None and editor.result_profile.target_fps == 25
    panel.save_profile(editor.result_profile)
    qtbot.waitUntil(lambda: panel.profile_combo.currentText() == "B 间 25p", timeout=5000)
    with app_context.db.session() as s:
        stored = checks_repo.get_profile(s, None)
    assert stored.name == "B 间 25p" and dict(stored.thresholds) == {"uniformity_warn": 0.5}


def test_double_clicking_a_history_row_shows_that_run(
    qtbot, make_panel, good_video: Path, lens_cap_video: Path, test_profile: StudioProfile
) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(replace_source(test_profile, good_video))
    _run_camera_only(qtbot, panel)
    panel.save_profile(replace_source(test_profile, lens_cap_video))
    qtbot.waitUntil(lambda: panel.profile.camera_source == str(lens_cap_video), timeout=5000)
    _run_camera_only(qtbot, panel)
    qtbot.waitUntil(lambda: panel.history.rowCount() == 2, timeout=5000)
    assert panel.verdict.verdict is Verdict.NO_GO
    panel.show()
    qtbot.waitExposed(panel)
    panel.tabs.setCurrentIndex(2)
    older = panel.history.visualItemRect(panel.history.item(1, 0)).center()
    qtbot.mouseClick(panel.history.viewport(), Qt.MouseButton.LeftButton, pos=older)
    qtbot.mouseDClick(panel.history.viewport(), Qt.MouseButton.LeftButton, pos=older)
    qtbot.waitUntil(lambda: panel.verdict.verdict is Verdict.GO, timeout=5000)
    assert panel.lights.status_of("camera") is ProbeStatus.PASS


def test_watch_counts_camera_frames_without_the_preview_and_skips_a_camera_it_cannot_open(
    qtbot, make_panel, good_video: Path, tmp_path: Path, test_profile: StudioProfile, fake_clock
) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(replace_source(test_profile, good_video))
    panel.watch_toggle.click()
    assert "camera frame rate" in panel.watch_status.text()

    def counted() -> bool:
        fake_clock.advance(0.5)
        fps = panel.camera_fps()
        return fps is not None and abs(fps - 30.0) < 3.0

    qtbot.waitUntil(counted, timeout=5000)  # the frame counter runs at the file's 30 fps, undecoded
    assert panel.preview.overlay is None and not panel.alert_banner.alerts
    # A check during the show borrows the camera from the counter and hands it back afterwards.
    assert _run_camera_only(qtbot, panel).verdict is Verdict.GO
    qtbot.waitUntil(counted, timeout=5000)
    assert not panel.alert_banner.alerts
    panel.watch_toggle.click()

    panel.save_profile(replace_source(test_profile, tmp_path / "unplugged.avi"))
    qtbot.waitUntil(lambda: panel.profile.camera_source.endswith("unplugged.avi"), timeout=5000)
    panel.watch_toggle.click()

    def dropped() -> bool:
        fake_clock.advance(0.5)
        return "not watched" in panel.watch_status.text()

    qtbot.waitUntil(dropped, timeout=5000)
    assert not panel.alert_banner.alerts  # a camera we cannot open is reported once, not as an alarm


def test_watch_tells_to_switch_to_the_hotspot_when_the_ingest_stops_answering(
    qtbot, make_panel, test_profile: StudioProfile, fake_clock, app_context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    import socket

    # A listener that never accepts: once its backlog is full the kernel drops new SYNs, like an ingest
    # behind a line that has gone dead.
    with socket.socket() as dead:
        dead.bind(("127.0.0.1", 0))
        dead.listen(0)
        ingest = f"rtmp://127.0.0.1:{dead.getsockname()[1]}/live"
        panel = make_panel(
            test_profile.with_overrides(camera_source="", ingest_url=ingest, hotspot_interface="wwan0")
        )
        panel.watch_toggle.click()
        assert panel.watch_status.text() == "Watching: uplink RTT, uplink loss, backup hotspot"

        def alerted() -> bool:
            fake_clock.advance(1.0)
            return any(a.kind == "uplink.rtt_high" for a in panel.alert_banner.alerts)

        qtbot.waitUntil(alerted, timeout=15000)
    alert = next(a for a in panel.alert_banner.alerts if a.kind == "uplink.rtt_high")
    assert alert.fix == "Switch the push to the backup hotspot (wwan0)."
    assert "does not answer" in alert.message
    assert "wwan0" in panel.alert_banner.label.text()


def test_full_check_from_the_panel_with_every_probe_against_real_services(
    qtbot, make_panel, good_video: Path, test_profile: StudioProfile, pulse_server, nginx_rtmp
) -> None:  # type: ignore[no-untyped-def]
    from audio_fixtures import speech_like, stereo

    from studio_app.probes.upload_sink import UploadSinkServer

    sink = UploadSinkServer().start_background()
    player = pulse_server.play(stereo(speech_like()))
    try:
        panel = make_panel(
            test_profile.with_overrides(
                camera_source=str(good_video),
                mic_device="pulse",
                ingest_url=nginx_rtmp.ingest,
                upload_target=f"http://127.0.0.1:{sink.port}/upload-probe",
            )
        )
        panel.set_selection({"camera", "mic", "network"})
        with qtbot.waitSignal(panel.check_finished, timeout=15000) as finished:
            qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    finally:
        player.stop()
        sink.close()
    run = finished.args[0]
    assert {r.probe for r in run.results} == {"camera", "lighting", "mic", "network"}
    for probe in ("camera", "lighting", "mic", "network"):
        assert panel.lights.status_of(probe) in (ProbeStatus.PASS, ProbeStatus.WARN), run.result(probe)
    assert panel.lights.status_of("hotspot") is None
    assert run.verdict in (Verdict.GO, Verdict.WARN) and run.duration_s <= 10.0
    # The check's upload lands in the uplink graph.
    qtbot.waitUntil(lambda: len(panel.graph.graph.upload.getData()[1] or []) == 1, timeout=5000)
