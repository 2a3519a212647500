"""Microphone acquisition through sounddevice (PortAudio): device listing, a timed capture, a live meter.

PortAudio calls the stream callbacks on its own real-time thread, so they only copy the block into a
preallocated buffer and count overflow flags; all analysis happens on the caller's thread.
PortAudio is process-wide: the device list is re-read (``Pa_Terminate``/``Pa_Initialize``) only while no
stream of ours is open, because re-initialising closes every open stream.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from studio_app.i18n import translate
from studio_app.probes.audio_analysis import analyse_audio, to_dbfs
from studio_app.probes.result import Finding, ProbeResult, ProbeStatus
from studio_app.probes.thresholds import AudioThresholds

_pa_lock = threading.RLock()  # PortAudio's API is not thread-safe across init/terminate
_open_streams = 0

# Which host API to use when one microphone is listed under several: the one with the least latency and
# no 31-character name truncation first.
_HOSTAPI_PREFERENCE = {
    "win32": ("Windows WASAPI", "Windows DirectSound", "MME", "Windows WDM-KS"),
    "darwin": ("Core Audio",),
    "linux": ("ALSA", "JACK Audio Connection Kit", "OSS"),
}


class MicError(RuntimeError):
    """The microphone could not be used; the message is in the UI language and says what to do."""

    def __init__(self, message: str, status: ProbeStatus = ProbeStatus.ERROR, code: str = "mic.error"):
        super().__init__(message)
        self.status = status
        self.code = code


def _sd() -> Any:
    """Import sounddevice lazily: it loads the PortAudio library, which may be missing on a bare machine."""
    try:
        import sounddevice
    except OSError as exc:  # the wheel has no PortAudio on Linux; libportaudio2 provides it
        raise MicError(
            translate("MicProbe", "The audio library PortAudio is not installed ({why}).").format(why=exc)
        ) from exc
    return sounddevice


@dataclass(frozen=True)
class MicConfig:
    device: str | int | None = None  # a name from list_microphones(), a PortAudio index, or the default
    duration_s: float = 2.0
    samplerate: int = 48000
    channels: int | None = None  # None: up to two, as many as the device has
    thresholds: AudioThresholds = field(default_factory=AudioThresholds)


@dataclass(frozen=True)
class MicDevice:
    """One microphone, however many host APIs list it."""

    name: str
    host_apis: tuple[str, ...]
    indices: tuple[int, ...]  # PortAudio device indices, same order as host_apis
    max_input_channels: int
    default_samplerate: float
    is_default: bool = False

    @property
    def preferred_index(self) -> int:
        order = _HOSTAPI_PREFERENCE.get(_platform_key(), ())
        ranked = sorted(
            zip(self.host_apis, self.indices, strict=True),
            key=lambda pair: order.index(pair[0]) if pair[0] in order else len(order),
        )
        return ranked[0][1]


@dataclass(frozen=True)
class AudioCapture:
    samples: npt.NDArray[np.float32]  # (frames, channels), ±1 full scale
    samplerate: int
    overflows: int  # PortAudio input-overflow flags seen during the capture
    device_name: str
    host_api: str
    duration_s: float


def _platform_key() -> str:
    if sys.platform.startswith("linux"):
        return "linux"
    return sys.platform


def _group_key(name: str) -> str:
    # MME cuts names at 31 characters and some APIs append " (2- USB Audio)"-style suffixes differently;
    # the first 31 characters, case-folded, identify the device well enough across APIs.
    return name.strip().casefold()[:31]


def _refresh_portaudio(sd: Any) -> None:
    """Re-scan devices (a USB microphone plugged in after start) unless one of our streams is open."""
    with _pa_lock:
        if _open_streams == 0:
            sd._terminate()
            sd._initialize()


def list_microphones(refresh: bool = True) -> list[MicDevice]:
    """Input devices grouped by name across host APIs, the system default first."""
    with _pa_lock:
        return _list_microphones(refresh)


def _list_microphones(refresh: bool) -> list[MicDevice]:
    sd = _sd()
    if refresh:
        _refresh_portaudio(sd)
    hostapis = sd.query_hostapis()
    try:
        default_in = sd.default.device[0]
    except Exception:  # no default device at all
        default_in = -1
    groups: dict[str, dict[str, Any]] = {}
    for dev in sd.query_devices():
        if dev["max_input_channels"] <= 0:
            continue
        key = _group_key(dev["name"])
        entry = groups.setdefault(
            key,
            {
                "name": dev["name"],
                "apis": [],
                "indices": [],
                "ch": 0,
                "sr": dev["default_samplerate"],
                "default": False,
            },
        )
        if len(dev["name"]) > len(entry["name"]):
            entry["name"] = dev["name"]  # keep the untruncated spelling
        entry["apis"].append(hostapis[dev["hostapi"]]["name"])
        entry["indices"].append(dev["index"])
        entry["ch"] = max(entry["ch"], dev["max_input_channels"])
        entry["default"] = entry["default"] or dev["index"] == default_in
    devices = [
        MicDevice(
            name=e["name"],
            host_apis=tuple(e["apis"]),
            indices=tuple(e["indices"]),
            max_input_channels=int(e["ch"]),
            default_samplerate=float(e["sr"]),
            is_default=bool(e["default"]),
        )
        for e in groups.values()
    ]
    devices.sort(key=lambda d: (not d.is_default, d.name.casefold()))
    return devices


def resolve_device(device: str | int | None) -> tuple[int, str, str, int]:
    """(PortAudio index, name, host API, max input channels) for a config's device, or :class:`MicError`."""
    with _pa_lock:
        return _resolve_device(device)


