// Browser phone: speaks the same Twilio Media Streams protocol as a telephony front end
// (8 kHz µ-law in JSON "media" events, "dtmf" for keys), so a browser call takes the very
// path a phone call takes. Key digits are sent, never shown: the page shows one dot per key.
"use strict";

const RATE = 8000;
const FRAME_SAMPLES = 160; // 20 ms, as Twilio sends
const statusEl = document.getElementById("status");
const speakingEl = document.getElementById("speaking");
const keysEl = document.getElementById("keys");
const callBtn = document.getElementById("call");
const hangupBtn = document.getElementById("hangup");

let ws = null, ctx = null, micStream = null, processor = null, source = null;
let streamSid = null, playCursor = 0, playing = [], pending = [];
let handoff = null, bridge = null, surveyFor = null;
const BRIDGE_RATE = 16000; // the agent bridge carries 16-bit PCM at 16 kHz (voicebot/console/bridge.py)

function setStatus(text, state) { statusEl.textContent = text; statusEl.dataset.state = state; }

// G.711 µ-law, as in ITU-T G.711 (same tables Twilio uses).
function linearToMulaw(sample) {
  const BIAS = 0x84, CLIP = 32635;
  let sign = (sample >> 8) & 0x80;
  if (sign) sample = -sample;
  if (sample > CLIP) sample = CLIP;
  sample += BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (sample & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (sample >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}
function mulawToLinear(u) {
  u = ~u & 0xff;
  const sign = u & 0x80, exponent = (u >> 4) & 0x07, mantissa = u & 0x0f;
  let sample = ((mantissa << 3) + 0x84) << exponent;
  sample -= 0x84;
  return sign ? -sample : sample;
}

// Downsample by averaging: enough anti-aliasing for speech going into an 8 kHz phone codec.
function downsample(input, fromRate) {
  const ratio = fromRate / RATE, out = new Int16Array(Math.floor(input.length / ratio));
  for (let i = 0; i < out.length; i++) {
    const start = Math.floor(i * ratio), end = Math.min(input.length, Math.floor((i + 1) * ratio));
    let sum = 0;
    for (let j = start; j < end; j++) sum += input[j];
    const v = Math.max(-1, Math.min(1, sum / Math.max(1, end - start)));
    out[i] = v < 0 ? v * 0x8000 : v * 0x7fff;
  }
  return out;
}

function send(obj) { if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(obj)); }

function sendAudio(samples) {
  for (const s of samples) pending.push(s);
  while (pending.length >= FRAME_SAMPLES) {
    const chunk = pending.splice(0, FRAME_SAMPLES);
    let bin = "";
    for (const s of chunk) bin += String.fromCharCode(linearToMulaw(s));
    send({ event: "media", streamSid, media: { payload: btoa(bin) } });
  }
}

// Queue samples (floats in [-1, 1]) to play right after what is already queued.
function schedule(data, rate) {
  const buffer = ctx.createBuffer(1, data.length, rate);
  buffer.copyToChannel(data, 0);
  const src = ctx.createBufferSource();
  src.buffer = buffer;
  src.connect(ctx.destination);
  playCursor = Math.max(playCursor, ctx.currentTime + 0.05);
  src.start(playCursor);
  playCursor += buffer.duration;
  return src;
}

function playMulaw(payload) {
  const bin = atob(payload), data = new Float32Array(bin.length);
  for (let i = 0; i < bin.length; i++) data[i] = mulawToLinear(bin.charCodeAt(i)) / 32768;
  const src = schedule(data, RATE);
  playing.push(src);
  src.onended = () => { playing = playing.filter((p) => p !== src); if (!playing.length) speakingEl.textContent = ""; };
  speakingEl.textContent = "Asystent mówi…";
  document.body.dataset.botAudioChunks = String(Number(document.body.dataset.botAudioChunks || 0) + 1);
}

function clearPlayback() { for (const p of playing) { try { p.stop(); } catch (e) {} } playing = []; playCursor = 0; }

async function startCall() {
  callBtn.disabled = true;
  setStatus("Łączenie…", "connecting");
  try {
    micStream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false, channelCount: 1 },
    });
  } catch (e) {
    setStatus("Brak dostępu do mikrofonu: " + e.name, "error");
    callBtn.disabled = false;
    return;
  }
  ctx = new AudioContext();
  await ctx.resume();
  await openStream({});
}

