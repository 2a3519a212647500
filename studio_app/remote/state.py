"""What the remote and follower pages see: one JSON state, rebuilt on the GUI thread on every change.

The follower does not receive positions frame by frame. It receives the desktop prompter's current piece
of motion (position and velocity at a wall-clock instant, the ramp to the new velocity, the bounds) and
the tops of every heading and paragraph in the desktop's layout; it evaluates the same function of time
at each of its own frames and maps desktop pixels onto its own layout paragraph by paragraph. So it stays
in step between messages, and a message is needed only when the motion changes (pause, gear, a jump).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from studio_app.promo.onair_text import OnAirText
from studio_app.promo.session import OnAirSession, SessionPhase
from studio_app.script.model import EmergencyKind, EmergencyScript, Script


@dataclass(frozen=True)
class FollowMotion:
    """The desktop prompter's scroll as a function of wall time (seconds since the epoch), in its pixels.

    Mirrors ``ui.prompter.motion.ScrollMotion``: velocity ramps linearly from ``v0`` to ``v1`` over
    ``ramp_s`` from ``t0_s``, and the position is clamped to the bounds.
    """

    t0_s: float
    p0_px: float
    v0_px_s: float
    v1_px_s: float
    ramp_s: float
    min_px: float
    max_px: float
    block_tops_px: tuple[float, ...]  # every heading and paragraph, in the order of script_blocks()
    doc_height_px: float
    reading_line_ratio: float  # where the reading line is between the HUD and the bottom (0..1)

    def position(self, t_s: float) -> float:
        dt = max(0.0, t_s - self.t0_s)
        ramp = self.ramp_s
        if ramp <= 0 or dt >= ramp:
            head = 0.0 if ramp <= 0 else (self.v0_px_s + self.v1_px_s) * 0.5 * ramp
            raw = self.p0_px + head + self.v1_px_s * (dt - max(ramp, 0.0))
        else:
            raw = self.p0_px + self.v0_px_s * dt + (self.v1_px_s - self.v0_px_s) * dt * dt / (2.0 * ramp)
        return min(self.max_px, max(self.min_px, raw))


@dataclass(frozen=True)
class ScriptBlock:
    segment_index: int
    heading: bool
    text: str


def script_blocks(script: Script) -> tuple[ScriptBlock, ...]:
    """The script as the prompter lays it out: per segment a heading, then one block per paragraph.

    The same split as ``ui.prompter.layout.lay_out_script``; the follower's paragraph-by-paragraph mapping
    relies on both having the same blocks in the same order (a test lays out both and compares counts).
    """
    blocks: list[ScriptBlock] = []
    for index, segment in enumerate(script.segments):
        blocks.append(ScriptBlock(index, True, f"{index + 1}. {segment.kind.label_zh} · {segment.title}"))
        paragraphs = [p.strip() for p in segment.host_text.split("\n") if p.strip()] or [" "]
        blocks.extend(ScriptBlock(index, False, paragraph) for paragraph in paragraphs)
    return tuple(blocks)


@lru_cache(maxsize=4)  # states are built at 4 Hz and on every change; the script rarely changes
def script_key(script: Script) -> str:
    """Changes when the text the follower shows changes, so it fetches the script again only then."""
    text = json.dumps([asdict(b) for b in script_blocks(script)], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class SegmentItem:
    index: int
    title: str
    kind: str


@dataclass(frozen=True)
class EmergencyItem:
    kind: str
    title: str


@dataclass(frozen=True)
class RemoteState:
    """Everything the pages show. ``show_id`` is None while no show is open in the script runner."""

    show_id: str | None = None
    show_title: str = ""
    phase: str = "none"  # none | ready | on_air | ended
    segment_index: int = 0
    segments: tuple[SegmentItem, ...] = ()
    paused: bool = True
    gear: int = 5
    speed_cpm: float = 0.0
    blank: bool = False
    emergency_text: str = ""
    emergency_title: str = ""
    emergencies: tuple[EmergencyItem, ...] = ()
    cues: tuple[str, ...] = ()
    hud: OnAirText = field(default_factory=OnAirText)
    alerts: tuple[str, ...] = ()
    motion: FollowMotion | None = None
    script_key: str = ""
    seq: int = 0  # rises with every state the server publishes; a page drops anything older

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        hud = data.pop("hud")
        data["hud"] = {k: hud[k] for k in _HUD_FIELDS}
        return data


# What the pages need of the HUD text (the operator panel's longer texts stay on the desktop).
_HUD_FIELDS = (
    "segment",
    "speed",
    "promo",
    "promo_level",
    "promo_banner",
    "promo_countdown",
    "schedule",
    "product",
    "product_detail",
    "qa",
    "qa_detail",
    "cue",
    "start_countdown",
)


def session_state(
    session: OnAirSession,
    hud: OnAirText,
    *,
    blank: bool,
    emergency: EmergencyScript | None,
    alerts: tuple[str, ...],
    motion: FollowMotion | None,
) -> RemoteState:
    script = session.script
    phase = {
        SessionPhase.READY: "ready",
        SessionPhase.ON_AIR: "on_air",
        SessionPhase.ENDED: "ended",
    }.get(session.phase, "none")
    return RemoteState(
        show_id=session.show_id,
        show_title=script.title,
        phase=phase,
        segment_index=session.segment_index,
        segments=tuple(
            SegmentItem(i, segment.title, segment.kind.label_zh) for i, segment in enumerate(script.segments)
        ),
        paused=session.paused,
        gear=session.gear,
        speed_cpm=round(session.speed_cpm, 1),
        blank=blank,
        emergency_text=emergency.text if emergency is not None else "",
        emergency_title=emergency.title if emergency is not None else "",
        emergencies=tuple(
            EmergencyItem(kind.value, kind.display_name())
            for kind in EmergencyKind
            if script.emergency(kind) is not None
        ),
        cues=tuple(cue.text for cue in session.active_cues()),
        hud=hud,
        alerts=alerts,
        motion=motion,
        script_key=script_key(script),
    )
