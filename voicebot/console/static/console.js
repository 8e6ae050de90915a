// Agent console: live waiting list over a WebSocket, claim, the card, chat and audio bridge.
// Everything shown is set with textContent (never innerHTML): card data is never markup.
"use strict";

const base = location.pathname.endsWith("/") ? location.pathname : location.pathname + "/";
const wsBase = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + base;
const $ = (id) => document.getElementById(id);
const waiting = new Map();          // handoff_id -> waiting line (a Map: a duplicate event cannot show twice)
const instrumentation = { seen: {}, cardShown: {} };   // read by eval/bench_handoff.py
window.kasConsole = instrumentation;
let feed = null, feedRetry = 500, current = null, bridge = null, audio = null, queueLabels = {};

async function api(path, options = {}) {
  const response = await fetch(base + path, { credentials: "same-origin", headers: { "Content-Type": "application/json" }, ...options });
  if (response.status === 401) { showLogin(); throw new Error("unauthorised"); }
  return response;
}

function el(tag, text, cls) { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }

function formatWait(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

// -- sign-in ---------------------------------------------------------------------------------------
function showLogin() {
  closeFeed();
  $("console-view").hidden = true; $("who").hidden = true; $("login-view").hidden = false;
}

$("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("login-error").textContent = "";
  const response = await fetch(base + "api/login", { method: "POST", credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ login: $("login").value, password: $("password").value }) });
  if (!response.ok) { $("login-error").textContent = "Nieprawidłowy login lub hasło."; return; }
  $("password").value = "";
  start((await response.json()).agent);
});

$("logout").addEventListener("click", async () => { await api("api/logout", { method: "POST" }); showLogin(); });

async function start(agent) {
  $("agent-name").textContent = agent;
  $("login-view").hidden = true; $("who").hidden = false; $("console-view").hidden = false;
  const queues = await (await api("api/queues")).json();
  const saved = JSON.parse(localStorage.getItem("kas-queues") || "null");
  const box = $("queues"); box.replaceChildren();
  for (const q of queues) {
    queueLabels[q.queue] = q.label;
    const label = el("label"); const check = el("input");
    check.type = "checkbox"; check.value = q.queue; check.checked = !saved || saved.includes(q.queue);
    check.addEventListener("change", queuesChanged);
    label.append(check, " " + q.label);
    if (!q.open) label.append(" ", el("span", `(zamknięta, otwarcie ${q.next_opening})`, "closed"));
    box.append(label);
  }
  openFeed();
}

function selectedQueues() { return [...document.querySelectorAll("#queues input:checked")].map((c) => c.value); }

function queuesChanged() {
  localStorage.setItem("kas-queues", JSON.stringify(selectedQueues()));
  if (feed && feed.readyState === WebSocket.OPEN) feed.send(JSON.stringify({ type: "queues", queues: selectedQueues() }));
}

// -- live feed -------------------------------------------------------------------------------------
function openFeed() {
  closeFeed();
  feed = new WebSocket(wsBase + "ws?queues=" + encodeURIComponent(selectedQueues().join(",")));
  feed.onopen = () => {
    feedRetry = 500; setConnection("Połączono — zgłoszenia na żywo.");
    if (current) feed.send(JSON.stringify({ type: "hold", handoff_id: current.handoff_id }));
  };
  feed.onmessage = (event) => onFeed(JSON.parse(event.data));
  feed.onclose = (event) => {
    if (event.code === 4401) { showLogin(); return; }
    if (feed === null) return;
    setConnection("Rozłączono — ponowne łączenie…");
    setTimeout(openFeed, feedRetry); feedRetry = Math.min(feedRetry * 2, 10000);
  };
}

function closeFeed() { if (feed) { const f = feed; feed = null; f.close(); } }

function setConnection(text) { $("connection").textContent = text; }

function onFeed(message) {
  if (message.type === "snapshot") {
    waiting.clear();
    for (const item of message.items) waiting.set(item.handoff_id, item);
    setConnection("Połączono — zgłoszenia na żywo.");
  } else if (message.type === "waiting") {
    waiting.set(message.item.handoff_id, message.item);
  } else if (message.type === "gone") {
    waiting.delete(message.handoff_id);
  } else if (message.type === "status" && message.redis === "down") {
    setConnection("Kolejka chwilowo niedostępna — zgłoszenia nie przepadną.");
  } else if (message.type === "lost" && current && current.handoff_id === message.handoff_id) {
    closeCard("Zgłoszenie wróciło do kolejki (utracono połączenie).");
  }
  renderWaiting();
}

