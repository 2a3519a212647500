"""Real test material for the camera and lighting probes: video files written with OpenCV (and ffmpeg for
variable frame timing), an MJPEG stream over HTTP on loopback, a socket that never answers, and a small HTTP
server speaking the Elgato Key Light API (the one device that cannot exist here)."""

from __future__ import annotations

import json
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import cv2
import numpy as np

from studio_app.probes.frames import linear_to_srgb, srgb_to_linear

# Small pictures keep the tests quick on a shared 2-core machine; every analysis works the same at any
# size up to its 640 px analysis width.
W, H, FPS = 320, 180, 30.0


def texture(seed: int = 1, width: int = W, height: int = H) -> np.ndarray:
    """Zero-mean detail in [-1, 1]: blurred noise, so it survives JPEG and shows motion between frames."""
    rng = np.random.default_rng(seed)
    noise = rng.standard_normal((height, width)).astype(np.float32)
    blurred = cv2.GaussianBlur(noise, (0, 0), 1.5)
    blurred -= blurred.mean()
    return np.asarray(blurred / np.abs(blurred).max(), dtype=np.float32)


def grey_scene(
    level: float = 128.0, amplitude: float = 40.0, seed: int = 1, width: int = W, height: int = H
) -> np.ndarray:
    """A neutral (R = G = B) textured scene, float32 code values."""
    plane = level + amplitude * texture(seed, width, height)
    return np.repeat(plane[:, :, None], 3, axis=2)


def to_frame(scene: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(scene), 0, 255).astype(np.uint8)


def moving(
    scene: np.ndarray,
    count: int,
    step_px: int = 3,
    light: Callable[[int, np.ndarray], np.ndarray] | None = None,
) -> list[np.ndarray]:
    """``count`` frames of the scene panning sideways (a circular shift keeps every frame's mean exact),
    then lit by ``light(index, scene)`` when given: the lights stay put while the content moves."""
    frames = []
    for i in range(count):
        moved = np.roll(scene, i * step_px, axis=1)
        frames.append(to_frame(light(i, moved) if light else moved))
    return frames


def darken_left_half(scene: np.ndarray, stops: float) -> np.ndarray:
    """The left half of the picture gets 2^-stops of the light (in linear light, as a real lamp would)."""
    out = scene.copy()
    half = scene.shape[1] // 2
    out[:, :half] = linear_to_srgb(srgb_to_linear(np.clip(out[:, :half], 0, 255)) * 2.0**-stops)
    return out


def write_avi(path: Path, frames: Sequence[np.ndarray], fps: float = FPS) -> Path:
    """Motion-JPEG in AVI: what the headless OpenCV wheel can write on every platform."""
    h, w = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (w, h))
    assert writer.isOpened(), "OpenCV cannot write MJPG/AVI here"
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path


def write_with_gaps(
    ffmpeg: str, path: Path, frames: Sequence[np.ndarray], drop: Sequence[int], fps: float = FPS
) -> Path:
    """A Matroska file whose frames keep their original times with the ``drop`` frames removed: a camera
    that lost frames. ffmpeg's ``select`` + passthrough timing keeps the gaps in the timestamps."""
    source = write_avi(path.with_suffix(".src.avi"), frames, fps)
    expr = "+".join(f"eq(n\\,{i})" for i in drop)
    subprocess.run(
        [
            *(ffmpeg, "-v", "error", "-y", "-i", str(source), "-vf", f"select='not({expr})'"),
            *("-fps_mode", "passthrough", "-c:v", "mjpeg", "-q:v", "3", str(path)),
        ],
        check=True,
        timeout=60,
    )
    return path


