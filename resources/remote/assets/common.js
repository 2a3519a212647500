// Shared by the remote and the follower pages: pairing token, language, API calls, live channel, clock.
// Everything is served by Studio Console itself; nothing is fetched from the internet.
"use strict";

const TOKEN_KEY = "studioRemoteToken";
const LANG_KEY = "studioRemoteLang";

const Studio = {
  token: "",
  lang: "zh_CN",
  strings: {},
  clockOffsetMs: 0, // server wall clock minus this page's clock
  onState: null,
  onProblem: null,
  onStrings: null,
  state: null,
};

function takeToken() {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get("token");
  const query = new URLSearchParams(location.search);
  const fromQuery = query.get("token");
  const found = fromHash || fromQuery;
  if (found) {
    localStorage.setItem(TOKEN_KEY, found);
    // Keep the token out of the address bar and the history once it is stored.
    query.delete("token");
    const rest = query.toString();
    history.replaceState(null, "", location.pathname + (rest ? "?" + rest : ""));
  }
  return found || localStorage.getItem(TOKEN_KEY) || "";
}

function chooseLang() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked === "en" || asked === "zh_CN") {
    localStorage.setItem(LANG_KEY, asked);
    return asked;
  }
  const saved = localStorage.getItem(LANG_KEY);
  if (saved) return saved;
  return (navigator.language || "zh").toLowerCase().startsWith("zh") ? "zh_CN" : "en";
}

function t(key) {
  return Studio.strings[key] || key;
}

async function loadStrings() {
  const response = await fetch("/api/strings?lang=" + encodeURIComponent(Studio.lang));
  Studio.strings = await response.json();
  document.documentElement.lang = Studio.lang === "en" ? "en" : "zh-CN";
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  for (const el of document.querySelectorAll("[data-t-placeholder]")) el.placeholder = t(el.dataset.tPlaceholder);
}

function toggleLang() {
  Studio.lang = Studio.lang === "en" ? "zh_CN" : "en";
  localStorage.setItem(LANG_KEY, Studio.lang);
  loadStrings().then(() => {
    if (Studio.onStrings) Studio.onStrings();
    if (Studio.state && Studio.onState) Studio.onState(Studio.state);
  });
}

function authHeaders() {
  return { Authorization: "Bearer " + Studio.token };
}

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { ...authHeaders(), ...(options.headers || {}) } });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (response.status === 401 && Studio.onProblem) Studio.onProblem("not_paired");
  return { ok: response.ok, status: response.status, body };
}

async function sendCommand(command) {
  const result = await api("/api/command", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(command),
  });
  if (result.ok && result.body) applyState(result.body);
  return result;
}

function nowMs() {
  return performance.timeOrigin + performance.now();
}

// NTP-style: the sample with the shortest round trip bounds the offset best.
async function syncClock() {
  let best = null;
  for (let i = 0; i < 15; i++) {
    const sent = nowMs();
    const result = await api("/api/time");
    const received = nowMs();
    if (!result.ok) return;
    const rtt = received - sent;
    const offset = result.body.t * 1000 - (sent + received) / 2;
    if (best === null || rtt < best.rtt) best = { rtt, offset };
  }
  if (best) {
    Studio.clockOffsetMs = best.offset;
    Studio.clockRttMs = best.rtt;
  }
}

function serverNowS() {
  return (nowMs() + Studio.clockOffsetMs) / 1000;
}

function applyState(state) {
  if (Studio.state && state.seq < Studio.state.seq) return; // an older state arrived late
  Studio.state = state;
  if (Studio.onState) Studio.onState(state);
}

function connectLive() {
  const source = new EventSource("/api/events?token=" + encodeURIComponent(Studio.token));
  source.addEventListener("state", (event) => {
    document.body.classList.remove("offline");
    applyState(JSON.parse(event.data));
  });
  source.addEventListener("revoked", () => {
    source.close();
    localStorage.removeItem(TOKEN_KEY);
    if (Studio.onProblem) Studio.onProblem("revoked");
  });
  source.onerror = async () => {
    document.body.classList.add("offline");
    if (source.readyState === EventSource.CLOSED) {
      const check = await api("/api/state");
      if (check.status !== 401) setTimeout(connectLive, 1000);
    }
  };
}

async function startStudio(onState, onProblem) {
  Studio.token = takeToken();
  Studio.lang = chooseLang();
  Studio.onState = onState;
  Studio.onProblem = onProblem;
  await loadStrings();
  if (!Studio.token) {
    onProblem("not_paired");
    return false;
  }
  const first = await api("/api/state");
  if (!first.ok) return false;
  applyState(first.body);
  await syncClock();
  setInterval(syncClock, 60000);
  connectLive();
  return true;
}