function renderWaiting() {
  const list = $("waiting");
  const items = [...waiting.values()].sort((a, b) => a.created_at - b.created_at);
  const rows = items.map((item) => {
    const li = el("li"); li.dataset.handoffId = item.handoff_id;
    li.append(el("span", "", "wait"), el("strong", item.queue_label), el("div", item.summary));
    const who = item.verified ? `zweryfikowany, PESEL ${item.pesel_masked}` : "niezweryfikowany";
    li.append(el("div", `${item.channel === "text" ? "czat" : "rozmowa głosowa"} · ${who}`, "meta"));
    const take = el("button", "Przyjmij"); take.type = "button"; take.dataset.claim = item.handoff_id;
    take.addEventListener("click", () => claim(item.handoff_id));
    li.append(take);
    return li;
  });
  list.replaceChildren(...rows);
  $("waiting-count").textContent = String(items.length);
  $("waiting-empty").hidden = items.length > 0;
  tick();
  const now = Date.now();
  for (const item of items) if (!(item.handoff_id in instrumentation.seen)) instrumentation.seen[item.handoff_id] = now;
}

function tick() {
  const now = Date.now() / 1000;
  for (const li of $("waiting").children) {
    const item = waiting.get(li.dataset.handoffId);
    if (item) li.querySelector(".wait").textContent = formatWait(now - item.created_at);
  }
}
setInterval(tick, 1000);  // redraws the clocks only; the list itself arrives over the WebSocket

// -- claim and the card ----------------------------------------------------------------------------
async function claim(handoffId) {
  $("claim-error").textContent = "";
  if (current) { $("claim-error").textContent = "Najpierw zakończ lub zwróć bieżące zgłoszenie."; return; }
  const response = await api(`api/handoffs/${encodeURIComponent(handoffId)}/claim`, { method: "POST" });
  if (response.status === 409) {
    waiting.delete(handoffId); renderWaiting();
    $("claim-error").textContent = "To zgłoszenie przyjął już inny konsultant."; return;
  }
  if (!response.ok) { $("claim-error").textContent = "Nie udało się przyjąć zgłoszenia."; return; }
  const card = await response.json();
  waiting.delete(handoffId); renderWaiting();
  showCard(card);
  if (feed && feed.readyState === WebSocket.OPEN) feed.send(JSON.stringify({ type: "hold", handoff_id: handoffId }));
}

function fact(list, name, value) {
  if (value === null || value === undefined || value === "") return;
  list.append(el("dt", name), el("dd", String(value)));
}

function showCard(card) {
  current = card;
  $("card-summary").textContent = card.summary;
  // The card arrives in plain Polish (integrations/handoff/card_text.py): labels and values, empty ones left out.
  const facts = $("card-facts"); facts.replaceChildren();
  for (const f of card.facts || []) fact(facts, f.label, f.value);
  fact(facts, "Czas oczekiwania", formatWait(card.waited_s || 0));
  const said = card.bot_said || [];
  $("card-answers").replaceChildren(...(said.length ? said.map((a) => el("li", a)) : [el("li", "—")]));
  const extra = $("card-360"); extra.replaceChildren();
  if ((card.registry || []).length) for (const f of card.registry) fact(extra, f.label, f.value);
  else fact(extra, "—", card.enrichment_error || "brak danych");
  const roles = { caller: "Rozmówca", bot: "Bot", agent: "Konsultant", system: "System" };
  $("card-transcript").replaceChildren(...card.transcript.map((t) => el("li", `${roles[t.role] || t.role}: ${t.text}`, "from-" + t.role)));
  $("chat-log").replaceChildren(...(card.chat || []).map(chatLine));
  $("card").hidden = false;
  $("card").scrollIntoView({ block: "nearest" });
  instrumentation.cardShown[card.handoff_id] = Date.now();
  openBridge(card.handoff_id);
}