def _resolve_device(device: str | int | None) -> tuple[int, str, str, int]:
    sd = _sd()
    if device is None or device == "":
        mics = list_microphones(refresh=True)
        if not mics:
            raise MicError(
                translate("MicProbe", "No microphone found. Plug one in and allow microphone access."),
                ProbeStatus.FAIL,
                "mic.no_device",
            )
        chosen = next((m for m in mics if m.is_default), mics[0])
        index = chosen.preferred_index
    elif isinstance(device, int) or (isinstance(device, str) and device.isdigit()):
        index = int(device)
        list_microphones(refresh=True)
    else:
        mics = list_microphones(refresh=True)
        wanted = _group_key(device)
        exact = [m for m in mics if _group_key(m.name) == wanted]
        partial = [m for m in mics if wanted in m.name.casefold()]
        found = exact or partial
        if not found:
            names = ", ".join(m.name for m in mics) or "—"
            raise MicError(
                translate("MicProbe", "Microphone “{name}” not found. Available: {names}.").format(
                    name=device, names=names
                ),
                ProbeStatus.FAIL,
                "mic.not_found",
            )
        index = found[0].preferred_index
    try:
        info = sd.query_devices(index)
    except (ValueError, sd.PortAudioError) as exc:
        raise MicError(
            translate("MicProbe", "Microphone number {index} does not exist.").format(index=index),
            ProbeStatus.FAIL,
            "mic.not_found",
        ) from exc
    if info["max_input_channels"] <= 0:
        raise MicError(
            translate("MicProbe", "Device “{name}” has no input.").format(name=info["name"]),
            ProbeStatus.FAIL,
            "mic.not_found",
        )
    api = sd.query_hostapis(info["hostapi"])["name"]
    return index, str(info["name"]), str(api), int(info["max_input_channels"])


class _InputStream:
    """An open PortAudio input stream, counted so that device rescans wait until it is closed."""

    def __init__(self, sd: Any, **kwargs: Any) -> None:
        global _open_streams
        with _pa_lock:
            try:
                self.stream = sd.InputStream(**kwargs)
            except sd.PortAudioError as exc:
                raise MicError(_open_error_message(exc), ProbeStatus.ERROR, "mic.open_failed") from exc
            _open_streams += 1

    def close(self) -> None:
        global _open_streams
        with _pa_lock:
            try:
                self.stream.abort(ignore_errors=True)
                self.stream.close(ignore_errors=True)
            finally:
                _open_streams -= 1


def _open_error_message(exc: Exception) -> str:
    text = str(exc)
    if "busy" in text.lower() or "Device unavailable" in text:
        return translate(
            "MicProbe", "The microphone is busy in another program ({why}). Close that program."
        ).format(why=text)
    if "Invalid sample rate" in text:
        return translate("MicProbe", "The microphone does not support this sample rate ({why}).").format(
            why=text
        )
    return translate("MicProbe", "The microphone could not be opened ({why}).").format(why=text)