// One media stream to the bot, as a telephony front end opens it. ``extra``: custom parameters
// (``survey_for``: the caller is back after the agent completed the handoff, for the survey).
async function openStream(extra) {
  // When the server asks telephony sides to authenticate, this page shows a short-lived ticket.
  let ticket = null;
  try {
    const r = await fetch("/call/ticket", { method: "POST" });
    if (r.ok) ticket = (await r.json()).ticket;
  } catch (e) { /* no ticket: the server may not need one */ }
  streamSid = "MZbrowser" + Math.random().toString(16).slice(2, 14);
  const proto = location.protocol === "https:" ? "wss" : "ws";
  ws = new WebSocket(`${proto}://${location.host}/telephony/twilio`);
  ws.onopen = () => {
    send({ event: "connected", protocol: "Call", version: "1.0.0" });
    send({ event: "start", sequenceNumber: "1", streamSid,
           start: { streamSid, callSid: "CAbrowser", tracks: ["inbound"],
                    customParameters: { channel: "browser", ...(ticket ? { ticket } : {}), ...extra },
                    mediaFormat: { encoding: "audio/x-mulaw", sampleRate: 8000, channels: 1 } } });
    if (processor) { processor.disconnect(); processor.onaudioprocess = null; }
    if (source) source.disconnect();
    source = ctx.createMediaStreamSource(micStream);
    processor = ctx.createScriptProcessor(2048, 1, 1);
    processor.onaudioprocess = (ev) => sendAudio(downsample(ev.inputBuffer.getChannelData(0), ctx.sampleRate));
    source.connect(processor);
    processor.connect(ctx.destination);
    setStatus("Połączono z infolinią.", "connected");
    hangupBtn.disabled = false;
  };
  ws.onmessage = (msg) => {
    let m; try { m = JSON.parse(msg.data); } catch (e) { return; }
    if (m.event === "media") playMulaw(m.media.payload);
    else if (m.event === "clear") clearPlayback();
    else if (m.event === "mark") {
      // Echo the mark once the audio before it has played, as a telephony front end does.
      const delay = Math.max(0, (playCursor - ctx.currentTime) * 1000);
      setTimeout(() => send({ event: "mark", streamSid, mark: m.mark }), delay);
      const name = String(m.mark && m.mark.name);
      if (name.startsWith("handoff:")) {
        const [, id, queue, token] = name.split(":");
        handoff = { id, queue, token };
        document.body.dataset.handoffId = id;
        setStatus("Łączę z konsultantem…", "connected");
      }
    }
  };
  ws.onclose = () => {
    if (handoff && handoff.token) { joinAgent(handoff); return; }
    endCall(false);
    setStatus("Połączenie zakończone.", "idle");
  };
  ws.onerror = () => setStatus("Błąd połączenia z serwerem.", "error");
}

// After a handoff the bot's stream ends and the page joins the agent's bridge with the same mic.
function joinAgent(h) {
  const proto = location.protocol === "https:" ? "wss" : "ws";
  bridge = new WebSocket(`${proto}://${location.host}/console/bridge/${h.id}/caller`);
  bridge.binaryType = "arraybuffer";
  // The caller token is a credential: it goes in the first message, never in the URL.
  bridge.onopen = () => bridge.send(JSON.stringify({ type: "hello", token: h.token }));
  setStatus("Czekasz na konsultanta. Nie rozłączaj się.", "connected");
  playCursor = 0;
  bridge.onmessage = (msg) => {
    if (typeof msg.data !== "string") { playPcm16(new Int16Array(msg.data)); return; }
    let m; try { m = JSON.parse(msg.data); } catch (e) { return; }
    if (m.type === "ended") surveyFor = h.id;  // the agent completed: back to the bot for the survey
    if (m.type === "peer" && m.side === "agent") {
      setStatus(m.connected ? "Rozmawiasz z konsultantem." : "Czekasz na konsultanta. Nie rozłączaj się.", "connected");
      document.body.dataset.agentConnected = String(m.connected);
    }
  };
  bridge.onclose = () => {
    bridge = null; handoff = null;
    const rated = surveyFor;
    surveyFor = null;
    if (rated && micStream) { playCursor = 0; openStream({ survey_for: rated }); return; }
    endCall(false); setStatus("Połączenie zakończone.", "idle");
  };
  processor.onaudioprocess = (ev) => {
    if (!bridge || bridge.readyState !== WebSocket.OPEN) return;
    const input = ev.inputBuffer.getChannelData(0), ratio = ctx.sampleRate / BRIDGE_RATE;
    const out = new Int16Array(Math.floor(input.length / ratio));
    for (let i = 0; i < out.length; i++) {
      const v = Math.max(-1, Math.min(1, input[Math.floor(i * ratio)]));
      out[i] = v < 0 ? v * 0x8000 : v * 0x7fff;
    }
    bridge.send(out.buffer);
  };
}

function playPcm16(samples) {
  const data = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) data[i] = samples[i] / 32768;
  schedule(data, BRIDGE_RATE);
}

function endCall(sendStop) {
  if (bridge) { bridge.close(); return; }
  if (sendStop) send({ event: "stop", streamSid, stop: { callSid: "CAbrowser" } });
  if (processor) { processor.disconnect(); processor.onaudioprocess = null; processor = null; }
  if (source) { source.disconnect(); source = null; }
  if (micStream) { micStream.getTracks().forEach((t) => t.stop()); micStream = null; }
  if (ws && sendStop) ws.close();
  clearPlayback();
  callBtn.disabled = false;
  hangupBtn.disabled = true;
  keysEl.textContent = "";
}

document.querySelectorAll("#keypad button").forEach((b) =>
  b.addEventListener("click", () => {
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    send({ event: "dtmf", streamSid, dtmf: { track: "inbound_track", digit: b.dataset.key } });
    keysEl.textContent += "•";
  }));
callBtn.addEventListener("click", startCall);
hangupBtn.addEventListener("click", () => endCall(true));
