"""A private PulseAudio server with a null sink whose monitor is the default source, and test signals.

PortAudio records the monitor through ALSA's "pulse" device (libasound2-plugins), so a signal played into
the sink with ``pacat`` comes back bit-exact (float32 sink at 48 kHz: no conversion, no resampling).
Import the fixtures into a test module with ``from audio_fixtures import pulse_server``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from support import require_tool

SAMPLERATE = 48000
SINK = "studio_test_sink"


@dataclass
class PulseServer:
    runtime_dir: Path
    server: str  # PULSE_SERVER value
    sink: str

    def env(self) -> dict[str, str]:
        return {**os.environ, "PULSE_SERVER": self.server, "HOME": str(self.runtime_dir)}

    def pactl(self, *args: str) -> str:
        done = subprocess.run(
            ["pactl", *args], env=self.env(), capture_output=True, text=True, timeout=10, check=True
        )
        return done.stdout

    def play(self, signal: npt.NDArray[np.float32]) -> Player:
        """Start playing (frames, 2) float32 into the sink; stop it with ``Player.stop()``."""
        return Player(self, np.ascontiguousarray(signal, dtype=np.float32))


class Player:
    """``pacat`` playing raw float32 into the sink; ``signal=None`` plays exact zeros until stopped."""

    def __init__(self, server: PulseServer, signal: npt.NDArray[np.float32] | None) -> None:
        self._path: str | None = None
        source = "/dev/zero"
        if signal is not None:
            raw = tempfile.NamedTemporaryFile(suffix=".raw", delete=False)  # noqa: SIM115
            raw.write(signal.tobytes())
            raw.close()
            self._path = source = raw.name
        channels = 2 if signal is None else signal.shape[1]
        self.proc = subprocess.Popen(
            [
                "pacat",
                "--playback",
                "--raw",
                "--format=float32le",
                f"--rate={SAMPLERATE}",
                f"--channels={channels}",
                f"--device={server.sink}",
                f"--latency-msec={20 if signal is None else 250}",
                source,
            ],
            env=server.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self._server = server
        self._wait_until_playing()

    def _wait_until_playing(self, timeout_s: float = 5.0) -> None:
        """Return once PulseAudio plays our stream (its sink-input is there and not corked)."""
        end = time.monotonic() + timeout_s
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"pacat exited: {self.proc.stderr.read() if self.proc.stderr else ''}")
            if self._stream_running():
                return
            time.sleep(0.02)  # polling an external process's state, not waiting for our own thread
        raise TimeoutError("the PulseAudio sink never started playing")

    def _stream_running(self) -> bool:
        listing = self._server.pactl("list", "sink-inputs")
        for block in listing.split("Sink Input #")[1:]:
            if f'application.process.id = "{self.proc.pid}"' in block:
                return "Corked: no" in block
        return False

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(5)
        if self.proc.stderr:
            self.proc.stderr.close()
        if self._path:
            Path(self._path).unlink(missing_ok=True)


def _start_pulse(runtime: Path) -> subprocess.Popen[bytes]:
    socket_path = runtime / "native"
    return subprocess.Popen(
        [
            "pulseaudio",
            "-n",  # no default.pa: only what we load below
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--use-pid-file=no",
            "--disallow-exit",
            "--log-target=stderr",
            "--log-level=error",
            f"--load=module-native-protocol-unix auth-anonymous=1 socket={socket_path}",
            f"--load=module-null-sink sink_name={SINK} rate={SAMPLERATE} format=float32le channels=2",
        ],
        env={
            **os.environ,
            "PULSE_RUNTIME_PATH": str(runtime),
            "HOME": str(runtime),
            "XDG_RUNTIME_DIR": str(runtime),
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.fixture(scope="session")
def pulse_server() -> Iterator[PulseServer]:
    """PulseAudio on a private socket; PortAudio in this process is re-initialised to see it."""
    require_tool("pulseaudio")
    require_tool("pacat")
    require_tool("pactl")
    try:
        with pulse_context() as server:
            yield server
    except PulseStartError as exc:
        pytest.fail(str(exc))


class PulseStartError(RuntimeError):
    pass


@contextmanager
def pulse_context() -> Iterator[PulseServer]:
    """Start the private PulseAudio, point this process at it, and stop it afterwards (tests and bench)."""
    runtime = Path(tempfile.mkdtemp(prefix="studio-pulse-"))
    proc = _start_pulse(runtime)
    server = PulseServer(runtime, f"unix:{runtime / 'native'}", SINK)
    old_env = {k: os.environ.get(k) for k in ("PULSE_SERVER", "PULSE_RUNTIME_PATH")}
    keep_alive: Player | None = None
    try:
        end = time.monotonic() + 15
        while True:
            if proc.poll() is not None:
                err = proc.stderr.read().decode() if proc.stderr else ""
                raise PulseStartError(f"pulseaudio did not start: {err}")
            ok = subprocess.run(["pactl", "info"], env=server.env(), capture_output=True, timeout=5)
            if ok.returncode == 0:
                break
            if time.monotonic() > end:
                raise PulseStartError("pulseaudio did not answer within 15 s")
            time.sleep(0.05)  # polling an external daemon's start-up
        server.pactl("set-default-sink", SINK)
        server.pactl("set-default-source", f"{SINK}.monitor")
        os.environ["PULSE_SERVER"] = server.server
        os.environ["PULSE_RUNTIME_PATH"] = str(runtime)
        # With no stream playing, the null sink renders in blocks of up to 2 s, so a new recording waits up
        # to 2 s for its first audio. A low-latency stream of exact zeros keeps it rendering every 20 ms;
        # zeros mixed into a test signal leave it bit-exact, and alone they are the "silent" input.
        keep_alive = Player(server, None)
        _warm_up_portaudio()
        yield server
    finally:
        if keep_alive is not None:
            keep_alive.stop()
        for key, value in old_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        if proc.stderr:
            proc.stderr.close()
        shutil.rmtree(runtime, ignore_errors=True)


def _warm_up_portaudio() -> None:
    """Re-scan PortAudio devices and pull audio once: the first stream after PulseAudio starts can take
    about a second to deliver its first block, which would eat into the probes' deadlines."""
    from studio_app.probes.mic import list_microphones

    list_microphones(refresh=True)
    import sounddevice as sd

    flowing = threading.Event()
    frames = [0]

    def on_block(_indata: object, count: int, _time: object, _status: object) -> None:
        frames[0] += count
        if frames[0] >= SAMPLERATE // 10:
            flowing.set()

    with sd.InputStream(
        device="pulse", channels=2, samplerate=SAMPLERATE, dtype="float32", callback=on_block
    ):
        if not flowing.wait(10):
            raise PulseStartError("PortAudio got no audio from PulseAudio's monitor within 10 s")