def _open_input(
    sd: Any, index: int, samplerate: int, channels: int, callback: Callable[..., None], blocksize: int = 0
) -> tuple[_InputStream, int]:
    """Open at the wanted rate, else at the device's own default rate. Returns (stream, rate)."""
    kwargs = dict(device=index, channels=channels, dtype="float32", callback=callback, blocksize=blocksize)
    try:
        return _InputStream(sd, samplerate=samplerate, **kwargs), samplerate
    except MicError as first:
        fallback = int(sd.query_devices(index)["default_samplerate"])
        if fallback == samplerate:
            raise
        try:
            return _InputStream(sd, samplerate=fallback, **kwargs), fallback
        except MicError:
            raise first from None


def capture_audio(cfg: MicConfig, cancel: threading.Event, deadline_s: float) -> AudioCapture:
    """Record ``cfg.duration_s`` seconds (shortened to fit the deadline), or raise :class:`MicError`."""
    started = time.monotonic()
    sd = _sd()
    index, name, api, max_ch = resolve_device(cfg.device)
    channels = cfg.channels or min(2, max_ch)
    if channels > max_ch:
        raise MicError(
            translate("MicProbe", "“{name}” has {n} input channel(s), not {want}.").format(
                name=name, n=max_ch, want=channels
            ),
            ProbeStatus.FAIL,
            "mic.channels",
        )
    # Leave time to open and close the stream within the deadline.
    duration_s = min(cfg.duration_s, deadline_s - (time.monotonic() - started) - 0.4)
    if duration_s < 0.25:
        raise MicError(
            translate("MicProbe", "No time left to record the microphone."), ProbeStatus.ERROR, "mic.deadline"
        )
    # Allocate the whole buffer for the fallback rate as well, so the callback never allocates.
    capacity = int(max(cfg.samplerate, 192000) * duration_s) + 1
    buffer = np.zeros((capacity, channels), dtype=np.float32)
    state = {"written": 0, "wanted": capacity, "overflows": 0}
    done = threading.Event()

    def on_block(indata: npt.NDArray[np.float32], frames: int, _time: Any, status: Any) -> None:
        # PortAudio's thread: copy and count, nothing else.
        if status.input_overflow:
            state["overflows"] += 1
        start = state["written"]
        n = min(frames, state["wanted"] - start)
        if n > 0:
            buffer[start : start + n] = indata[:n]
            state["written"] = start + n
        if state["written"] >= state["wanted"]:
            done.set()

    handle, rate = _open_input(sd, index, cfg.samplerate, channels, on_block)
    state["wanted"] = int(rate * duration_s)
    try:
        handle.stream.start()
        limit = started + deadline_s - 0.1
        while not done.wait(0.05):
            if cancel.is_set():
                raise MicError(
                    translate("MicProbe", "The microphone check was cancelled."),
                    ProbeStatus.SKIPPED,
                    "mic.cancelled",
                )
            if not handle.stream.active and not done.is_set():
                raise MicError(
                    translate("MicProbe", "The microphone stopped delivering audio (unplugged?)."),
                    ProbeStatus.ERROR,
                    "mic.stopped",
                )
            if time.monotonic() > limit:
                got = state["written"] / rate
                raise MicError(
                    translate(
                        "MicProbe",
                        "The microphone delivered only {got:.2f} s of audio in {limit:.1f} s: it stalled "
                        "or was unplugged.",
                    ).format(got=got, limit=deadline_s),
                    ProbeStatus.ERROR,
                    "mic.stalled",
                )
    finally:
        handle.close()
    return AudioCapture(
        samples=buffer[: state["wanted"]].copy(),
        samplerate=rate,
        overflows=int(state["overflows"]),
        device_name=name,
        host_api=api,
        duration_s=time.monotonic() - started,
    )


def run_mic_probe(cfg: MicConfig, cancel: threading.Event, deadline_s: float) -> ProbeResult:
    started = time.monotonic()
    try:
        capture = capture_audio(cfg, cancel, deadline_s)
    except MicError as exc:
        finding = Finding(exc.status, exc.code, str(exc), _fix_for(exc.code))
        return ProbeResult("mic", exc.status, {}, (finding,), time.monotonic() - started, str(exc))
    analysis = analyse_audio(capture.samples, capture.samplerate, cfg.thresholds, capture.overflows)
    metrics = analysis.metrics()
    metrics["device"] = capture.device_name
    metrics["host_api"] = capture.host_api
    metrics["samplerate"] = capture.samplerate
    return ProbeResult.from_findings(
        "mic",
        metrics,
        list(analysis.findings),
        time.monotonic() - started,
        translate("MicProbe", "Microphone OK: {rms:.1f} dBFS RMS, peak {peak:.1f} dBFS.").format(
            rms=metrics["rms_dbfs"], peak=metrics["peak_dbfs"]
        ),
    )


