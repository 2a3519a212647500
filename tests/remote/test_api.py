"""The command API over a real socket against the real script runner: refusals change nothing."""

from __future__ import annotations

import json

from conftest import Http, bearer

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.promo.session import SessionPhase
from studio_app.remote.pairing import PairingService
from studio_app.script.model import EmergencyKind
from studio_app.ui.script_panel import ScriptPanel


def test_state_reports_the_show_as_the_api_promises(http: Http, token: str, panel: ScriptPanel) -> None:
    response = http.get("/api/state", headers=bearer(token))
    assert response.status_code == 200
    state = response.json()
    assert isinstance(state["segment_index"], int) and state["segment_index"] == 0
    assert state["paused"] is True
    assert state["gear"] == 5
    assert state["show_id"] == panel.controller.session.show_id  # type: ignore[union-attr]
    assert len(state["segments"]) == len(panel.controller.session.script.segments)  # type: ignore[union-attr]


def test_a_command_moves_the_real_session(http: Http, token: str, panel: ScriptPanel) -> None:
    session = panel.controller.session  # type: ignore[union-attr]
    response = http.post("/api/command", headers=bearer(token), json={"action": "resume"})
    assert response.status_code == 200, response.text
    assert session.phase is SessionPhase.ON_AIR and not session.paused
    response = http.post("/api/command", headers=bearer(token), json={"action": "next_segment"})
    assert response.json()["segment_index"] == 1 == session.segment_index
    http.post("/api/command", headers=bearer(token), json={"action": "gear", "gear": 7})
    assert session.gear == 7
    http.post("/api/command", headers=bearer(token), json={"action": "cue", "text": "讲3号链接"})
    assert [c.text for c in session.active_cues()] == ["讲3号链接"]
    state = http.get("/api/state", params={"token": token}).json()
    assert state["cues"] == ["讲3号链接"] and state["gear"] == 7


def test_without_a_token_every_call_is_refused(http: Http, panel: ScriptPanel) -> None:
    session = panel.controller.session  # type: ignore[union-attr]
    assert http.get("/api/state").status_code == 401
    assert http.get("/api/state", headers=bearer("not-a-token")).status_code == 401
    response = http.post("/api/command", json={"action": "next_segment"})
    assert response.status_code == 401
    assert "error" in response.json()
    assert http.get("/api/events").status_code == 401
    assert session.segment_index == 0


def test_a_revoked_pairing_is_refused_without_a_restart(
    http: Http, token: str, app_context: AppContext, panel: ScriptPanel
) -> None:
    service = PairingService(app_context)
    assert http.get("/api/state", headers=bearer(token)).status_code == 200
    (pairing,) = [p for p in service.pairings() if p.name == "test phone"]
    service.revoke(pairing.id)
    response = http.post("/api/command", headers=bearer(token), json={"action": "next_segment"})
    assert response.status_code == 401
    assert panel.controller.session.segment_index == 0  # type: ignore[union-attr]


def test_bad_input_gets_400_with_a_message_and_changes_nothing(
    http: Http, token: str, panel: ScriptPanel
) -> None:
    session = panel.controller.session  # type: ignore[union-attr]
    before = session.snapshot().to_dict()
    cases = [
        b"{not json",
        b'"next_segment"',
        json.dumps({"action": "self_destruct"}).encode(),
        json.dumps({"action": "gear", "gear": 42}).encode(),
        json.dumps({"action": "gear", "gear": True}).encode(),
        json.dumps({"action": "emergency", "kind": "alien_invasion"}).encode(),
        json.dumps({"action": "cue", "text": "   "}).encode(),
    ]
    for body in cases:
        response = http.post(
            "/api/command", headers={**bearer(token), "Content-Type": "application/json"}, content=body
        )
        assert response.status_code == 400, body
        assert response.json()["error"], body
    assert (
        "self_destruct"
        in http.post("/api/command", headers=bearer(token), json={"action": "self_destruct"}).json()["error"]
    )
    assert session.snapshot().to_dict() == before


def test_a_refused_command_says_why(http: Http, token: str, panel: ScriptPanel) -> None:
    response = http.post(
        "/api/command", headers=bearer(token), json={"action": "go_to_segment", "index": 999}
    )
    assert response.status_code == 409
    assert "segments" in response.json()["error"]


def test_guessing_tokens_is_rate_limited(http: Http, token: str) -> None:
    codes = [http.get("/api/state", headers=bearer(f"guess-{n}")).status_code for n in range(12)]
    assert codes[:10] == [401] * 10
    assert codes[10:] == [429, 429]
    # The limit is per client and counts failures: this client is held off even with the right token now.
    assert http.get("/api/state", headers=bearer(token)).status_code == 429


def test_a_one_time_link_pairs_once(http: Http, app_context: AppContext) -> None:
    made = PairingService(app_context).create_link("tablet")
    first = http.get("/pair", params={"code": made.secret}, follow_redirects=False)
    assert first.status_code == 303
    location = first.headers["location"]
    assert location.startswith("/remote#token=")
    new_token = location.split("token=", 1)[1]
    assert http.get("/api/state", headers=bearer(new_token)).status_code == 200
    again = http.get("/pair", params={"code": made.secret}, follow_redirects=False)
    assert again.status_code == 401


def test_every_button_of_the_remote_reaches_the_show(
    http: Http, token: str, panel: ScriptPanel, fake_clock: FakeClock
) -> None:
    controller = panel.controller
    assert controller is not None
    session = controller.session

    def send(**command: object) -> dict[str, object]:
        response = http.post("/api/command", headers=bearer(token), json=command)
        assert response.status_code == 200, (command, response.text)
        return response.json()

    refused = http.post("/api/command", headers=bearer(token), json={"action": "promo_done"})
    assert refused.status_code == 409 and refused.json()["error"]  # no promo clock before the show
    send(action="toggle_pause")
    assert session.phase is SessionPhase.ON_AIR and not session.paused
    send(action="pause")
    send(action="pause")  # pausing a paused show changes nothing
    assert session.paused
    send(action="resume")
    assert not session.paused
    send(action="go_to_segment", index=3)
    send(action="previous_segment")
    assert session.segment_index == 2
    assert send(action="blank")["blank"] is True
    assert send(action="blank", on=True)["blank"] is True
    assert send(action="blank", on=False)["blank"] is False
    (kind, *_) = [item["kind"] for item in send(action="dismiss")["emergencies"]]
    state = send(action="emergency", kind=kind)
    assert state["emergency_text"] and controller.emergency is not None
    assert send(action="dismiss")["emergency_text"] == ""
    send(action="slower")
    assert send(action="faster")["gear"] == 5
    fake_clock.advance(session.promo_interval_s + 5)
    controller.tick()
    send(action="promo_done")
    promo = session.promo
    assert promo is not None and promo.history()[0].phase.value == "done"
    missing = [k.value for k in EmergencyKind if session.script.emergency(k) is None]
    if missing:
        refused = http.post(
            "/api/command", headers=bearer(token), json={"action": "emergency", "kind": missing[0]}
        )
        assert refused.status_code == 409
