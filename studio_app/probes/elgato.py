"""Elgato Key Light over its local HTTP API, and the judgement of what it reports.

The light answers ``GET http://<ip>:9123/elgato/lights`` with
``{"numberOfLights": 1, "lights": [{"on": 1, "brightness": 40, "temperature": 178}]}`` (temperature in
mireds, 143-344; kelvin = 10⁶ / mireds) and ``GET /elgato/accessory-info`` with its ``displayName``.
The technician pins each light's IP in the studio profile; lights are read in parallel with a short timeout,
so an unplugged light costs at most that timeout.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from studio_app.i18n import translate
from studio_app.probes.result import Finding, ProbeStatus

if TYPE_CHECKING:
    import httpx

KEY_LIGHT_PORT = 9123
MIREDS_MIN, MIREDS_MAX = 143, 344


def mireds_to_kelvin(mireds: float) -> int:
    return round(1_000_000 / mireds)


def kelvin_to_mireds(kelvin: float) -> int:
    return round(1_000_000 / kelvin)


@dataclass(frozen=True)
class KeyLightState:
    on: bool
    brightness_pct: int
    temperature_mireds: int

    @property
    def temperature_k(self) -> int:
        return mireds_to_kelvin(self.temperature_mireds)


@dataclass(frozen=True)
class KeyLightReading:
    address: str  # as pinned: "192.168.1.23" or "192.168.1.23:9123"
    reachable: bool
    name: str = ""  # the light's display name when it gives one
    lights: tuple[KeyLightState, ...] = ()
    error: str = ""  # why it could not be read, in the UI language

    @property
    def label(self) -> str:
        return f"{self.name} ({self.address})" if self.name else self.address


def base_url(address: str) -> str:
    """``http://host:9123`` for a pinned address with or without a port (IPv6 in brackets keeps its port)."""
    address = address.strip()
    if address.startswith("["):
        host, _, rest = address.partition("]")
        port = rest[1:] if rest.startswith(":") else str(KEY_LIGHT_PORT)
        return f"http://{host}]:{port}"
    if address.count(":") == 1:
        host, port = address.split(":")
        return f"http://{host}:{port}"
    if address.count(":") > 1:  # bare IPv6
        return f"http://[{address}]:{KEY_LIGHT_PORT}"
    return f"http://{address}:{KEY_LIGHT_PORT}"


def _number(item: dict[str, object], key: str) -> float:
    value = item.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"'{key}' is not a number")
    return float(value)


def _parse_lights(data: object) -> tuple[KeyLightState, ...]:
    """The lights in a ``/elgato/lights`` answer; ValueError for anything that is not one."""
    if not isinstance(data, dict) or not isinstance(data.get("lights"), list) or not data["lights"]:
        raise ValueError("no 'lights' list")
    states = []
    for item in data["lights"]:
        if not isinstance(item, dict):
            raise ValueError("a light is not an object")
        mireds = _number(item, "temperature")
        if mireds <= 0:
            raise ValueError("temperature out of range")
        states.append(KeyLightState(bool(_number(item, "on")), int(_number(item, "brightness")), int(mireds)))
    return tuple(states)


def read_key_light(
    address: str, *, timeout_s: float = 1.0, client: httpx.Client | None = None
) -> KeyLightReading:
    """Ask one light for its state; any failure becomes an unreachable reading with the reason."""
    import httpx  # only when a light is asked: the device-check screen opens without the HTTP stack

    url = base_url(address)
    owns_client = client is None
    # trust_env=False: a system proxy (common on studio PCs) must not swallow requests to a LAN light.
    http = client or httpx.Client(timeout=timeout_s, trust_env=False)
    try:
        response = http.get(f"{url}/elgato/lights", timeout=timeout_s)
        response.raise_for_status()
        lights = _parse_lights(response.json())
        name = ""
        try:
            info = http.get(f"{url}/elgato/accessory-info", timeout=timeout_s)
            if info.status_code == 200 and isinstance(info.json(), dict):
                name = str(info.json().get("displayName") or info.json().get("productName") or "")
        except (httpx.HTTPError, ValueError):
            name = ""  # the name is a nicety; the state above is what matters
        return KeyLightReading(address, True, name, lights)
    except httpx.TimeoutException:
        return KeyLightReading(
            address, False, error=translate("CameraProbe", "no answer within {s:g} s").format(s=timeout_s)
        )
    except httpx.ConnectError:
        return KeyLightReading(
            address, False, error=translate("CameraProbe", "connection refused or no route")
        )
    except httpx.HTTPStatusError as exc:
        return KeyLightReading(
            address,
            False,
            error=translate("CameraProbe", "it answered HTTP {code}").format(code=exc.response.status_code),
        )
    except (httpx.HTTPError, ValueError):
        return KeyLightReading(
            address, False, error=translate("CameraProbe", "it does not answer like an Elgato Key Light")
        )
    finally:
        if owns_client:
            http.close()


def read_key_lights(addresses: Sequence[str], *, timeout_s: float = 1.0) -> list[KeyLightReading]:
    """Read every pinned light at once (in parallel), in the order given."""
    if not addresses:
        return []
    with ThreadPoolExecutor(max_workers=min(8, len(addresses)), thread_name_prefix="keylight") as pool:
        return list(pool.map(lambda a: read_key_light(a, timeout_s=timeout_s), addresses))


def assess_key_lights(
    readings: Sequence[KeyLightReading], target_k: int = 5600, tolerance_k: int = 300
) -> tuple[dict[str, float | int | str | None], list[Finding]]:
    """Metrics and findings for the pinned lights: each must answer, be on, and match the colour temperature.

    All are warnings: the camera picture is the judge of the light; a network light is a helper.
    """
    findings: list[Finding] = []
    temps: list[int] = []
    on_count = 0
    unreachable = 0
    for reading in readings:
        if not reading.reachable:
            unreachable += 1
            findings.append(
                Finding(
                    ProbeStatus.WARN,
                    "lighting.key_light_unreachable",
                    translate("CameraProbe", "Key Light {light} cannot be reached: {why}.").format(
                        light=reading.label, why=reading.error
                    ),
                    translate(
                        "CameraProbe",
                        "Check that the light is powered and on the studio network, and that the pinned IP "
                        "address is still its address.",
                    ),
                )
            )
            continue
        for index, state in enumerate(reading.lights):
            label = reading.label if len(reading.lights) == 1 else f"{reading.label} #{index + 1}"
            if not state.on:
                findings.append(
                    Finding(
                        ProbeStatus.WARN,
                        "lighting.key_light_off",
                        translate("CameraProbe", "Key Light {light} is off.").format(light=label),
                        translate(
                            "CameraProbe", "Switch it on (button on the light or Elgato Control Center)."
                        ),
                    )
                )
                continue
            on_count += 1
            temps.append(state.temperature_k)
            if abs(state.temperature_k - target_k) > tolerance_k:
                findings.append(
                    Finding(
                        ProbeStatus.WARN,
                        "lighting.key_light_temperature",
                        translate(
                            "CameraProbe",
                            "Key Light {light} is at {k} K; the profile wants {target} K ± {tol} K.",
                        ).format(light=label, k=state.temperature_k, target=target_k, tol=tolerance_k),
                        translate(
                            "CameraProbe",
                            "Set the light to {target} K so all lights match the camera's white balance.",
                        ).format(target=target_k),
                    )
                )
    metrics: dict[str, float | int | str | None] = {
        "key_lights": len(readings),
        "key_lights_on": on_count,
        "key_lights_unreachable": unreachable,
        "key_light_temp_k": round(sum(temps) / len(temps)) if temps else None,
    }
    return metrics, findings
