"""What a microphone capture says about the microphone: pure numpy, no devices, no Qt.

Levels are plain dBFS of the sample values (a full-scale sine reads 0 dBFS peak and −3.01 dBFS RMS), measured
after removing the DC offset. Everything is computed per channel; the flat metric names carry the worst
channel among those that carry any signal, the per-channel values are in :attr:`AudioAnalysis.channels`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from studio_app.i18n import translate
from studio_app.probes.result import Finding, ProbeStatus
from studio_app.probes.thresholds import AudioThresholds

# dBFS reported for digital silence, instead of −inf (JSON has no infinity).
FLOOR_DBFS = -120.0
MAINS_HZ = (50.0, 60.0)
_HUM_HARMONICS = 5  # 50..250 Hz or 60..300 Hz


@dataclass(frozen=True)
class ChannelAnalysis:
    channel: int  # 1-based, as printed on the interface
    rms_dbfs: float
    peak_dbfs: float
    clipping: int  # runs of consecutive full-scale samples
    clipped_pct: float
    noise_floor_dbfs: float
    snr_db: float
    hum_hz: float | None  # mains frequency whose harmonics are present, None when there is no hum
    hum_db: float  # hum power relative to the channel's total power
    dc_offset: float  # mean sample value, fraction of full scale
    dropouts: int  # exact-zero runs inside signal
    exact_zero: bool  # the channel is digital silence
    zero_pct: float


@dataclass(frozen=True)
class AudioAnalysis:
    samplerate: int
    duration_s: float
    channels: tuple[ChannelAnalysis, ...]
    overflows: int
    duplicated_mono: bool
    channel_imbalance_db: float | None
    findings: tuple[Finding, ...] = field(default=())

    @property
    def dropouts(self) -> int:
        """Overflow flags plus zero gaps; a gap hits every channel at once, so the worst channel counts."""
        return self.overflows + max((c.dropouts for c in self.channels), default=0)

    @property
    def silent(self) -> bool:
        return all(c.exact_zero for c in self.channels)

    def metrics(self) -> dict[str, float | int | str | None]:
        """Flat metric names (the worst live channel), plus ``<name>_ch<N>`` per channel when stereo."""
        live = [c for c in self.channels if not c.exact_zero] or list(self.channels)
        hum_worst = max(live, key=lambda c: c.hum_db)
        out: dict[str, float | int | str | None] = {
            "rms_dbfs": _r(min(c.rms_dbfs for c in live)),
            "peak_dbfs": _r(max(c.peak_dbfs for c in live)),
            "clipping": max(c.clipping for c in live),
            "noise_floor_dbfs": _r(max(c.noise_floor_dbfs for c in live)),
            "snr_db": _r(min(c.snr_db for c in live)),
            "hum_hz": hum_worst.hum_hz,
            "hum_db": _r(hum_worst.hum_db),
            "dc_offset": round(_largest_magnitude([c.dc_offset for c in live]), 5),
            "dropouts": self.dropouts,
            "overflows": self.overflows,
            "channel_imbalance_db": None
            if self.channel_imbalance_db is None
            else _r(self.channel_imbalance_db),
            "exact_zero": int(self.silent),
            "channels": len(self.channels),
        }
        if len(self.channels) > 1:
            for c in self.channels:
                out[f"rms_dbfs_ch{c.channel}"] = _r(c.rms_dbfs)
                out[f"peak_dbfs_ch{c.channel}"] = _r(c.peak_dbfs)
        return out


def _largest_magnitude(values: list[float]) -> float:
    return max(values, key=abs)


def _r(value: float) -> float:
    return round(float(value), 2)


def to_dbfs(amplitude: float | npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """20·log10 of an amplitude, floored at :data:`FLOOR_DBFS` (digital silence has no logarithm)."""
    a = np.maximum(np.asarray(amplitude, dtype=np.float64), 10 ** (FLOOR_DBFS / 20))
    return np.asarray(20.0 * np.log10(a))


def clip_runs(x: npt.NDArray[np.floating], level: float, min_run: int) -> tuple[int, int]:
    """(number of runs, samples inside runs) of at least ``min_run`` consecutive samples with |x| ≥ level."""
    hot = np.abs(x) >= level
    if not hot.any():
        return 0, 0
    runs = _run_lengths(hot)
    long_runs = runs[runs >= min_run]
    return int(long_runs.size), int(long_runs.sum())


def _run_lengths(mask: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64]:
    """Lengths of the runs of True in a 1-D mask."""
    padded = np.concatenate(([False], mask, [False]))
    edges = np.flatnonzero(np.diff(padded.astype(np.int8)))
    starts, ends = edges[0::2], edges[1::2]
    return np.asarray(ends - starts, dtype=np.int64)


def _inner_zero_runs(x: npt.NDArray[np.floating], min_run: int) -> int:
    """Runs of exact zeros at least ``min_run`` long that have signal on both sides (a gap in the stream)."""
    zero = x == 0
    if not zero.any() or zero.all():
        return 0
    padded = np.concatenate(([False], zero, [False]))
    edges = np.flatnonzero(np.diff(padded.astype(np.int8)))
    starts, ends = edges[0::2], edges[1::2]
    inner = (starts > 0) & (ends < x.size) & ((ends - starts) >= min_run)
    return int(inner.sum())


def window_levels_dbfs(x: npt.NDArray[np.floating], samplerate: int, window_s: float = 0.05) -> npt.NDArray:
    """RMS level of consecutive windows (default 50 ms), dBFS."""
    n = max(1, int(samplerate * window_s))
    count = x.size // n
    if count == 0:
        return to_dbfs(np.sqrt(np.mean(np.square(x, dtype=np.float64))) if x.size else 0.0).reshape(1)
    frames = x[: count * n].reshape(count, n).astype(np.float64)
    return to_dbfs(np.sqrt(np.mean(frames * frames, axis=1)))


def mains_hum(x: npt.NDArray[np.floating], samplerate: int) -> tuple[float | None, float]:
    """(mains frequency, hum power relative to the total in dB) from the 50/60 Hz harmonic series.

    A Hann-windowed spectrum averaged over 1 s segments (1 Hz bins). A harmonic counts only where it stands
    out of its neighbourhood (narrow line, so a voice's broad energy around 100–300 Hz is not hum).
    """
    seg = min(x.size, samplerate)  # 1 s segments → 1 Hz resolution
    if seg < samplerate // 4:
        return None, FLOOR_DBFS
    count = x.size // seg
    frames = x[: count * seg].reshape(count, seg).astype(np.float64)
    frames = frames - frames.mean(axis=1, keepdims=True)
    window = np.hanning(seg)
    power = np.mean(np.abs(np.fft.rfft(frames * window, axis=1)) ** 2, axis=0)
    freqs = np.fft.rfftfreq(seg, 1.0 / samplerate)
    total = float(power[1:].sum())
    if total <= 0:
        return None, FLOOR_DBFS
    bin_hz = freqs[1]
    best: tuple[float | None, float] = (None, 0.0)
    for mains in MAINS_HZ:
        hum_power = 0.0
        for k in range(1, _HUM_HARMONICS + 1):
            centre = round(k * mains / bin_hz)
            if centre + 12 >= power.size:
                break
            line = float(power[centre - 2 : centre + 3].sum())  # Hann main lobe ±2 bins
            neighbours = np.concatenate((power[centre - 12 : centre - 4], power[centre + 5 : centre + 13]))
            floor = float(np.median(neighbours)) * 5
            if line > 10 * floor:  # ≥ 10 dB above the neighbourhood: a mains line
                hum_power += line - floor
        if hum_power > best[1]:
            best = (mains, hum_power)
    if best[0] is None:
        return None, FLOOR_DBFS
    return best[0], float(10 * np.log10(best[1] / total))


def analyse_channel(
    x: npt.NDArray[np.floating], samplerate: int, channel: int, thresholds: AudioThresholds
) -> ChannelAnalysis:
    x64 = x.astype(np.float64)
    zero_pct = 100.0 * float(np.count_nonzero(x64 == 0)) / max(1, x64.size)
    exact_zero = bool(x64.size) and zero_pct == 100.0
    dc = float(x64.mean()) if x64.size else 0.0
    ac = x64 - dc
    rms = float(np.sqrt(np.mean(ac * ac))) if ac.size else 0.0
    peak = float(np.max(np.abs(ac))) if ac.size else 0.0
    clips, clipped_samples = clip_runs(x64, thresholds.clip_level, int(thresholds.clip_run_samples))
    levels = window_levels_dbfs(ac, samplerate)
    quiet = np.sort(levels)[: max(1, levels.size // 10)]
    noise_floor = float(10 * np.log10(np.mean(10 ** (quiet / 10))))
    loud = float(np.percentile(levels, 95))
    hum_hz, hum_db = mains_hum(ac, samplerate) if not exact_zero else (None, FLOOR_DBFS)
    dropout_run = max(2, int(samplerate * thresholds.dropout_zero_run_ms / 1000))
    return ChannelAnalysis(
        channel=channel,
        rms_dbfs=float(to_dbfs(rms)),
        peak_dbfs=float(to_dbfs(peak)),
        clipping=clips,
        clipped_pct=100.0 * clipped_samples / max(1, x64.size),
        noise_floor_dbfs=noise_floor,
        snr_db=max(0.0, loud - noise_floor),
        hum_hz=hum_hz,
        hum_db=hum_db,
        dc_offset=dc,
        dropouts=_inner_zero_runs(x64, dropout_run),
        exact_zero=exact_zero,
        zero_pct=zero_pct,
    )


def _is_duplicated_mono(samples: npt.NDArray[np.floating]) -> bool:
    """A mono microphone copied to both channels by the driver: compare, do not call it an imbalance."""
    first = samples[:, 0]
    return all(np.allclose(samples[:, c], first, atol=1e-6) for c in range(1, samples.shape[1]))


def analyse_audio(
    samples: npt.NDArray[np.floating],
    samplerate: int,
    thresholds: AudioThresholds | None = None,
    overflows: int = 0,
) -> AudioAnalysis:
    """Analyse a capture of shape (frames, channels) (or (frames,) for mono) in float full scale ±1."""
    th = thresholds or AudioThresholds()
    data = np.asarray(samples)
    if data.ndim == 1:
        data = data[:, None]
    if data.ndim != 2 or data.shape[1] < 1:
        raise ValueError(f"samples must be (frames, channels), got shape {data.shape}")
    if not np.issubdtype(data.dtype, np.floating):
        raise ValueError("samples must be floating point in ±1 full scale")
    channels = tuple(analyse_channel(data[:, c], samplerate, c + 1, th) for c in range(data.shape[1]))
    duplicated = data.shape[1] > 1 and _is_duplicated_mono(data)
    imbalance: float | None = None
    if data.shape[1] > 1 and not duplicated:
        rms = [c.rms_dbfs for c in channels]
        imbalance = max(rms) - min(rms)
    analysis = AudioAnalysis(
        samplerate=samplerate,
        duration_s=data.shape[0] / samplerate if samplerate else 0.0,
        channels=channels,
        overflows=overflows,
        duplicated_mono=duplicated,
        channel_imbalance_db=imbalance,
    )
    return AudioAnalysis(**{**analysis.__dict__, "findings": tuple(audio_findings(analysis, th))})


def audio_findings(a: AudioAnalysis, th: AudioThresholds) -> list[Finding]:
    """The problems in an analysis, each with a fix, in the UI language."""
    if a.silent:
        return [
            Finding(
                ProbeStatus.FAIL,
                "mic.silent",
                translate(
                    "MicProbe", "The input is silent (all zeros): check the OS microphone permission / mute."
                ),
                translate(
                    "MicProbe",
                    "Allow microphone access for Studio Console in the system privacy settings, "
                    "unmute the input (hardware mute switch, mixer) and check that the right device "
                    "is selected.",
                ),
            )
        ]
    out: list[Finding] = []
    live = [c for c in a.channels if not c.exact_zero]
    for c in live:
        clip_status = ProbeStatus.FAIL if c.clipped_pct >= th.clip_fail_pct else ProbeStatus.WARN
        if c.clipping:
            out.append(
                Finding(
                    clip_status,
                    "mic.clipping",
                    translate("MicProbe", "Channel {ch} clips: {n} runs of full-scale samples.").format(
                        ch=c.channel, n=c.clipping
                    ),
                    translate(
                        "MicProbe",
                        "Lower the input gain on the interface or the mixer until peaks stay below −3 dBFS.",
                    ),
                )
            )
        if c.rms_dbfs < th.mic_low_rms_dbfs:
            out.append(
                Finding(
                    ProbeStatus.WARN,
                    "mic.level_low",
                    translate("MicProbe", "Channel {ch} is very quiet ({db:.1f} dBFS).").format(
                        ch=c.channel, db=c.rms_dbfs
                    ),
                    translate(
                        "MicProbe",
                        "Speak into the microphone during the check, raise the gain, or check the cable.",
                    ),
                )
            )
        if c.noise_floor_dbfs > th.noise_floor_warn_dbfs and c.snr_db < th.mic_snr_warn_db:
            out.append(
                Finding(
                    ProbeStatus.WARN,
                    "mic.noisy",
                    translate(
                        "MicProbe", "Channel {ch} is noisy: noise floor {floor:.1f} dBFS, SNR {snr:.1f} dB."
                    ).format(ch=c.channel, floor=c.noise_floor_dbfs, snr=c.snr_db),
                    translate(
                        "MicProbe",
                        "Switch off fans and air conditioning near the set, move the microphone closer to "
                        "the host and lower the gain.",
                    ),
                )
            )
        if c.hum_hz is not None and c.hum_db > th.hum_warn_db:
            out.append(
                Finding(
                    ProbeStatus.WARN,
                    "mic.hum",
                    translate(
                        "MicProbe",
                        "Mains hum at {hz:.0f} Hz on channel {ch} ({db:.1f} dB relative to the signal).",
                    ).format(hz=c.hum_hz, ch=c.channel, db=c.hum_db),
                    translate(
                        "MicProbe",
                        "Use a balanced (XLR) cable, keep audio cables away from power cables and lights, "
                        "and plug the audio gear into the same power strip (ground loop).",
                    ),
                )
            )
        if abs(c.dc_offset) > th.dc_warn:
            out.append(
                Finding(
                    ProbeStatus.WARN,
                    "mic.dc_offset",
                    translate(
                        "MicProbe", "Channel {ch} has a DC offset of {pct:.1f} % of full scale."
                    ).format(ch=c.channel, pct=100 * c.dc_offset),
                    translate(
                        "MicProbe",
                        "The interface or microphone is faulty or mis-powered; check phantom power.",
                    ),
                )
            )
    dropouts = a.dropouts
    if dropouts:
        out.append(
            Finding(
                ProbeStatus.WARN,
                "mic.dropouts",
                translate("MicProbe", "The audio had {n} dropouts (lost or zeroed blocks).").format(
                    n=dropouts
                ),
                translate(
                    "MicProbe",
                    "Close other programs using the microphone, use a shorter USB cable or another "
                    "port, and avoid USB hubs.",
                ),
            )
        )
    dead = [c.channel for c in a.channels if c.exact_zero]
    if dead:
        out.append(
            Finding(
                ProbeStatus.WARN,
                "mic.channel_silent",
                translate("MicProbe", "Channel(s) {chs} carry no signal at all.").format(
                    chs=", ".join(str(d) for d in dead)
                ),
                translate(
                    "MicProbe",
                    "If only one microphone is connected, select a mono input; otherwise check that cable.",
                ),
            )
        )
    elif a.channel_imbalance_db is not None and a.channel_imbalance_db > th.imbalance_warn_db:
        out.append(
            Finding(
                ProbeStatus.WARN,
                "mic.imbalance",
                translate("MicProbe", "The channels differ by {db:.1f} dB.").format(
                    db=a.channel_imbalance_db
                ),
                translate(
                    "MicProbe", "Match the gain of both inputs, or use a mono input for a single microphone."
                ),
            )
        )
    return out
