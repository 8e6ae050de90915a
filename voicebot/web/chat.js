// Chat with the KAS hotline: the dialogue over /chat/sessions; after a handoff, the agent's chat
// through the console bridge. Digits asked for on the keypad (PESEL, telePIN) go as "dtmf" from a
// password field, so a telePIN is never shown, never in the chat log, never in the history.
"use strict";

const log = document.getElementById("log");
const statusEl = document.getElementById("status");
const textForm = document.getElementById("text-form"), textInput = document.getElementById("text");
const pinForm = document.getElementById("pin-form"), pinInput = document.getElementById("pin");
const download = document.getElementById("download");
const choicesEl = document.getElementById("choices");
const KEYPAD_STATES = new Set(["telepin", "pesel_keys"]);
// The session's token and the handoff's caller token are credentials: they travel in an
// Authorization header or the bridge's first message, never in a URL (URLs reach access logs).
let sessionId = null, sessionToken = null, handoff = null, bridge = null, ended = false, surveyOffered = false;

function show(who, text, cls) {
  const div = document.createElement("div");
  div.className = "msg " + cls;
  div.innerHTML = `<span class="who"></span>`;
  div.firstChild.textContent = who;
  div.appendChild(document.createTextNode(text));
  log.appendChild(div);
  log.scrollTop = log.scrollHeight;
}

// Answers the bot offers (the survey's ratings, yes/no) as buttons; a key-like answer goes as "dtmf",
// as a phone's keypad would send it. Typing an answer works as well.
function showChoices(choices) {
  choicesEl.replaceChildren();
  (choices || []).forEach((c) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = c.label;
    b.addEventListener("click", async () => {
      choicesEl.replaceChildren();
      show("Ty", c.label, "caller");
      const reply = await post(`/chat/sessions/${sessionId}/messages`, c.keys ? { dtmf: c.reply } : { text: c.reply });
      if (reply) onReply(reply);
    });
    choicesEl.appendChild(b);
  });
}

// The agent completed the handoff: the bot comes back with the satisfaction survey.
async function startSurvey() {
  bridge = null;
  const reply = await post(`/chat/sessions/${sessionId}/survey`, {});
  if (reply) { textForm.hidden = false; onReply(reply); }
}

function onReply(reply) {
  sessionId = reply.session_id;
  if (reply.session_token) sessionToken = reply.session_token;
  reply.messages.forEach((m) => show("Infolinia KAS", m, "bot"));
  showChoices(reply.ended ? [] : reply.choices);
  document.body.dataset.state = reply.state;
  document.body.dataset.sessionId = reply.session_id;
  pinForm.hidden = !KEYPAD_STATES.has(reply.state);
  download.hidden = false;
  const h = reply.handoff;
  if (h && h.caller_token && !h.callback && (h.status === "queued" || h.status === "outboxed")) joinAgent(h);
  else if (reply.ended) { ended = true; statusEl.textContent = "Rozmowa zakończona."; textForm.hidden = true; pinForm.hidden = true; }
  else statusEl.textContent = "Rozmawiasz z asystentem.";
}

function bearer(token) { return token ? { Authorization: "Bearer " + token } : {}; }

// The conversation as text: with the agent after a handoff, else the chat with the bot.
async function historyText() {
  const [url, token] = handoff
    ? [`/console/handoffs/${handoff.handoff_id}/transcript?format=text`, handoff.caller_token]
    : [`/chat/sessions/${sessionId}/history?format=text`, sessionToken];
  const r = await fetch(url, { headers: bearer(token) });
  return r.ok ? r.text() : "";
}
window.kasHistoryText = historyText;

download.addEventListener("click", async (ev) => {
  ev.preventDefault();
  const blob = new Blob([await historyText()], { type: "text/plain;charset=utf-8" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = "rozmowa-z-infolinia-kas.txt";
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
});

async function post(url, body) {
  const r = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", ...bearer(sessionToken) },
                               body: JSON.stringify(body) });
  if (!r.ok) { statusEl.textContent = r.status === 409 ? "Rozmowa zakończona." : "Błąd połączenia (" + r.status + ")."; return null; }
  return r.json();
}

function joinAgent(h) {
  handoff = h;
  document.body.dataset.handoffId = h.handoff_id;
  const proto = location.protocol === "https:" ? "wss" : "ws";
  bridge = new WebSocket(`${proto}://${location.host}/console/bridge/${h.handoff_id}/caller`);
  bridge.onopen = () => bridge.send(JSON.stringify({ type: "hello", token: h.caller_token }));
  statusEl.textContent = "Czekasz na konsultanta…";
  pinForm.hidden = true;
  bridge.onmessage = (msg) => {
    if (typeof msg.data !== "string") return;
    let m; try { m = JSON.parse(msg.data); } catch (e) { return; }
    if (m.type === "chat") show("Konsultant", m.text, "agent");
    if (m.type === "ended") { surveyOffered = true; statusEl.textContent = "Konsultant zakończył rozmowę."; startSurvey(); }
    if (m.type === "peer" && m.side === "agent") statusEl.textContent = m.connected ? "Rozmawiasz z konsultantem." : "Czekasz na konsultanta…";
  };
  bridge.onclose = () => { if (!surveyOffered) { statusEl.textContent = "Konsultant zakończył rozmowę."; textForm.hidden = true; } };
}

textForm.addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const text = textInput.value.trim();
  if (!text || ended) return;
  textInput.value = "";
  show("Ty", text, "caller");
  if (bridge) { bridge.send(JSON.stringify({ type: "chat", text })); return; }
  const reply = await post(`/chat/sessions/${sessionId}/messages`, { text });
  if (reply) onReply(reply);
});

pinForm.addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const digits = pinInput.value.replace(/[^0-9]/g, "");
  pinInput.value = "";
  if (!digits) return;
  show("Ty", "•".repeat(digits.length), "caller");
  const reply = await post(`/chat/sessions/${sessionId}/messages`, { dtmf: digits + "#" });
  if (reply) onReply(reply);
});

post("/chat/sessions", {}).then((reply) => reply && onReply(reply));