def _fix_for(code: str) -> str:
    if code in ("mic.no_device", "mic.not_found"):
        return translate("MicProbe", "Plug the microphone in, then pick it again in the studio profile.")
    if code == "mic.open_failed":
        return translate(
            "MicProbe", "Close other programs that use the microphone and allow microphone access in the OS."
        )
    if code in ("mic.stalled", "mic.stopped"):
        return translate(
            "MicProbe", "Re-plug the microphone (another USB port, no hub) and run the check again."
        )
    return ""


class LevelMeterStream:
    """A running input stream for the live meter and the on-air watch.

    The callback copies each block into a ring buffer; :meth:`latest_levels` computes RMS and peak of the
    newest ``window_s`` on the caller's thread. ``last_block_at`` (monotonic) lets a watcher notice a
    device that stopped delivering.
    """

    def __init__(
        self,
        device: str | int | None = None,
        samplerate: int = 48000,
        channels: int | None = None,
        window_s: float = 0.05,
        block_s: float = 0.01,
    ) -> None:
        self._device = device
        self._samplerate = samplerate
        self._channels_wanted = channels
        self._window_s = window_s
        self._block_s = block_s
        self._handle: _InputStream | None = None
        self._ring: npt.NDArray[np.float32] = np.zeros((1, 1), dtype=np.float32)
        self._written = 0
        self.overflows = 0
        self.last_block_at: float | None = None
        self.samplerate = samplerate
        self.channels = 0
        self.device_name = ""

    def start(self) -> None:
        if self._handle is not None:
            return
        sd = _sd()
        index, name, _api, max_ch = resolve_device(self._device)
        self.channels = min(self._channels_wanted or 2, max_ch)
        self.device_name = name
        # One second of ring is plenty for a 50 ms window and keeps the callback allocation-free.
        self._ring = np.zeros((192000, self.channels), dtype=np.float32)
        self._written = 0
        self.overflows = 0
        blocksize = int(self._samplerate * self._block_s)
        self._handle, self.samplerate = _open_input(
            sd, index, self._samplerate, self.channels, self._on_block, blocksize
        )
        self._handle.stream.start()

    def _on_block(self, indata: npt.NDArray[np.float32], frames: int, _time: Any, status: Any) -> None:
        # PortAudio's thread: copy into the ring and stamp; no allocation, no analysis.
        if status.input_overflow:
            self.overflows += 1
        size = self._ring.shape[0]
        start = self._written % size
        first = min(frames, size - start)
        self._ring[start : start + first] = indata[:first]
        if first < frames:
            self._ring[: frames - first] = indata[first:frames]
        self._written += frames
        self.last_block_at = time.monotonic()

    @property
    def running(self) -> bool:
        return self._handle is not None and bool(self._handle.stream.active)

    @property
    def frames_received(self) -> int:
        return self._written

    def latest_block(self) -> npt.NDArray[np.float32]:
        """A copy of the newest ``window_s`` of audio (frames, channels)."""
        written = self._written
        size = self._ring.shape[0]
        n = min(written, int(self.samplerate * self._window_s), size)
        if n == 0:
            return np.zeros((0, max(1, self.channels)), dtype=np.float32)
        end = written % size
        if end >= n:
            return self._ring[end - n : end].copy()
        return np.concatenate((self._ring[size - (n - end) :], self._ring[:end]))

    def latest_levels(self) -> list[tuple[float, float]]:
        """Per channel (rms_dbfs, peak_dbfs) of the newest window; the floor value before any audio."""
        block = self.latest_block().astype(np.float64)
        if block.shape[0] == 0:
            floor = float(to_dbfs(0.0))
            return [(floor, floor)] * max(1, self.channels)
        ac = block - block.mean(axis=0)
        rms = to_dbfs(np.sqrt(np.mean(ac * ac, axis=0)))
        peak = to_dbfs(np.max(np.abs(block), axis=0))
        return [(float(r), float(p)) for r, p in zip(rms, peak, strict=True)]

    def stop(self) -> None:
        if self._handle is not None:
            handle, self._handle = self._handle, None
            handle.close()

    def __enter__(self) -> LevelMeterStream:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
