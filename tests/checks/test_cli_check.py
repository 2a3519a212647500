"""`studio-app check` end to end: real video files as the camera, a real workspace database."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from audio_fixtures import pulse_server
from net_fixtures import nginx_rtmp

from studio_app.cli import main
from studio_app.probes import repo as checks_repo
from studio_app.probes.profile import StudioProfile
from studio_app.store.db import Database
from studio_app.workspace import Workspace

__all__ = ["nginx_rtmp", "pulse_server"]  # fixtures, imported for pytest

REQUIRED_CAMERA = {
    "width",
    "height",
    "fps",
    "fps_jitter_ms",
    "dropped_frames",
    "black_frames",
    "frozen_frames",
    "sharpness",
}
REQUIRED_LIGHTING = {
    "mean_luma",
    "clipped_pct",
    "crushed_pct",
    "uniformity",
    "color_cast",
    "flicker_hz",
    "flicker_depth",
}


def _store_profile(workspace: Path, profile: StudioProfile) -> None:
    db = Database.open(Workspace(workspace).ensure().db_path)
    with db.session() as s:
        checks_repo.save_profile(s, profile)
    db.close()


def _stored_runs(workspace: Path) -> list[checks_repo.RunSummary]:
    db = Database.open(Workspace(workspace).db_path)
    with db.session() as s:
        runs = checks_repo.list_runs(s)
    db.close()
    return runs


def test_json_output_of_a_good_camera_is_go_and_the_run_is_stored(
    tmp_path: Path, good_video: Path, test_profile: StudioProfile, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "ws"
    _store_profile(ws, test_profile)
    code = main(
        [
            "--workspace",
            str(ws),
            "--lang",
            "en",
            "check",
            "--profile",
            test_profile.name,
            "--camera",
            str(good_video),
            "--only",
            "camera,lighting",
            "--duration",
            "1.5",
            "--json",
        ]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["verdict"] == "go"
    assert set(out["probes"]) == {"camera", "lighting"}
    assert set(out["probes"]["camera"]["metrics"]) >= REQUIRED_CAMERA
    assert set(out["probes"]["lighting"]["metrics"]) >= REQUIRED_LIGHTING
    assert out["probes"]["camera"]["metrics"]["width"] == 640
    assert abs(out["probes"]["camera"]["metrics"]["fps"] - 30.0) < 1.5
    assert out["duration_s"] < 10
    (stored,) = _stored_runs(ws)
    assert stored.id == out["run_id"] and stored.source == "cli" and stored.profile_name == test_profile.name


def test_lens_cap_is_no_go_with_exit_1_and_a_table_with_the_fix(
    tmp_path: Path, lens_cap_video: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "out" / "report.html"
    code = main(
        [
            "--workspace",
            str(tmp_path / "ws"),
            "--lang",
            "en",
            "check",
            "--camera",
            str(lens_cap_video),
            "--only",
            "camera",
            "--duration",
            "1",
            "--report",
            str(report),
        ]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert "NO-GO" in out and "black" in out.lower()
    assert "What to fix" in out
    assert "lighting" not in out.lower().split("what to fix")[0]  # --only camera shows the camera only
    html = report.read_text(encoding="utf-8")
    assert "NO-GO" in html and "black_frames" in html


def test_chinese_output_with_lang_zh(
    tmp_path: Path, lens_cap_video: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "--workspace",
            str(tmp_path / "ws"),
            "--lang",
            "zh_CN",
            "check",
            "--camera",
            str(lens_cap_video),
            "--only",
            "camera",
            "--duration",
            "1",
        ]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert "不可开播" in out and "摄像头" in out


@pytest.mark.parametrize(
    "bad",
    [
        ["--only", "camera,smell"],
        ["--only", ""],
        ["--duration", "0"],
        ["--duration", "soon"],
        ["--profile", "no such room"],
        ["--ingest", "douyin"],
        ["--report", "show.pdf"],
    ],
)
def test_bad_arguments_exit_2_with_a_message(
    tmp_path: Path, bad: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        code = main(["--workspace", str(tmp_path / "ws"), "check", *bad])
        raise SystemExit(code)
    assert exited.value.code == 2
    assert capsys.readouterr().err.strip()


def test_missing_camera_file_is_an_error_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "--workspace",
            str(tmp_path / "ws"),
            "check",
            "--camera",
            str(tmp_path / "nothing.avi"),
            "--only",
            "camera",
            "--json",
        ]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    assert out["probes"]["camera"]["status"] == "error"
    assert out["probes"]["camera"]["message"]


def test_the_installed_command_runs_in_a_fresh_process(tmp_path: Path, good_video: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "studio_app",
            "--workspace",
            str(tmp_path / "ws"),
            "check",
            "--camera",
            str(good_video),
            "--only",
            "camera",
            "--duration",
            "1",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode in (0, 1), (
        proc.stderr
    )  # the default 1080p profile may warn on 640×360; never crash
    assert json.loads(proc.stdout)["probes"]["camera"]["metrics"]["width"] == 640


def test_full_check_of_every_probe_against_real_services_finishes_within_10_s(
    tmp_path: Path,
    good_video: Path,
    test_profile: StudioProfile,
    nginx_rtmp,  # type: ignore[no-untyped-def]
    pulse_server,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Camera from a file, mic from a PulseAudio sink, ingest nginx-rtmp, upload sink, hotspot bound to lo."""
    from audio_fixtures import speech_like, stereo

    from studio_app.probes.upload_sink import UploadSinkServer

    ws = tmp_path / "ws"
    _store_profile(ws, test_profile)
    sink = UploadSinkServer().start_background()
    player = pulse_server.play(stereo(speech_like()))
    try:
        code = main(
            [
                "--workspace",
                str(ws),
                "--lang",
                "en",
                "check",
                "--profile",
                test_profile.name,
                "--camera",
                str(good_video),
                "--mic",
                "pulse",
                "--ingest",
                nginx_rtmp.ingest,
                "--upload-target",
                f"http://127.0.0.1:{sink.port}/upload-probe",
                "--hotspot",
                "lo",
                "--duration",
                "2",
                "--json",
            ]
        )
    finally:
        player.stop()
        sink.close()
    out = json.loads(capsys.readouterr().out)
    statuses = {name: p["status"] for name, p in out["probes"].items()}
    assert set(statuses) == {"camera", "lighting", "mic", "network", "hotspot"}
    for probe in ("camera", "lighting", "mic", "network"):
        assert statuses[probe] in ("pass", "warn"), (probe, out["probes"][probe]["message"])
    # ``lo`` is no real uplink (its routes live in the local table); whatever the hotspot probe concludes,
    # it measured and explained it, and the verdict and exit code follow the worst status.
    assert statuses["hotspot"] in ("pass", "warn", "fail") and out["probes"]["hotspot"]["message"]
    expected = "no-go" if statuses["hotspot"] == "fail" else ("warn" if "warn" in statuses.values() else "go")
    assert out["verdict"] == expected
    assert code == (1 if expected == "no-go" else 0)
    assert out["duration_s"] <= 10.0
    for name in (
        "rms_dbfs",
        "peak_dbfs",
        "clipping",
        "noise_floor_dbfs",
        "snr_db",
        "hum_hz",
        "hum_db",
        "dc_offset",
    ):
        assert name in out["probes"]["mic"]["metrics"]
    for name in (
        "dns_ms",
        "connect_ms",
        "rtmp_handshake_ms",
        "rtt_ms",
        "jitter_ms",
        "loss_pct",
        "upload_mbps",
    ):
        assert name in out["probes"]["network"]["metrics"], name
    assert out["probes"]["network"]["metrics"]["upload_mbps"] > 8  # loopback: far above 2× the 4 Mbit/s push