function closeCard(note) {
  if (current && feed && feed.readyState === WebSocket.OPEN) feed.send(JSON.stringify({ type: "drop", handoff_id: current.handoff_id }));
  current = null; stopAudio();
  if (bridge) { bridge.close(); bridge = null; }
  $("card").hidden = true;
  $("claim-error").textContent = note || "";
}

$("release").addEventListener("click", async () => {
  if (!current) return;
  await api(`api/handoffs/${encodeURIComponent(current.handoff_id)}/release`, { method: "POST" });
  closeCard();
});
$("complete").addEventListener("click", async () => {
  if (!current) return;
  await api(`api/handoffs/${encodeURIComponent(current.handoff_id)}/complete`, { method: "POST" });
  closeCard();
});

// -- bridge: chat and audio ------------------------------------------------------------------------
function chatLine(m) { return el("li", `${m.role === "agent" || m.from === "agent" ? "Konsultant" : "Rozmówca"}: ${m.text}`, "from-" + (m.from || m.role)); }

function openBridge(handoffId) {
  bridge = new WebSocket(wsBase + `bridge/${encodeURIComponent(handoffId)}/agent`);
  bridge.binaryType = "arraybuffer";
  bridge.onmessage = (event) => {
    if (typeof event.data !== "string") { playPcm(event.data); return; }
    const m = JSON.parse(event.data);
    if (m.type === "chat") $("chat-log").append(chatLine(m));
    if (m.type === "peer" && m.side === "caller") $("bridge-status").textContent = m.connected ? "Rozmówca połączony." : "Rozmówca niepołączony.";
  };
}

$("chat-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = $("chat-input").value.trim();
  if (!text || !bridge || bridge.readyState !== WebSocket.OPEN) return;
  bridge.send(JSON.stringify({ type: "chat", text }));
  $("chat-log").append(chatLine({ from: "agent", text }));
  $("chat-input").value = "";
});

// Audio: 16-bit little-endian mono PCM at 16 kHz both ways.
$("take-call").addEventListener("click", startAudio);
$("hang-up").addEventListener("click", stopAudio);

async function startAudio() {
  if (audio || !bridge) return;
  const context = new AudioContext({ sampleRate: 16000 });
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, channelCount: 1 } });
  const source = context.createMediaStreamSource(stream);
  const processor = context.createScriptProcessor(2048, 1, 1);
  const mute = context.createGain(); mute.gain.value = 0;
  processor.onaudioprocess = (event) => {
    if (!bridge || bridge.readyState !== WebSocket.OPEN) return;
    const input = event.inputBuffer.getChannelData(0);
    const pcm = new Int16Array(input.length);
    for (let i = 0; i < input.length; i++) pcm[i] = Math.max(-1, Math.min(1, input[i])) * 0x7fff;
    bridge.send(pcm.buffer);
  };
  source.connect(processor); processor.connect(mute); mute.connect(context.destination);
  audio = { context, stream, processor, playAt: 0 };
  $("take-call").hidden = true; $("hang-up").hidden = false;
  $("bridge-status").textContent = "Rozmowa audio trwa.";
}

function playPcm(buffer) {
  if (!audio) return;
  const pcm = new Int16Array(buffer);
  const chunk = audio.context.createBuffer(1, pcm.length, 16000);
  const data = chunk.getChannelData(0);
  for (let i = 0; i < pcm.length; i++) data[i] = pcm[i] / 0x8000;
  const node = audio.context.createBufferSource();
  node.buffer = chunk; node.connect(audio.context.destination);
  audio.playAt = Math.max(audio.playAt, audio.context.currentTime + 0.05);
  node.start(audio.playAt); audio.playAt += chunk.duration;
}

function stopAudio() {
  if (!audio) return;
  audio.processor.disconnect(); audio.stream.getTracks().forEach((t) => t.stop()); audio.context.close();
  audio = null;
  $("take-call").hidden = false; $("hang-up").hidden = true;
  $("bridge-status").textContent = "";
}

// -- boot ------------------------------------------------------------------------------------------
(async () => {
  const response = await fetch(base + "api/me", { credentials: "same-origin" });
  if (response.ok) start((await response.json()).agent); else showLogin();
})();
