"""The camera probe against real sources: video files written here, an MJPEG stream over HTTP on loopback,
and sockets that never answer. Expected values follow from what each test generated."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import cv2
import numpy as np
import pytest
from camera_fixtures import (
    FPS,
    H,
    W,
    grey_scene,
    mjpeg_server,
    moving,
    silent_server,
    to_frame,
    write_avi,
    write_with_gaps,
)
from support import require_tool

from studio_app.probes.camera import (
    CameraConfig,
    SourceKind,
    capture_frames,
    classify_source,
    list_cameras,
    measure_sharpness,
    run_camera_probe,
)
from studio_app.probes.result import ProbeResult, ProbeStatus


def codes(result: ProbeResult) -> set[str]:
    return {f.code for f in result.findings}


def probe_file(path: Path, **cfg: object) -> tuple[ProbeResult, ProbeResult]:
    config = CameraConfig(str(path), target_width=W, target_height=H, **cfg)  # type: ignore[arg-type]
    return run_camera_probe(config, threading.Event(), deadline_s=20.0)


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("camera-media")


@pytest.fixture(scope="module")
def good_video(media: Path) -> Path:
    return write_avi(media / "good.avi", moving(grey_scene(), 80))


def test_a_good_file_passes_with_its_true_size_and_rate(good_video: Path) -> None:
    camera, lighting = probe_file(good_video)

    assert camera.status is ProbeStatus.PASS, camera.findings
    m = camera.metrics
    assert (m["width"], m["height"]) == (W, H)
    # 2.5 s of a 30 fps file: frames at 0, 1/30, ... 74/30 s, read from the file's own timestamps.
    assert m["frames"] == 75
    assert m["fps"] == pytest.approx(30.0, abs=0.01)
    assert m["fps_jitter_ms"] == pytest.approx(0.0, abs=0.05)
    assert (m["dropped_frames"], m["black_frames"], m["frozen_frames"]) == (0, 0, 0)
    assert isinstance(m["sharpness"], float) and m["sharpness"] > 0
    assert lighting.status is ProbeStatus.PASS, lighting.findings


def test_sharp_and_blurred_scenes_compare_against_the_saved_reference(media: Path) -> None:
    scene = grey_scene()
    sharp = write_avi(media / "sharp.avi", moving(scene, 80))
    blurred = write_avi(media / "blurred.avi", moving(cv2.GaussianBlur(scene, (0, 0), 2.5), 80))
    # The technician saves the reference from the camera itself at setup: one frame of the sharp scene.
    reference_capture = capture_frames(
        CameraConfig(str(sharp), duration_s=0.1), threading.Event(), deadline_s=10.0
    )
    reference = measure_sharpness(reference_capture.frames[0])

    sharp_camera, _ = probe_file(sharp, reference_sharpness=reference)
    blurred_camera, _ = probe_file(blurred, reference_sharpness=reference)

    assert sharp_camera.metrics["sharpness_ratio"] == pytest.approx(1.0, abs=0.1)
    assert "camera.focus" not in codes(sharp_camera)
    # A Gaussian blur of σ = 2.5 px removes most of the texture's detail (σ 1.5 px): without JPEG the
    # Laplacian variance falls to under a tenth; the codec's block edges add some back.
    source_ratio = measure_sharpness(to_frame(cv2.GaussianBlur(scene, (0, 0), 2.5))) / measure_sharpness(
        to_frame(scene)
    )
    assert source_ratio < 0.1
    ratio = blurred_camera.metrics["sharpness_ratio"]
    assert isinstance(ratio, float) and ratio < 0.25
    assert blurred_camera.status is ProbeStatus.WARN
    assert "camera.focus" in codes(blurred_camera)


def test_a_frozen_stretch_is_counted_frame_by_frame(media: Path) -> None:
    frames = moving(grey_scene(), 80)
    frames[30:50] = [frames[30]] * 20  # 20 identical frames: the 19 after the first repeat it
    camera, _ = probe_file(write_avi(media / "frozen.avi", frames))

    assert camera.metrics["frozen_frames"] == 19
    assert camera.metrics["identical_frames"] == 19  # MJPG encodes a repeated frame to the same bytes
    assert camera.status is ProbeStatus.WARN  # 19 of 74 pairs: over 2 %, under half
    frozen = next(f for f in camera.findings if f.code == "camera.frozen")
    assert frozen.message == "The picture did not change for 19 frames (longest run 19)."


def test_a_stuck_camera_repeating_one_frame_fails(media: Path) -> None:
    camera, _ = probe_file(write_avi(media / "stuck.avi", [to_frame(grey_scene())] * 80))

    assert camera.metrics["frozen_frames"] == camera.metrics["identical_frames"] == 74
    assert camera.status is ProbeStatus.FAIL
    assert "stuck" in next(f.message for f in camera.findings if f.code == "camera.frozen")


def test_a_still_scene_with_sensor_noise_is_only_a_warning(media: Path) -> None:
    # Nobody in front of a camera in good light: frames differ only by a little sensor noise (σ 0.7).
    rng = np.random.default_rng(5)
    scene = grey_scene()
    frames = [to_frame(scene + rng.normal(0, 0.7, (H, W))[:, :, None]) for _ in range(80)]
    camera, _ = probe_file(write_avi(media / "still.avi", frames))

    assert camera.metrics["frozen_frames"] == 74  # SSIM over 0.985 (the webrtc line) ...
    assert camera.metrics["identical_frames"] == 0  # ... but never the same pixels: not stuck
    assert camera.status is ProbeStatus.WARN


def test_black_frames_are_counted_and_do_not_fake_flicker(media: Path) -> None:
    frames = moving(grey_scene(), 80)
    for i in range(40, 45):
        frames[i] = np.zeros_like(frames[i])
    camera, lighting = probe_file(write_avi(media / "black.avi", frames))

    assert camera.metrics["black_frames"] == 5
    assert camera.metrics["frozen_frames"] == 0  # black frames are black, not also frozen
    assert "camera.black" in codes(camera)
    assert camera.status is ProbeStatus.WARN
    assert not {c for c in codes(lighting) if c.startswith("lighting.flicker")}


def test_a_lens_cap_fails_as_a_black_picture(media: Path) -> None:
    frames = [np.full((H, W, 3), 3, np.uint8)] * 80
    camera, lighting = probe_file(write_avi(media / "cap.avi", frames))

    assert camera.metrics["black_frames"] == 75
    assert camera.status is ProbeStatus.FAIL
    assert "camera.black" in codes(camera)
    assert lighting.status is ProbeStatus.FAIL  # and far too dark
    assert "lighting.too_dark" in codes(lighting)


def test_gaps_in_the_timestamps_count_as_dropped_frames(media: Path) -> None:
    ffmpeg = require_tool("ffmpeg")
    path = write_with_gaps(ffmpeg, media / "gaps.mkv", moving(grey_scene(), 90), drop=range(30, 35))
    camera, _ = probe_file(path)

    # Frames 0-74 fall inside 2.5 s; five of them are missing in one gap of 6 intervals.
    assert camera.metrics["dropped_frames"] == 5
    assert camera.metrics["frames"] == 70
    assert camera.metrics["fps"] == pytest.approx(69 / (74 / 30), abs=0.05)
    # 5 lost of 75 expected = 6.7 %: over OBS's 5 % critical line. 27.97 fps is under 95 % of 30.
    assert camera.status is ProbeStatus.FAIL
    assert {"camera.dropped", "camera.fps_low"} <= codes(camera)


def test_a_slow_camera_fails_the_frame_rate_band(media: Path) -> None:
    camera, _ = probe_file(write_avi(media / "slow.avi", moving(grey_scene(), 60), fps=20.0))

    assert camera.metrics["fps"] == pytest.approx(20.0, abs=0.01)
    assert camera.status is ProbeStatus.FAIL  # 20/30 = 67 % < 80 %
    assert "camera.fps_low" in codes(camera)


def test_a_smaller_picture_than_the_profile_warns(good_video: Path) -> None:
    config = CameraConfig(str(good_video))  # profile default: 1920×1080
    camera, _ = run_camera_probe(config, threading.Event(), deadline_s=20.0)

    assert camera.status is ProbeStatus.WARN
    assert "camera.resolution" in codes(camera)
    assert f"{W}×{H}" in next(f.message for f in camera.findings if f.code == "camera.resolution")


def test_frames_are_kept_at_analysis_size_to_bound_memory(media: Path) -> None:
    big = write_avi(media / "big.avi", [np.full((1080, 1920, 3), 120, np.uint8)] * 10)
    capture = capture_frames(CameraConfig(str(big), duration_s=1.0), threading.Event(), deadline_s=10.0)

    assert (capture.width, capture.height) == (1920, 1080)
    assert len(capture.frames) == 10  # a short file simply ends; that is not an error
    assert capture.errors == ()
    assert capture.frames[0].shape == (360, 640, 3)


def test_a_missing_file_is_an_error_with_a_fix(tmp_path: Path) -> None:
    camera, lighting = probe_file(tmp_path / "nope.mp4")

    assert camera.status is ProbeStatus.ERROR
    assert codes(camera) == {"camera.file_missing"}
    assert camera.findings[0].fix
    assert set(camera.metrics) >= {"width", "height", "fps", "fps_jitter_ms", "dropped_frames", "sharpness"}
    assert lighting.status is ProbeStatus.SKIPPED


def test_a_file_that_is_not_a_video_is_an_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.avi"
    junk.write_bytes(b"this is not a video" * 100)
    camera, _ = probe_file(junk)

    assert camera.status is ProbeStatus.ERROR
    assert codes(camera) & {"camera.open_failed", "camera.no_frames"}


def test_an_mjpeg_stream_over_http_is_timed_by_its_arrivals() -> None:
    frames = moving(grey_scene(), 30)
    with mjpeg_server(frames, fps=FPS) as url:
        config = CameraConfig(url, target_width=W, target_height=H, open_timeout_s=3.0, read_timeout_s=2.0)
        camera, lighting = run_camera_probe(config, threading.Event(), deadline_s=8.0)

    assert classify_source(url)[0] is SourceKind.URL
    assert not any(f.status is ProbeStatus.ERROR for f in camera.findings), camera.findings
    assert (camera.metrics["width"], camera.metrics["height"]) == (W, H)
    # The server sends 30 frames a second; read times on a busy shared machine wobble, the mean does not.
    assert camera.metrics["fps"] == pytest.approx(30.0, rel=0.15)
    assert isinstance(camera.metrics["frames"], int) and camera.metrics["frames"] >= 55
    assert camera.metrics["frozen_frames"] == 0
    assert lighting.metrics["mean_luma"] == pytest.approx(128.0, abs=3.0)


def test_a_stream_that_dies_mid_check_is_an_error_with_the_reason() -> None:
    with mjpeg_server(moving(grey_scene(), 30), fps=FPS, stop_after=30) as url:
        config = CameraConfig(url, target_width=W, target_height=H, read_timeout_s=1.0)
        camera, lighting = run_camera_probe(config, threading.Event(), deadline_s=8.0)

    assert camera.status is ProbeStatus.ERROR
    assert "camera.lost" in codes(camera)
    lost = next(f for f in camera.findings if f.code == "camera.lost")
    assert "stopped sending pictures" in lost.message and lost.fix
    # What arrived before the cut still tells about the light.
    assert lighting.metrics["mean_luma"] == pytest.approx(128.0, abs=3.0)


def test_a_stream_that_hangs_mid_check_is_reported_stalled_within_the_deadline() -> None:
    with mjpeg_server(moving(grey_scene(), 30), fps=FPS, hang_after=20) as url:
        config = CameraConfig(url, target_width=W, target_height=H, read_timeout_s=30.0)
        started = time.monotonic()
        capture = capture_frames(config, threading.Event(), deadline_s=2.5)
        elapsed = time.monotonic() - started

    assert elapsed < 3.5
    assert [e.code for e in capture.errors] == ["camera.stalled"]
    assert 0 < len(capture.frames) <= 20


def test_a_deadline_shorter_than_the_capture_keeps_what_arrived() -> None:
    # The stream is healthy; the deadline (1.5 s) simply ends the 2.5 s capture early.
    with mjpeg_server(moving(grey_scene(), 30), fps=FPS) as url:
        capture = capture_frames(CameraConfig(url, duration_s=2.5), threading.Event(), deadline_s=1.5)

    assert capture.errors == ()
    # At most (1.5 s - 0.3 s warm-up) × 30 fps; fewer when a busy machine opens the stream slowly.
    assert 5 <= len(capture.frames) <= 40
    assert capture.timestamps_s[-1] < 1.3


def test_a_url_that_never_answers_returns_an_error_within_the_deadline() -> None:
    with silent_server() as url:
        # OpenCV's own timeouts are set longer than the deadline: the daemon thread must save us.
        config = CameraConfig(url, open_timeout_s=30.0, read_timeout_s=30.0)
        started = time.monotonic()
        camera, lighting = run_camera_probe(config, threading.Event(), deadline_s=1.0)
        elapsed = time.monotonic() - started

    assert elapsed < 1.75  # the deadline plus scheduling slack; OpenCV alone would wait 30 s
    assert camera.status is ProbeStatus.ERROR
    assert codes(camera) == {"camera.no_answer"}
    assert "did not answer within" in camera.message
    assert lighting.status is ProbeStatus.SKIPPED


def test_opencvs_open_timeout_ends_a_silent_url_before_the_deadline() -> None:
    with silent_server() as url:
        config = CameraConfig(url, open_timeout_s=0.5, read_timeout_s=0.5)
        started = time.monotonic()
        capture = capture_frames(config, threading.Event(), deadline_s=10.0)
        elapsed = time.monotonic() - started

    assert elapsed < 5.0
    assert [e.code for e in capture.errors] == ["camera.open_failed"]
    assert all(e.status is ProbeStatus.ERROR for e in capture.errors)


def test_cancel_stops_a_hanging_capture_promptly() -> None:
    cancel = threading.Event()
    with silent_server() as url:
        timer = threading.Timer(0.3, cancel.set)
        timer.start()
        started = time.monotonic()
        camera, lighting = run_camera_probe(
            CameraConfig(url, open_timeout_s=30.0, read_timeout_s=30.0), cancel, deadline_s=10.0
        )
        elapsed = time.monotonic() - started
        timer.join()

    assert elapsed < 2.0
    assert camera.status is ProbeStatus.SKIPPED
    assert lighting.status is ProbeStatus.SKIPPED


def test_cameras_are_listed_with_their_os_names(tmp_path: Path) -> None:
    root = tmp_path / "video4linux"
    for node, name, index in (
        ("video0", "HD Pro Webcam C920", "0"),
        ("video1", "HD Pro Webcam C920", "1"),  # the UVC metadata node: not a picture source
        ("video2", "USB3.0 HD Video Capture", "0"),
    ):
        (root / node).mkdir(parents=True)
        (root / node / "name").write_text(name + "\n")
        (root / node / "index").write_text(index + "\n")

    cameras = list_cameras(root)

    assert [(c.index, c.name, c.path) for c in cameras] == [
        (0, "HD Pro Webcam C920", "/dev/video0"),
        (2, "USB3.0 HD Video Capture", "/dev/video2"),
    ]
    assert cameras[0].label == "0: HD Pro Webcam C920"
    assert list_cameras(tmp_path / "absent") == []


def test_a_device_index_that_does_not_exist_is_an_error() -> None:
    camera, _ = run_camera_probe(CameraConfig(97), threading.Event(), deadline_s=5.0)

    assert camera.status is ProbeStatus.ERROR
    assert codes(camera) & {"camera.open_failed", "camera.no_frames", "camera.no_answer"}


def test_sources_are_told_apart() -> None:
    assert classify_source(0) == (SourceKind.DEVICE, 0)
    assert classify_source(" 2 ") == (SourceKind.DEVICE, 2)
    assert classify_source("rtsp://10.0.0.5/live") == (SourceKind.URL, "rtsp://10.0.0.5/live")
    assert classify_source("/dev/video2") == (SourceKind.DEVICE, 2)
    assert classify_source("C:/videos/test.mp4")[0] is SourceKind.FILE
    assert classify_source("~/clips/a.mp4")[1] == str(Path.home() / "clips" / "a.mp4")