# --- test signals (seconds long enough to outlast a 2 s capture) ---------------------------------------


def _time(seconds: float) -> npt.NDArray[np.float64]:
    return np.arange(int(SAMPLERATE * seconds)) / SAMPLERATE


def stereo(mono: npt.NDArray[np.float64]) -> npt.NDArray[np.float32]:
    return np.stack([mono, mono], axis=1).astype(np.float32)


def sine(freq_hz: float, peak_dbfs: float, seconds: float = 6.0) -> npt.NDArray[np.float64]:
    return 10 ** (peak_dbfs / 20) * np.sin(2 * np.pi * freq_hz * _time(seconds))


def hum(
    fundamental_hz: float, levels_dbfs: tuple[float, ...], seconds: float = 6.0
) -> npt.NDArray[np.float64]:
    """A mains hum: the fundamental and its harmonics at the given peak levels."""
    t = _time(seconds)
    return sum(
        (
            10 ** (db / 20) * np.sin(2 * np.pi * fundamental_hz * (k + 1) * t)
            for k, db in enumerate(levels_dbfs)
        ),
        np.zeros_like(t),
    )


def clipped_sine(
    freq_hz: float = 440.0, overdrive: float = 2.0, seconds: float = 6.0
) -> npt.NDArray[np.float64]:
    """A sine driven ``overdrive`` times past full scale, hard-clipped at ±1."""
    return np.clip(overdrive * np.sin(2 * np.pi * freq_hz * _time(seconds)), -1.0, 1.0)


def speech_like(seconds: float = 6.0, seed: int = 1) -> npt.NDArray[np.float64]:
    """Tone bursts (300 ms on, 200 ms off) over a −70 dBFS noise floor: a level, pauses and a quiet room."""
    t = _time(seconds)
    rng = np.random.default_rng(seed)
    bursts = ((t % 0.5) < 0.3).astype(np.float64)
    voice = 0.2 * np.sin(2 * np.pi * 320 * t) * bursts
    noise = rng.normal(0.0, 10 ** (-70 / 20), t.size)
    return voice + noise
