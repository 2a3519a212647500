// The follower prompter: the desktop's motion (a function of wall time) evaluated at every frame here, and
// mapped from the desktop's layout onto this one paragraph by paragraph.
"use strict";

const $ = (id) => document.getElementById(id);
const MIRROR_KEY = "studioFollowerMirror"; // "", "h", "v" or "hv"

const Follower = {
  scriptKey: "",
  pageTops: [], // top of every block in this page's layout
  pageHeight: 0,
  desktopPx: 0, // last frame: the desktop prompter's position at this instant
  pagePx: 0,
  segmentIndex: 0,
  arrivals: null, // set to [] to record [system wall clock s, motion start s] as each new motion arrives
  log: null, // set to [] to record [server time s, desktop px, system wall clock s] per frame (benchmark)
};
window.Follower = Follower;

function position(m, tS) {
  const dt = Math.max(0, tS - m.t0_s);
  const ramp = m.ramp_s;
  let raw;
  if (ramp <= 0 || dt >= ramp) {
    const head = ramp <= 0 ? 0 : (m.v0_px_s + m.v1_px_s) * 0.5 * ramp;
    raw = m.p0_px + head + m.v1_px_s * (dt - Math.max(ramp, 0));
  } else {
    raw = m.p0_px + m.v0_px_s * dt + ((m.v1_px_s - m.v0_px_s) * dt * dt) / (2 * ramp);
  }
  return Math.min(m.max_px, Math.max(m.min_px, raw));
}

function lastAtOrBelow(values, x) {
  let lo = 0, hi = values.length - 1, found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= x) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

// Desktop px → this page's px: same block, same fraction of the block.
function toPage(m, px) {
  const desk = m.block_tops_px, page = Follower.pageTops;
  if (!desk.length || desk.length !== page.length) return (px / Math.max(1, m.doc_height_px)) * Follower.pageHeight;
  const i = lastAtOrBelow(desk, px);
  const deskEnd = i + 1 < desk.length ? desk[i + 1] : m.doc_height_px;
  const pageEnd = i + 1 < page.length ? page[i + 1] : Follower.pageHeight;
  const fraction = Math.min(1, Math.max(0, (px - desk[i]) / Math.max(1, deskEnd - desk[i])));
  return page[i] + fraction * (pageEnd - page[i]);
}

function measure() {
  const column = $("column");
  Follower.pageTops = Array.from(column.children, (el) => el.offsetTop);
  Follower.pageHeight = column.scrollHeight;
}

async function loadScript(key) {
  const result = await api("/api/script");
  if (!result.ok) return;
  Follower.scriptKey = key;
  Follower.blocks = result.body.blocks;
  $("column").replaceChildren(...result.body.blocks.map((block) => {
    const el = document.createElement(block.heading ? "h2" : "p");
    el.textContent = block.text;
    el.dataset.segment = block.segment_index;
    return el;
  }));
  measure();
}

function readingY() {
  const hudH = $("hud").offsetHeight;
  const ratio = Studio.state && Studio.state.motion ? Studio.state.motion.reading_line_ratio : 0.35;
  return hudH + (window.innerHeight - hudH) * ratio;
}

let lastMotionKey = "";

function render(state) {
  const motionKey = state.motion ? [state.motion.t0_s, state.motion.p0_px, state.motion.v1_px_s].join() : "";
  if (motionKey !== lastMotionKey) {
    lastMotionKey = motionKey;
    if (Follower.arrivals && state.motion) Follower.arrivals.push([Date.now() / 1000, state.motion.t0_s]);
  }
  if (state.script_key && state.script_key !== Follower.scriptKey) loadScript(state.script_key);
  if (!state.show_id) $("column").replaceChildren(Object.assign(document.createElement("p"), { textContent: t("no_show") }));
  $("hud-segment").textContent = state.hud.segment;
  $("hud-speed").textContent = state.hud.speed;
  $("hud-promo").textContent = state.hud.promo;
  $("hud-promo").className = "promo " + (state.hud.promo_level || "");
  const banners = [];
  if (state.hud.promo_level && state.hud.promo_banner) banners.push(["promo-" + state.hud.promo_level, state.hud.promo_banner]);
  if (state.hud.qa) banners.push(["qa", state.hud.qa]);
  if (state.hud.cue) banners.push(["cue", state.hud.cue]);
  $("banners").replaceChildren(...banners.map(([kind, text]) => Object.assign(document.createElement("div"), { className: "banner " + kind, textContent: text })));
  $("emergency").hidden = !state.emergency_text;
  $("emergency-title").textContent = state.emergency_title;
  $("emergency-text").textContent = state.emergency_text;
  $("stage").classList.toggle("blanked", state.blank);
}

function frame() {
  const state = Studio.state;
  if (state && Follower.pageTops.length) {
    let pagePx;
    if (state.motion) {
      const now = serverNowS();
      const px = position(state.motion, now);
      Follower.desktopPx = px;
      pagePx = toPage(state.motion, px);
      // Date.now() is the system's wall clock (ms): on the same machine, the desktop's clock.
      if (Follower.log) Follower.log.push([now, px, Date.now() / 1000]);
    } else {
      // No prompter window on the desktop: show the current segment's start.
      const first = Array.from($("column").children).findIndex((el) => Number(el.dataset.segment) === state.segment_index);
      pagePx = Follower.pageTops[Math.max(0, first)] || 0;
    }
    Follower.pagePx = pagePx;
    const line = readingY();
    $("column").style.transform = `translate3d(0, ${(line - pagePx).toFixed(2)}px, 0)`;
    $("reading-line").style.top = line + "px";
    const block = lastAtOrBelow(Follower.pageTops, pagePx + 0.5);
    const el = $("column").children[block];
    if (el) Follower.segmentIndex = Number(el.dataset.segment);
  }
  requestAnimationFrame(frame);
}

function applyMirror() {
  const asked = new URLSearchParams(location.search).get("mirror");
  if (asked !== null) localStorage.setItem(MIRROR_KEY, asked);
  const mode = localStorage.getItem(MIRROR_KEY) || "";
  $("stage").classList.toggle("mirror-h", mode.includes("h"));
  $("stage").classList.toggle("mirror-v", mode.includes("v"));
}

$("mirror").addEventListener("click", () => {
  const order = ["", "h", "v", "hv"];
  const current = localStorage.getItem(MIRROR_KEY) || "";
  localStorage.setItem(MIRROR_KEY, order[(order.indexOf(current) + 1) % order.length]);
  applyMirror();
});
$("lang").addEventListener("click", toggleLang);
window.addEventListener("resize", measure);
document.fonts && document.fonts.ready.then(measure);

function problem(kind) {
  const box = $("problem");
  box.textContent = t(kind);
  box.hidden = false;
}

applyMirror();
startStudio(render, problem);
requestAnimationFrame(frame);
