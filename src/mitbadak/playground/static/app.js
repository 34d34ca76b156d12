// mitbadak playground: the page. It only draws; all training happens in mitbadak on the server.
"use strict";

const $ = (s) => document.querySelector(s);
const $$ = (s) => Array.from(document.querySelectorAll(s));
const FEATURES = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2", "cosx1", "cosx2"];
const FEATURE_LABELS = { x1: "X₁", x2: "X₂", x1sq: "X₁²", x2sq: "X₂²", x1x2: "X₁X₂",
  sinx1: "sin(X₁)", sinx2: "sin(X₂)", cosx1: "cos(X₁)", cosx2: "cos(X₂)" };
const DEFAULTS = { dataset: "circle", noise: "0", ratio: "50", samples: "400", features: "x1,x2",
  hidden: "4,2", activation: "tanh", loss: "auto", optimizer: "sgd", lr: "0.03", batch: "10",
  reg: "none", regrate: "0.001", dropout: "0", bn: "0", init: "glorot_uniform", seed: "0" };
const D_DEFAULTS = { d_data: "digits", d_model: "mlp", d_hidden: "32", d_optimizer: "adam", d_lr: "0.01", d_batch: "32" };

// ---------------------------------------------------------------- URL <-> setup
const params = new URLSearchParams(location.search);
const setup = {}, dsetup = {};
for (const k in DEFAULTS) setup[k] = params.has(k) ? params.get(k) : DEFAULTS[k];
for (const k in D_DEFAULTS) dsetup[k] = params.has(k) ? params.get(k) : D_DEFAULTS[k];
let tab = params.get("tab") === "digits" ? "digits" : "playground";
const autoplay = params.get("play") === "1";
const autoplayTab = tab;

function writeURL() {
  const q = new URLSearchParams();
  for (const k in setup) if (setup[k] !== DEFAULTS[k] || k === "dataset") q.set(k, setup[k]);
  for (const k in dsetup) if (dsetup[k] !== D_DEFAULTS[k]) q.set(k, dsetup[k]);
  if (tab !== "playground") q.set("tab", tab);
  // ?play=1 acts once, at load: the URL written back describes the setup only
  history.replaceState(null, "", "?" + q.toString());
}

// One message line. A message from a request the learner made (a bad value, a bad CSV) stays
// until their next successful change; the polling loop only clears its own (server away).
let messageFrom = null;
function showError(msg, from = "action") {
  const m = $("#message");
  if (msg) { m.textContent = msg; m.hidden = false; messageFrom = from; } else { m.hidden = true; m.textContent = ""; messageFrom = null; }
}
function clearPollError() { if (messageFrom === "poll") showError(null); }

async function api(method, path, body) {
  const opt = { method, headers: {} };
  if (body !== undefined) { opt.body = JSON.stringify(body); opt.headers["Content-Type"] = "application/json"; }
  let r;
  try { r = await fetch(path, opt); } catch (e) { throw new Error("the playground server is not reachable (was it stopped?)"); }
  let data;
  try { data = await r.json(); } catch (e) { throw new Error(`server answered ${r.status} without JSON`); }
  if (!r.ok) throw new Error(data.error || `error ${r.status}`);
  return data;
}

