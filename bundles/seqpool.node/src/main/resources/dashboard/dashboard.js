// seqpool node dashboard: polls this node's admin API (same origin) every 2 s. No build step, no dependencies.
"use strict";

const POLL_MS = 2000;
const history = []; // {t, l2, tx} samples for the chart
let names = {};     // address -> "#seqId"

function $(id) { return document.getElementById(id); }

function text(id, value) {
  const el = $(id);
  if (el) { el.textContent = value === undefined || value === null ? "-" : String(value); }
}

async function getJson(path) {
  const r = await fetch(path, { cache: "no-store" });
  return { status: r.status, body: await r.json() };
}

// The Prometheus text format: name{labels} value per line (HELP/TYPE lines skipped).
function parseMetrics(body) {
  const samples = [];
  for (const line of body.split("\n")) {
    if (!line || line.startsWith("#")) { continue; }
    const m = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/);
    if (!m) { continue; }
    const labels = {};
    if (m[2]) {
      for (const l of m[2].matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) { labels[l[1]] = l[2]; }
    }
    samples.push({ name: m[1], labels: labels, value: Number(m[3]) });
  }
  return samples;
}

function metric(samples, name, labels) {
  for (const s of samples) {
    if (s.name !== name) { continue; }
    if (labels && !Object.entries(labels).every(([k, v]) => s.labels[k] === v)) { continue; }
    return s.value;
  }
  return undefined;
}

function short(address) {
  return address && address.length > 14 ? address.slice(0, 8) + "…" + address.slice(-4) : address;
}

function tokens(wei) {
  try { return (BigInt(wei) / 10n ** 18n).toLocaleString("en-US"); } catch (e) { return wei; }
}

function fillMetrics(samples) {
  for (const el of document.querySelectorAll("[data-metric]")) {
    const v = metric(samples, el.dataset.metric);
    el.textContent = v === undefined ? "-" : String(v);
  }
}

function fillStatus(status, samples) {
  const pos = status.pos || {};
  const a = pos.assignment;
  text("producer", a ? (names[a.producer.toLowerCase()] ? names[a.producer.toLowerCase()] + " " : "") + short(a.producer)
    + " (L2 " + a.firstL2Block + ".." + a.lastL2Block + ")" : "-");
  const body = $("members").querySelector("tbody");
  body.innerHTML = "";
  const members = pos.members || [];
  if (members.length === 0) {
    body.innerHTML = "<tr><td colspan='7' class='muted'>no pool on this node (no pos section) or no stake yet</td></tr>";
  }
  for (const m of members) {
    names[m.signer.toLowerCase()] = "#" + m.seqId;
    const lastVote = metric(samples, "seqpool_consensus_validator_last_precommit_height", { validator: m.signer.toLowerCase() });
    const tr = document.createElement("tr");
    tr.innerHTML = "<td>" + m.seqId + "</td><td class='mono'></td><td class='num'>" + tokens(m.stake)
      + "</td><td class='num'>" + m.power + "</td><td class='" + m.status + "'>" + m.status + "</td><td class='num'>"
      + m.faults + "</td><td class='num'>" + (lastVote === undefined ? "-" : lastVote) + "</td>";
    tr.children[1].textContent = m.signer + (a && a.producer.toLowerCase() === m.signer.toLowerCase() ? "  ★ producer" : "");
    body.appendChild(tr);
  }
  text("tasks", (pos.openTasks || []).length ? "open tasks: " + pos.openTasks.join(", ") : "no open tasks");
  fillBatches(status.batches, samples);
}

// The newest batches L1 holds (from /status) and the one being signed; the lag from the submitter's metrics.
function fillBatches(batches, samples) {
  const div = $("batches");
  div.innerHTML = "";
  if (!batches) {
    div.textContent = "no batch submitter on this node";
    return;
  }
  const lag = metric(samples, "seqpool_submitter_batch_lag_blocks");
  const age = metric(samples, "seqpool_submitter_batch_lag_seconds");
  const head = document.createElement("p");
  head.id = "batchlag";
  head.textContent = "last batch " + batches.lastIndex + "; L2 safe head "
    + metric(samples, "seqpool_submitter_last_l2_block_on_l1") + ", finalized "
    + metric(samples, "seqpool_submitter_finalized_l2_block")
    + (lag === undefined ? "" : "; " + lag + " L2 blocks not on L1 yet (oldest " + (age || 0).toFixed(1) + " s)");
  div.appendChild(head);
  const table = document.createElement("table");
  table.id = "batchtable";
  table.innerHTML = "<thead><tr><th>batch</th><th>L2 blocks</th><th>L1 block</th><th>status</th><th>L1 tx</th></tr></thead>";
  const tbody = document.createElement("tbody");
  const rows = (batches.recent || []).slice().reverse();
  if (batches.signing) { rows.unshift(Object.assign({ pending: true }, batches.signing)); }
  for (const b of rows) {
    const tr = document.createElement("tr");
    tr.innerHTML = "<td class='num'></td><td class='mono'></td><td class='num'></td><td></td><td class='mono'></td>";
    tr.children[0].textContent = b.index;
    tr.children[1].textContent = b.firstL2Block + ".." + b.lastL2Block;
    tr.children[2].textContent = b.pending ? "-" : b.l1Block;
    tr.children[3].textContent = b.pending ? "signing (attempt " + b.attempt + ")" : (b.status || "on L1");
    tr.children[4].textContent = b.l1Tx ? short(b.l1Tx) : "";
    tbody.appendChild(tr);
  }
  if (rows.length === 0) { tbody.innerHTML = "<tr><td colspan='5' class='muted'>no batch on L1 yet</td></tr>"; }
  table.appendChild(tbody);
  div.appendChild(table);
}