class _MjpegHandler(BaseHTTPRequestHandler):
    server: _MjpegHTTPServer

    def do_GET(self) -> None:
        srv = self.server
        self.send_response(200)
        self.send_header("Content-Type", "multipart/x-mixed-replace; boundary=frame")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        index = 0
        # Paced like a camera: frames at fixed instants, not after fixed sleeps, so pacing does not drift.
        interval = 1.0 / srv.fps
        start = time.monotonic()
        while not srv.closing.is_set():
            if srv.stop_after is not None and index >= srv.stop_after:
                return  # the camera "is unplugged": the connection closes mid-stream
            if srv.hang_after is not None and index >= srv.hang_after:
                srv.closing.wait()  # the camera hangs: the connection stays open, nothing more comes
                return
            jpeg = srv.jpegs[index % len(srv.jpegs)]
            try:
                self.wfile.write(
                    b"--frame\r\nContent-Type: image/jpeg\r\nContent-Length: %d\r\n\r\n" % len(jpeg)
                    + jpeg
                    + b"\r\n"
                )
                self.wfile.flush()
            except OSError:
                return
            index += 1
            # The camera's clock; waiting on the closing event also ends the stream at once on shutdown.
            srv.closing.wait(max(0.0, start + index * interval - time.monotonic()))

    def log_message(self, format: str, *args: object) -> None:
        pass


class _MjpegHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self, jpegs: list[bytes], fps: float, stop_after: int | None, hang_after: int | None
    ) -> None:
        super().__init__(("127.0.0.1", 0), _MjpegHandler)
        self.jpegs = jpegs
        self.fps = fps
        self.stop_after = stop_after
        self.hang_after = hang_after
        self.closing = threading.Event()


@contextmanager
def mjpeg_server(
    frames: Sequence[np.ndarray],
    fps: float = FPS,
    stop_after: int | None = None,
    hang_after: int | None = None,
) -> Iterator[str]:
    """Serve the frames (looping) as ``multipart/x-mixed-replace`` on loopback; yields the stream URL."""
    jpegs = [bytes(cv2.imencode(".jpg", f, [cv2.IMWRITE_JPEG_QUALITY, 90])[1]) for f in frames]
    server = _MjpegHTTPServer(jpegs, fps, stop_after, hang_after)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/stream.mjpg"
    finally:
        server.closing.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def silent_server() -> Iterator[str]:
    """A TCP port that accepts connections and never says a word: the worst kind of dead camera."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    closing = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not closing.is_set():
            try:
                conn, _ = listener.accept()
                held.append(conn)
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/live.mjpg"
    finally:
        closing.set()
        thread.join(timeout=5)
        for conn in held:
            conn.close()
        listener.close()


@dataclass
class KeyLightDevice:
    """The state the loopback Key Light server reports; tests change it between reads."""

    on: bool = True
    brightness: int = 40
    mireds: int = 179  # ≈ 5587 K
    name: str = "Key Light Left"
    raw_lights: Callable[[], object] | None = None  # overrides the JSON body, for malformed answers
    requests: list[str] = field(default_factory=list)


class _KeyLightHandler(BaseHTTPRequestHandler):
    server: _KeyLightHTTPServer

    def do_GET(self) -> None:
        device = self.server.device
        device.requests.append(self.path)
        if self.path == "/elgato/lights":
            body: object = (
                device.raw_lights()
                if device.raw_lights
                else {
                    "numberOfLights": 1,
                    "lights": [
                        {"on": int(device.on), "brightness": device.brightness, "temperature": device.mireds}
                    ],
                }
            )
        elif self.path == "/elgato/accessory-info":
            body = {"productName": "Elgato Key Light", "displayName": device.name, "firmwareVersion": "1.0.3"}
        else:
            self.send_error(404)
            return
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _KeyLightHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, device: KeyLightDevice) -> None:
        super().__init__(("127.0.0.1", 0), _KeyLightHandler)
        self.device = device


@contextmanager
def key_light_server(device: KeyLightDevice) -> Iterator[str]:
    """A Key Light API on loopback; yields its pinned address ``127.0.0.1:port``."""
    server = _KeyLightHTTPServer(device)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port_address() -> str:
    """An address where nothing listens (connection refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{s.getsockname()[1]}"