// ---------------------------------------------------------------- colours
function color(t) { // t in [-1, 1]: orange (negative / class 0) .. white .. blue (positive / class 1)
  t = Math.max(-1, Math.min(1, t || 0));
  const c = t < 0 ? [245, 147, 34] : [8, 119, 189];
  const a = Math.abs(t);
  return [255 + (c[0] - 255) * a, 255 + (c[1] - 255) * a, 255 + (c[2] - 255) * a];
}
function paintGrid(canvas, grid, toT, light) {
  const n = grid.length, m = grid[0].length;
  const off = document.createElement("canvas"); off.width = m; off.height = n;
  const ctx = off.getContext("2d"), img = ctx.createImageData(m, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) {
    let [r, g, b] = color(toT(grid[i][j]));
    if (light) { r = 255 - (255 - r) * 0.75; g = 255 - (255 - g) * 0.75; b = 255 - (255 - b) * 0.75; }
    const k = 4 * (i * m + j); img.data[k] = r; img.data[k + 1] = g; img.data[k + 2] = b; img.data[k + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  const c = canvas.getContext("2d");
  c.imageSmoothingEnabled = true; c.imageSmoothingQuality = "high";
  c.drawImage(off, 0, 0, canvas.width, canvas.height);
}
function grey(canvas, pixels, signed) {
  const n = pixels.length, m = pixels[0].length;
  canvas.width = m; canvas.height = n;
  const ctx = canvas.getContext("2d"), img = ctx.createImageData(m, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) {
    const v = pixels[i][j], k = 4 * (i * m + j);
    const rgb = signed ? color(v) : [255 * v, 255 * v, 255 * v];
    img.data[k] = rgb[0]; img.data[k + 1] = rgb[1]; img.data[k + 2] = rgb[2]; img.data[k + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}
function chart(canvas, series, colors) {
  const ctx = canvas.getContext("2d"), W = canvas.width, H = canvas.height;
  ctx.clearRect(0, 0, W, H);
  let max = 0;
  for (const s of series) for (const v of s) if (v != null && isFinite(v)) max = Math.max(max, v);
  if (!max) return;
  series.forEach((s, k) => {
    ctx.strokeStyle = colors[k]; ctx.lineWidth = 1.5; ctx.beginPath();
    s.forEach((v, i) => {
      if (v == null) return;
      const x = s.length > 1 ? (i / (s.length - 1)) * (W - 4) + 2 : 2, y = H - 3 - (v / max) * (H - 8);
      i ? ctx.lineTo(x, y) : ctx.moveTo(x, y);
    });
    ctx.stroke();
  });
}
function decodeHeat(b64, n, reg) { // base64 bytes 0..255 -> n x n values (p, or -1..1)
  const raw = atob(b64), grid = [];
  for (let i = 0; i < n; i++) {
    const row = new Array(n);
    for (let j = 0; j < n; j++) { const t = raw.charCodeAt(i * n + j) / 255; row[j] = reg ? 2 * t - 1 : t; }
    grid.push(row);
  }
  return grid;
}
const fmt = (v) => (v == null ? "NaN" : v.toFixed(3));

// ================================================================= Playground tab
const P = { sid: null, version: 0, epoch: -1, running: false, inputs: null, state: null, busy: false };

function syncControls() {
  for (const el of $$("#playground [data-key]")) {
    const k = el.dataset.key;
    if (el.type === "checkbox") el.checked = setup[k] === "1"; else el.value = setup[k];
  }
  $("#ratio-val").textContent = setup.ratio; $("#noise-val").textContent = setup.noise;
  for (const b of $$("#datasets button")) b.classList.toggle("active", b.dataset.ds === setup.dataset);
  const hidden = setup.hidden ? setup.hidden.split(",") : [];
  $("#layer-count").textContent = hidden.length;
  for (const el of $$("#digits [data-key]")) el.value = dsetup[el.dataset.key];
}

async function sendSetup() {
  writeURL();
  const body = { setup: { ...setup } };
  if (setup.dataset === "csv") body.setup.csv = sessionStorage.getItem("mitbadak-csv") || "";
  try {
    const r = P.sid ? await api("POST", `/api/${P.sid}/setup`, body)
                    : await api("POST", "/api/session", { kind: "playground", ...body });
    showError(null);
    applyPlayground(r);
  } catch (e) { showError(e.message); }
}

function change(key, value) { setup[key] = String(value); syncControls(); sendSetup(); }

function applyPlayground(r) {
  P.sid = r.session; P.version = r.version; P.running = r.running;
  if (r.inputs) { P.inputs = r.inputs; layoutNetwork(); }
  P.state = r.state; P.epoch = r.state.epoch;
  if (r.error) showError(r.error, "session");
  drawPlayground();
}

function drawPlayground() {
  const s = P.state, inp = P.inputs;
  if (!s || !inp) return;
  $("#epoch").textContent = s.epoch.toString().padStart(3, "0");
  $("#train-loss").textContent = fmt(s.train_loss);
  $("#test-loss").textContent = fmt(s.test_loss);
  $("#play").innerHTML = P.running ? "&#10074;&#10074;" : "&#9654;";
  $("#play").classList.toggle("playing", P.running);
  chart($("#loss-chart"), [s.train_curve, s.test_curve], ["#888", "#111"]);
  const reg = inp.task === "regression";
  $("#legend-neg").textContent = reg ? "−1" : "class 0";
  $("#legend-pos").textContent = reg ? "+1" : "class 1";
  const toT = reg ? (v) => v : (v) => 2 * v - 1;
  const hm = $("#heatmap");
  paintGrid(hm, decodeHeat(s.heat, s.heat_size, reg), toT, true);
  const ctx = hm.getContext("2d"), D = inp.domain, W = hm.width;
  const pts = $("#show-test").checked ? inp.train_points.concat(inp.test_points) : inp.train_points;
  const testFrom = inp.train_points.length;
  pts.forEach((p, i) => {
    const x = ((p[0] + D) / (2 * D)) * W, y = ((D - p[1]) / (2 * D)) * W;
    const [r, g, b] = color(reg ? p[2] : 2 * p[2] - 1);
    ctx.beginPath(); ctx.arc(x, y, 3, 0, 7);
    ctx.fillStyle = `rgb(${r},${g},${b})`; ctx.fill();
    ctx.lineWidth = 1; ctx.strokeStyle = i >= testFrom ? "#000" : "#fff"; ctx.stroke();
  });
  // neurons and weights
  s.neurons.forEach((layer, l) => layer.forEach((grid, j) => {
    const c = document.getElementById(`n-${l}-${j}`);
    if (c) paintGrid(c, grid, (v) => v, false);
  }));
  drawLinks(s.weights);
  const f = $("#findings");
  if (!inp.doctor) f.innerHTML = '<p class="hint">The Doctor is not available in this mitbadak.</p>';
  else if (!s.findings.length) f.innerHTML = '<p class="hint">No findings yet.</p>';
  else f.innerHTML = s.findings.map((x) => `<div class="finding"><div>${esc(x.message)}</div>` +
    (x.fix ? `<div class="fix">Fix: ${esc(x.fix)}</div>` : "") +
    `<div class="code">${esc(x.code)}${x.epoch != null ? " · epoch " + x.epoch : ""}</div></div>`).join("");
}
const esc = (t) => String(t).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

// network diagram: features column, hidden layers, output
let nodePos = [];
function layoutNetwork() {
  const net = $("#network");
  for (const el of $$("#network .node, #network .layer-ctl")) el.remove();
  const hidden = setup.hidden ? setup.hidden.split(",").map(Number) : [];
  const active = setup.features.split(",");
  const W = net.clientWidth || 500, cols = hidden.length + 2, gap = (W - 80) / Math.max(cols - 1, 1);
  nodePos = [];
  // features: all nine shown, the used ones bright (click toggles)
  const feats = [];
  FEATURES.forEach((f, i) => {
    const on = active.includes(f);
    const el = node(40, 10 + i * 44, on ? "" : "off");
    el.classList.add("feature");
    el.title = on ? `${FEATURE_LABELS[f]} (click to drop)` : `${FEATURE_LABELS[f]} (click to use)`;
    const lbl = document.createElement("span"); lbl.className = "lbl"; lbl.textContent = FEATURE_LABELS[f]; el.appendChild(lbl);
    el.addEventListener("click", () => {
      const now = setup.features.split(",").filter(Boolean);
      const next = now.includes(f) ? now.filter((x) => x !== f) : FEATURES.filter((x) => now.includes(x) || x === f);
      if (!next.length) return showError("features: keep at least one input feature");
      change("features", next.join(","));
    });
    if (on) {
      const k = P.inputs.features.indexOf(f);
      paintGrid(el.querySelector("canvas"), P.inputs.feature_maps[k], (v) => v, false);
      feats.push([40 + 19, 10 + i * 44 + 19]);
    }
    net.appendChild(el);
  });
  nodePos.push(feats);
  hidden.forEach((n, l) => {
    const x = 40 + gap * (l + 1), col = [];
    for (let j = 0; j < n; j++) {
      const el = node(x, 40 + j * 44, "");
      el.querySelector("canvas").id = `n-${l}-${j}`;
      net.appendChild(el); col.push([x + 19, 40 + j * 44 + 19]);
    }
    const ctl = document.createElement("div"); ctl.className = "layer-ctl";
    ctl.style.left = `${x - 8}px`; ctl.style.top = "8px";
    ctl.innerHTML = `<button class="round" title="more neurons">+</button><button class="round" title="fewer neurons">&minus;</button> ${n}`;
    const [plus, minus] = ctl.querySelectorAll("button");
    plus.onclick = () => { hidden[l] = Math.min(n + 1, 32); change("hidden", hidden.join(",")); };
    minus.onclick = () => { if (n > 1) { hidden[l] = n - 1; change("hidden", hidden.join(",")); } };
    net.appendChild(ctl);
    nodePos.push(col);
  });
  nodePos.push([[40 + gap * (hidden.length + 1) - 30, 200]]);
  net.style.height = `${Math.max(10 + FEATURES.length * 44, 60 + Math.max(0, ...hidden) * 44)}px`;
}
function node(x, y, cls) {
  const el = document.createElement("div"); el.className = "node " + cls;
  el.style.left = `${x}px`; el.style.top = `${y}px`;
  const c = document.createElement("canvas"); c.width = 20; c.height = 20; el.appendChild(c);
  return el;
}
function drawLinks(weights) {
  const svg = $("#links");
  let html = "";
  weights.forEach((w, l) => {
    const from = nodePos[l], to = nodePos[l + 1];
    if (!from || !to) return;
    let max = 0; for (const row of w) for (const v of row) max = Math.max(max, Math.abs(v));
    w.forEach((row, i) => row.forEach((v, j) => {
      if (!from[i] || !to[j]) return;
      const [x1, y1] = from[i], [x2, y2] = to[j];
      const [r, g, b] = color(Math.sign(v) * Math.min(1, 0.25 + Math.abs(v)));
      const width = 0.5 + 4 * Math.min(1, Math.abs(v) / Math.max(max, 1e-9));
      html += `<path d="M${x1 + 19},${y1} C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2 - 19},${y2}" stroke="rgb(${r | 0},${g | 0},${b | 0})" stroke-width="${width.toFixed(2)}" fill="none"><title>weight ${v}</title></path>`;
    }));
  });
  const out = nodePos[nodePos.length - 1][0];
  html += `<text x="${out[0] - 10}" y="${out[1] + 4}" font-size="12" fill="#555">output</text>`;
  svg.innerHTML = html;
}

async function pollPlayground() {
  for (;;) {
    if (!P.sid || tab !== "playground") { await sleep(300); continue; }
    const t0 = performance.now();
    try {
      const r = await api("GET", `/api/${P.sid}/state?epoch=${P.epoch}&version=${P.version}`);
      // an answer overtaken by a newer one (a step, a new setup) is dropped
      if (r.version > P.version || (r.version === P.version && r.state.epoch >= P.epoch)) applyPlayground(r);
      clearPollError();
    } catch (e) { showError(e.message, "poll"); await sleep(1000); }
    await sleep(P.running ? Math.max(0, 40 - (performance.now() - t0)) : 400);
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function play(on) {
  if (!P.sid) return;
  try { applyPlayground(await api("POST", `/api/${P.sid}/play`, { on })); } catch (e) { showError(e.message); }
}

function initPlayground() {
  syncControls();
  for (const el of $$("#playground [data-key]")) {
    el.addEventListener("change", () => change(el.dataset.key, el.type === "checkbox" ? (el.checked ? "1" : "0") : el.value.trim()));
    if (el.type === "range") el.addEventListener("input", () => { $(`#${el.id}-val`).textContent = el.value; });
  }
  for (const b of $$("#datasets button")) b.addEventListener("click", () => change("dataset", b.dataset.ds));
  $("#csv-file").addEventListener("change", async (ev) => {
    const f = ev.target.files[0]; if (!f) return;
    if (f.size > 1500000) return showError("CSV: the file is larger than 1.5 MB; use a sample");
    sessionStorage.setItem("mitbadak-csv", await f.text());
    change("dataset", "csv");
  });
  $("#add-layer").onclick = () => { const h = setup.hidden ? setup.hidden.split(",") : []; if (h.length < 6) { h.push("2"); change("hidden", h.join(",")); } };
  $("#remove-layer").onclick = () => { const h = setup.hidden ? setup.hidden.split(",") : []; h.pop(); change("hidden", h.join(",")); };
  $("#play").onclick = () => play(!P.running);
  $("#step").onclick = async () => { try { applyPlayground(await api("POST", `/api/${P.sid}/step`)); } catch (e) { showError(e.message); } };
  $("#reset").onclick = async () => { try { applyPlayground(await api("POST", `/api/${P.sid}/reset`)); } catch (e) { showError(e.message); } };
  $("#show-test").onchange = drawPlayground;
  $("#export").onclick = async () => {
    try {
      const r = await api("POST", `/api/${P.sid}/export`);
      $("#script").value = r.script; $("#export-dialog").showModal();
    } catch (e) { showError(e.message); }
  };
  $("#close-export").onclick = () => $("#export-dialog").close();
  $("#copy-script").onclick = () => { $("#script").select(); navigator.clipboard && navigator.clipboard.writeText($("#script").value); };
  $("#share").onclick = () => { navigator.clipboard && navigator.clipboard.writeText(location.href); $("#share").textContent = "Link copied"; setTimeout(() => ($("#share").textContent = "Copy link to this setup"), 1500); };
  window.addEventListener("resize", () => { if (P.inputs) { layoutNetwork(); drawPlayground(); } });
}

// ================================================================= Digits tab
const Dg = { sid: null, version: 0, epoch: -1, running: false, inputs: null, state: null, index: 0 };

async function sendDigits() {
  writeURL();
  try {
    const r = Dg.sid ? await api("POST", `/api/${Dg.sid}/setup`, { setup: { ...dsetup } })
                     : await api("POST", "/api/session", { kind: "digits", setup: { ...dsetup } });
    showError(null); applyDigits(r); showActivations(); predictDrawing();
  } catch (e) { showError(e.message); }
}
function applyDigits(r) {
  Dg.sid = r.session; Dg.version = r.version; Dg.running = r.running;
  if (r.inputs) Dg.inputs = r.inputs;
  const changed = !Dg.state || r.state.epoch !== Dg.state.epoch;
  Dg.state = r.state; Dg.epoch = r.state.epoch;
  if (r.error) showError(r.error, "session");
  drawDigits();
  if (changed) { showActivations(); predictDrawing(); }
}
function drawDigits() {
  const s = Dg.state; if (!s) return;
  $("#d-epoch").textContent = s.epoch.toString().padStart(3, "0");
  $("#d-acc").textContent = s.test_acc == null ? "–" : (100 * s.test_acc).toFixed(1) + "%";
  $("#d-play").innerHTML = Dg.running ? "&#10074;&#10074;" : "&#9654;";
  $("#d-play").classList.toggle("playing", Dg.running);
  chart($("#d-loss-chart"), [s.train_curve, s.test_curve], ["#888", "#111"]);
  const cm = s.confusion; let max = 1;
  cm.forEach((row, i) => row.forEach((v, j) => { if (i !== j) max = Math.max(max, v); }));
  let html = "<tr><th>true \\ pred</th>" + cm.map((_, j) => `<th>${j}</th>`).join("") + "</tr>";
  cm.forEach((row, i) => {
    html += `<tr><th>${i}</th>` + row.map((v, j) => {
      const a = i === j ? Math.min(1, v / 40) : v / max;
      const bg = i === j ? `rgba(8,119,189,${(0.15 + 0.6 * a).toFixed(2)})` : `rgba(245,147,34,${(v ? 0.15 + 0.7 * a : 0).toFixed(2)})`;
      return `<td data-t="${i}" data-p="${j}" style="background:${bg}">${v || ""}</td>`;
    }).join("") + "</tr>";
  });
  $("#confusion").innerHTML = html;
  for (const td of $$("#confusion td")) td.onclick = () => showCell(td.dataset.t, td.dataset.p);
  const f = $("#filters"); f.innerHTML = "";
  for (const im of s.filters) { const c = document.createElement("canvas"); grey(c, im, true); c.style.width = c.style.height = "36px"; f.appendChild(c); }
}
async function showCell(t, p) {
  try {
    const r = await api("GET", `/api/${Dg.sid}/cell?true=${t}&pred=${p}`);
    const v = $("#cell-view");
    v.innerHTML = `<div class="hint">${r.count} test image(s) of a ${r.true} classified as ${r.pred}${r.count > r.images.length ? " (first " + r.images.length + ")" : ""}; click one for its activations</div>`;
    for (const im of r.images) {
      const c = document.createElement("canvas"); grey(c, im.pixels, false);
      c.style.width = c.style.height = "40px"; c.title = `test image ${im.index}`;
      c.onclick = () => { Dg.index = im.index; $("#d-index").value = im.index; showActivations(); };
      v.appendChild(c);
    }
  } catch (e) { showError(e.message); }
}
async function showActivations() {
  if (!Dg.sid) return;
  try {
    const r = await api("GET", `/api/${Dg.sid}/activations?index=${encodeURIComponent($("#d-index").value)}`);
    const box = $("#activations"); box.innerHTML = "";
    const c = document.createElement("canvas"); grey(c, r.image, false); c.style.width = c.style.height = "64px"; box.appendChild(c);
    const top = r.probs.indexOf(Math.max(...r.probs));
    box.appendChild(Object.assign(document.createElement("span"), { className: "hint", textContent: ` label ${r.label}, predicted ${top} (${(100 * r.probs[top]).toFixed(1)}%)` }));
    for (const layer of r.layers) {
      box.appendChild(Object.assign(document.createElement("div"), { className: "act-layer", textContent: layer.name }));
      if (Array.isArray(layer.values[0]) && Array.isArray(layer.values[0][0])) { // channels of images
        for (const ch of layer.values) { const cv = document.createElement("canvas"); grey(cv, ch, false); cv.style.width = cv.style.height = "32px"; box.appendChild(cv); }
      } else { // a vector: one strip
        const vals = Array.isArray(layer.values[0]) ? layer.values.flat() : layer.values;
        const cv = document.createElement("canvas"); grey(cv, [vals.map((v) => Math.max(0, v))], false);
        cv.style.width = `${Math.min(300, 6 * vals.length)}px`; cv.style.height = "12px"; box.appendChild(cv);
      }
    }
  } catch (e) { showError(e.message); }
}

// drawing canvas -> model input (bounding box, centred, downsampled like the data)
let drawing = false, lastPt = null, predictTimer = null;
function drawPixels() {
  const cv = $("#draw"), ctx = cv.getContext("2d", { willReadFrequently: true }), W = cv.width;
  const data = ctx.getImageData(0, 0, W, W).data;
  let x0 = W, y0 = W, x1 = -1, y1 = -1;
  for (let y = 0; y < W; y++) for (let x = 0; x < W; x++) if (data[4 * (y * W + x)] > 20) {
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  const S = (Dg.inputs && Dg.inputs.size) || 8;
  if (x1 < 0) return new Array(S * S).fill(0);
  const box = Math.max(x1 - x0, y1 - y0) + 1, cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const inner = S === 8 ? 7.2 : 20; // the digits fill the 8x8 box; MNIST digits sit in 20x20 of 28x28
  const tmp = document.createElement("canvas"); tmp.width = tmp.height = S;
  const t = tmp.getContext("2d"); t.imageSmoothingEnabled = true; t.imageSmoothingQuality = "high";
  t.fillStyle = "#000"; t.fillRect(0, 0, S, S);
  const scale = inner / box;
  t.drawImage(cv, cx - box / 2, cy - box / 2, box, box, S / 2 - (box * scale) / 2, S / 2 - (box * scale) / 2, box * scale, box * scale);
  const px = t.getImageData(0, 0, S, S).data, out = [];
  let max = 0;
  for (let i = 0; i < S * S; i++) { out.push(px[4 * i] / 255); max = Math.max(max, px[4 * i] / 255); }
  return out.map((v) => Math.min(1, v / (max || 1)));
}
async function predictDrawing() {
  if (!Dg.sid) return;
  try {
    const r = await api("POST", `/api/${Dg.sid}/predict`, { pixels: drawPixels() });
    const top = r.probs.indexOf(Math.max(...r.probs));
    $("#probs").innerHTML = r.probs.map((p, k) => `<div class="prob${k === top ? " top" : ""}" id="prob-${k}"><span>${k}</span><div class="bar-bg"><div class="fill" style="width:${(100 * p).toFixed(1)}%"></div></div><span class="v">${(100 * p).toFixed(1)}%</span></div>`).join("");
  } catch (e) { showError(e.message); }
}
function initDigits() {
  for (const el of $$("#digits [data-key]")) el.addEventListener("change", () => { dsetup[el.dataset.key] = el.value.trim(); sendDigits(); });
  const cv = $("#draw"), ctx = cv.getContext("2d", { willReadFrequently: true });
  ctx.fillStyle = "#000"; ctx.fillRect(0, 0, cv.width, cv.height);
  const pos = (e) => { const r = cv.getBoundingClientRect(); return [(e.clientX - r.left) * (cv.width / r.width), (e.clientY - r.top) * (cv.height / r.height)]; };
  cv.addEventListener("pointerdown", (e) => { drawing = true; lastPt = pos(e); cv.setPointerCapture(e.pointerId); stroke(pos(e)); });
  cv.addEventListener("pointermove", (e) => { if (drawing) stroke(pos(e)); });
  cv.addEventListener("pointerup", () => { drawing = false; predictDrawing(); });
  function stroke(p) {
    ctx.strokeStyle = "#fff"; ctx.lineWidth = 18; ctx.lineCap = "round";
    ctx.beginPath(); ctx.moveTo(lastPt[0], lastPt[1]); ctx.lineTo(p[0], p[1]); ctx.stroke(); lastPt = p;
    if (!predictTimer) predictTimer = setTimeout(() => { predictTimer = null; predictDrawing(); }, 60);
  }
  $("#clear").onclick = () => { ctx.fillStyle = "#000"; ctx.fillRect(0, 0, cv.width, cv.height); predictDrawing(); };
  const cmd = (what, body) => async () => { try { applyDigits(await api("POST", `/api/${Dg.sid}/${what}`, body && body())); } catch (e) { showError(e.message); } };
  $("#d-play").onclick = cmd("play", () => ({ on: !Dg.running }));
  $("#d-step").onclick = cmd("step");
  $("#d-reset").onclick = cmd("reset");
  $("#d-index").onchange = showActivations;
  $("#d-random").onclick = () => { $("#d-index").value = Math.floor(Math.random() * ((Dg.inputs && Dg.inputs.n_test) || 1)); showActivations(); };
}
async function pollDigits() {
  for (;;) {
    if (!Dg.sid || tab !== "digits") { await sleep(300); continue; }
    try {
      const r = await api("GET", `/api/${Dg.sid}/state?epoch=${Dg.epoch}&version=${Dg.version}`);
      if (r.version > Dg.version || (r.version === Dg.version && r.state.epoch >= Dg.epoch)) applyDigits(r);
      clearPollError();
    } catch (e) { showError(e.message, "poll"); await sleep(1000); }
    await sleep(Dg.running ? 100 : 500);
  }
}

// ================================================================= tabs and start
function showTab(name) {
  tab = name;
  for (const b of $$("nav .tab")) b.classList.toggle("active", b.dataset.tab === name);
  $("#playground").hidden = name !== "playground"; $("#digits").hidden = name !== "digits";
  writeURL();
  if (name === "digits" && !Dg.sid) sendDigits().then(() => autoplay && autoplayTab === "digits" && Dg.sid && api("POST", `/api/${Dg.sid}/play`, { on: true }).then(applyDigits));
  if (name === "playground" && P.inputs) { layoutNetwork(); drawPlayground(); }
}
for (const b of $$("nav .tab")) b.onclick = () => showTab(b.dataset.tab);
initPlayground(); initDigits();
sendSetup().then(() => { if (autoplay && autoplayTab === "playground" && P.sid) play(true); });
showTab(tab);
pollPlayground(); pollDigits();
