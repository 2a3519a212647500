// The 场控's remote: every button is one POST /api/command; the page redraws from the live state.
"use strict";

const $ = (id) => document.getElementById(id);
let toastTimer = null;

function toast(message) {
  const box = $("toast");
  box.textContent = message;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (box.hidden = true), 4000);
}

async function act(command) {
  if (navigator.vibrate) navigator.vibrate(15);
  const result = await sendCommand(command);
  if (!result.ok && result.status !== 401) toast((result.body && result.body.error) || String(result.status));
}

function render(state) {
  const onShow = state.show_id !== null;
  document.body.classList.toggle("no-show", !onShow);
  $("show-title").textContent = onShow ? state.show_title : t("remote_title");
  const phaseText = !onShow ? t("no_show") : state.phase === "on_air" ? (state.paused ? t("paused") : t("on_air"))
    : t(state.phase);
  $("phase").textContent = phaseText;
  $("phase").className = "badge " + (state.phase === "on_air" && !state.paused ? "live" : "");
  $("segment").textContent = onShow ? state.hud.segment : t("no_show");
  $("speed").textContent = state.hud.speed;
  $("gear").textContent = state.gear;
  const promo = state.hud.promo_countdown || state.hud.promo || "—";
  $("promo").textContent = promo;
  $("promo-box").className = "promo " + (state.hud.promo_level || "");
  $("qa").textContent = state.hud.qa_detail || "—";
  $("play").textContent = state.phase === "ready" ? t("start") : state.paused ? t("resume") : t("pause");
  $("play").classList.toggle("paused", state.paused);
  $("blank").textContent = state.blank ? t("unblank") : t("blank");
  $("blank").classList.toggle("on", state.blank);

  $("alerts-box").hidden = state.alerts.length === 0;
  $("alerts").replaceChildren(...state.alerts.map((text) => Object.assign(document.createElement("li"), { textContent: text })));
  $("cue-now").hidden = !state.hud.cue;
  $("cue-now").textContent = state.hud.cue;
  $("emergency-now").hidden = !state.emergency_text;
  $("emergency-now").textContent = state.emergency_title ? state.emergency_title + " — " + state.emergency_text : "";

  $("emergencies").replaceChildren(...state.emergencies.map((item) => {
    const button = Object.assign(document.createElement("button"), { className: "btn warn", textContent: item.title });
    button.addEventListener("click", () => act({ action: "emergency", kind: item.kind }));
    return button;
  }));
  const list = $("segment-list");
  const keys = state.segments.map((s) => s.index + s.title).join("|");
  if (list.dataset.keys !== keys) {
    list.dataset.keys = keys;
    list.replaceChildren(...state.segments.map((segment) => {
      const item = document.createElement("li");
      const button = Object.assign(document.createElement("button"), {
        className: "seg-button",
        textContent: `${segment.index + 1}. ${segment.kind} · ${segment.title}`,
      });
      button.addEventListener("click", () => act({ action: "go_to_segment", index: segment.index }));
      item.append(button);
      return item;
    }));
  }
  list.querySelectorAll(".seg-button").forEach((b, i) => b.classList.toggle("current", i === state.segment_index));
}

function problem(kind) {
  const box = $("problem");
  box.textContent = t(kind);
  box.hidden = false;
}

function renderQuickCues() {
  $("quick-cues").replaceChildren(...[1, 2, 3, 4, 5, 6].map((n) => {
    const chip = Object.assign(document.createElement("button"), { className: "chip", type: "button", textContent: t("quick_cue_" + n) });
    chip.addEventListener("click", () => act({ action: "cue", text: chip.textContent }));
    return chip;
  }));
}

for (const button of document.querySelectorAll("[data-action]")) {
  button.addEventListener("click", () => act({ action: button.dataset.action }));
}
$("cue-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = $("cue-text").value.trim();
  if (!text) return;
  act({ action: "cue", text }).then(() => ($("cue-text").value = ""));
});
$("lang").addEventListener("click", toggleLang);
Studio.onStrings = renderQuickCues;

startStudio(render, problem).then(renderQuickCues);