function fillPeers(peers) {
  text("self", peers.self ? "node " + peers.self : "p2p not running");
  const ul = $("peerlist");
  ul.innerHTML = "";
  for (const p of peers.peers || []) {
    const li = document.createElement("li");
    li.textContent = (names[p.toLowerCase()] ? names[p.toLowerCase()] + " " : "") + p;
    ul.appendChild(li);
  }
  if ((peers.peers || []).length === 0) { ul.innerHTML = "<li class='muted'>no peers connected</li>"; }
}

function fillModules(modules, samples) {
  const body = $("modules").querySelector("tbody");
  body.innerHTML = "";
  for (const m of modules.modules || []) {
    if (!m.name.startsWith("seqpool.")) { continue; }
    const tr = document.createElement("tr");
    tr.innerHTML = "<td></td><td class='mono'></td><td class='" + m.state + "'>" + m.state + "</td><td></td>";
    tr.children[0].textContent = m.name;
    tr.children[1].textContent = m.version;
    tr.children[3].textContent = m.protocol || "";
    body.appendChild(tr);
  }
  const pending = metric(samples, "seqpool_governance_pending_rollouts");
  text("rollouts", pending === undefined ? "scheduled rollouts: none (no governance module on this node yet)"
    : "scheduled rollouts: " + pending);
}

function fillHealth(health) {
  const badge = $("health");
  badge.textContent = health.status;
  badge.className = "badge " + health.status;
  const div = $("components");
  div.innerHTML = "";
  for (const [name, c] of Object.entries(health.components || {})) {
    const span = document.createElement("span");
    span.className = c.status;
    span.textContent = name + " " + c.status + (c.problem ? " (" + c.problem + ")" : "");
    div.appendChild(span);
  }
}

function drawChart() {
  const canvas = $("chart");
  const ctx = canvas.getContext("2d");
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const rates = [];
  for (let i = 1; i < history.length; i++) {
    const dt = (history[i].t - history[i - 1].t) / 1000;
    if (dt <= 0) { continue; }
    rates.push({
      blocks: (history[i].l2 - history[i - 1].l2) / dt,
      tx: history[i].tx === undefined ? undefined : (history[i].tx - history[i - 1].tx) / dt
    });
  }
  const max = Math.max(1, ...rates.map(r => Math.max(r.blocks, r.tx || 0)));
  const series = [["blocks", "#58a6ff"], ["tx", "#2ea043"]];
  for (const [key, color] of series) {
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    let started = false;
    rates.forEach((r, i) => {
      if (r[key] === undefined) { return; }
      const x = rates.length < 2 ? 0 : i * (canvas.width - 10) / (rates.length - 1) + 5;
      const y = canvas.height - 10 - r[key] / max * (canvas.height - 30);
      if (started) { ctx.lineTo(x, y); } else { ctx.moveTo(x, y); started = true; }
    });
    ctx.stroke();
  }
  ctx.fillStyle = "#8b98a5";
  ctx.font = "12px sans-serif";
  const last = rates[rates.length - 1];
  ctx.fillText("max " + max.toFixed(2) + "/s   now: " + (last ? last.blocks.toFixed(2) + " blocks/s"
    + (last.tx === undefined ? "" : ", " + last.tx.toFixed(1) + " tx/s") : "-"), 8, 16);
}

async function poll() {
  try {
    const [metricsText, status, peers, modules, health] = await Promise.all([
      fetch("/metrics", { cache: "no-store" }).then(r => r.text()),
      getJson("/status"), getJson("/peers"), getJson("/modules"), getJson("/health")]);
    const samples = parseMetrics(metricsText);
    fillMetrics(samples);
    fillStatus(status.body, samples);
    fillPeers(peers.body);
    fillModules(modules.body, samples);
    fillHealth(health.body);
    const l2 = metric(samples, "seqpool_l2_head_block");
    if (l2 !== undefined) {
      history.push({ t: Date.now(), l2: l2, tx: metric(samples, "seqpool_sequencer_transactions_total") });
      if (history.length > 120) { history.shift(); }
    }
    drawChart();
    text("updated", new Date().toLocaleTimeString());
    document.body.dataset.polls = String(Number(document.body.dataset.polls || 0) + 1);
  } catch (e) {
    const badge = $("health");
    badge.textContent = "node not answering";
    badge.className = "badge DOWN";
  }
}

poll();
setInterval(poll, POLL_MS);
