// The SPARQL workbench of `eukg serve`: examples gallery, parameter fields with the resolver behind
// them, an editor with completion from the ontology, result views, downloads and shareable links.
// Everything it loads comes from this server (kg/static and kg/static/vendor); nothing from the internet.
"use strict";

const ID_BASE = "https://w3id.org/eu-regional-kg/id/";
const NUMERIC = /#(integer|decimal|double|float|long|int|short|nonNegativeInteger|positiveInteger|gYear)$/;
// Which kind of resource the resolver looks for, by the parameter's name.
const KINDS = ["organisation", "region", "programme", "project", "country", "place"];
const state = {examples: [], vocabulary: null, current: null, data: null, view: "table", tag: null,
               chart: null, params: {}};
const $ = id => document.getElementById(id);
const status = $("status");

const editor = CodeMirror.fromTextArea($("query"), {
  mode: "application/sparql-query", lineNumbers: true, matchBrackets: true,
  extraKeys: {"Ctrl-Space": "autocomplete", "Ctrl-Enter": () => run(), "Cmd-Enter": () => run()},
  hintOptions: {hint: hintTerms, completeSingle: false},
});
editor.on("change", () => { $("query").value = editor.getValue(); });
editor.on("inputRead", (cm, change) => {
  if (/[\w:]/.test(change.text.join(""))) cm.showHint({hint: hintTerms, completeSingle: false});
});

// ---- completion of prefixes, classes and properties ------------------------------------------
function hintTerms(cm) {
  if (!state.vocabulary) return null;
  const cursor = cm.getCursor();
  const line = cm.getLine(cursor.line);
  let start = cursor.ch;
  while (start > 0 && /[\w:.-]/.test(line.charAt(start - 1))) start--;
  const word = line.slice(start, cursor.ch);
  if (word.length < 2 && !word.includes(":")) return null;
  const lower = word.toLowerCase();
  const terms = state.vocabulary.classes.concat(state.vocabulary.properties);
  const list = terms.filter(t => t.name.toLowerCase().includes(lower)).slice(0, 40).map(t => ({
    text: t.name, displayText: t.name + (t.label ? "  — " + t.label : ""),
    hint: (editor, data, item) => { editor.replaceRange(item.text, data.from, data.to); declarePrefix(item.text); },
  }));
  for (const [prefix, iri] of Object.entries(state.vocabulary.prefixes)) {
    if ((prefix + ":").startsWith(lower)) list.push({text: prefix + ":", displayText: prefix + ":  <" + iri + ">",
      hint: (editor, data, item) => { editor.replaceRange(item.text, data.from, data.to); declarePrefix(item.text); }});
  }
  return {list, from: CodeMirror.Pos(cursor.line, start), to: CodeMirror.Pos(cursor.line, cursor.ch)};
}

function declarePrefix(name) {
  const prefix = name.split(":")[0];
  const iri = state.vocabulary.prefixes[prefix];
  const text = editor.getValue();
  if (!iri || new RegExp("PREFIX\\s+" + prefix + ":", "i").test(text)) return;
  editor.replaceRange("PREFIX " + prefix + ": <" + iri + ">\n", CodeMirror.Pos(0, 0));
}

// ---- the gallery ------------------------------------------------------------------------------
function showGallery() {
  const list = $("examples");
  const filter = $("filter").value.toLowerCase();
  list.textContent = "";
  for (const ex of state.examples) {
    const haystack = (ex.name + " " + ex.title + " " + ex.tags.join(" ")).toLowerCase();
    if (filter && !haystack.includes(filter)) continue;
    if (state.tag && !ex.tags.includes(state.tag)) continue;
    const item = document.createElement("li");
    item.dataset.name = ex.name;
    if (ex.refused) item.className = "refused";
    if (state.current && state.current.name === ex.name) item.classList.add("on");
    const title = document.createElement("div");
    title.textContent = ex.title || ex.name;
    const name = document.createElement("div");
    name.className = "name";
    name.textContent = ex.name + (ex.params.length ? " (" + ex.params.map(p => p.name).join(", ") + ")" : "");
    item.append(title, name);
    for (const tag of ex.tags) {
      const span = document.createElement("span");
      span.className = "tag";
      span.textContent = tag;
      item.appendChild(span);
    }
    item.addEventListener("click", () => choose(ex.name, {}));
    list.appendChild(item);
  }
}

function showTags() {
  const tags = [...new Set(state.examples.flatMap(ex => ex.tags))].sort();
  const box = $("tags");
  for (const tag of tags) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = tag;
    button.addEventListener("click", () => {
      state.tag = state.tag === tag ? null : tag;
      for (const b of box.children) b.classList.toggle("on", b.textContent === state.tag);
      showGallery();
    });
    box.appendChild(button);
  }
}

function choose(name, values) {
  const ex = state.examples.find(e => e.name === name);
  if (!ex) return false;
  state.current = ex;
  $("example").value = name;
  $("title").textContent = ex.title || ex.name;
  $("question").textContent = ex.description || "";
  editor.setValue(ex.query);
  showParams(ex, values || {});
  showGallery();
  return true;
}

// ---- parameters, with the resolver behind them ---------------------------------------------------
function kindOf(param) {
  if (param.type === "nuts") return "region";
  return KINDS.find(kind => param.name.includes(kind)) || null;
}

function showParams(ex, values) {
  const form = $("params");
  form.textContent = "";
  state.params = {};
  for (const param of ex.params) {
    const label = document.createElement("label");
    label.textContent = param.name + (param.description ? " — " + param.description : "");
    const input = document.createElement("input");
    input.name = param.name;
    input.placeholder = placeholder(param);
    input.setAttribute("list", "list-" + param.name);
    const options = document.createElement("datalist");
    options.id = "list-" + param.name;
    const chosen = document.createElement("span");
    chosen.className = "chosen";
    label.append(input, options, chosen);
    form.appendChild(label);
    if (values[param.name]) { input.value = values[param.name]; state.params[param.name] = values[param.name]; }
    const kind = kindOf(param);
    let timer = null;
    input.addEventListener("input", () => {
      const typed = input.value.trim();
      const picked = [...options.options].find(o => o.value === typed);
      if (picked) {
        state.params[param.name] = picked.dataset.value;
        chosen.textContent = "→ " + picked.dataset.value;
        return;
      }
      state.params[param.name] = typed;
      chosen.textContent = "";
      if ((param.type !== "iri" && param.type !== "nuts") || typed.length < 2 || /^https?:/.test(typed)) return;
      clearTimeout(timer);
      timer = setTimeout(() => suggest(typed, kind, param, options, input, chosen), 200);
    });
  }
}

function placeholder(param) {
  if (param.type === "iri") return "a name, or an IRI";
  if (param.type === "nuts") return "a region's name or NUTS code";
  if (param.type === "integer") return "a number";
  if (param.type === "date") return "YYYY-MM-DD";
  return param.default || "";
}

async function suggest(typed, kind, param, options, input, chosen) {
  const url = "/resolve.json?" + new URLSearchParams(kind ? {name: typed, type: kind} : {name: typed});
  const response = await fetch(url);
  if (!response.ok) return;
  const found = await response.json();
  options.textContent = "";
  for (const candidate of found) {
    const option = document.createElement("option");
    option.value = candidate.label;
    option.dataset.value = param.type === "nuts" ? candidate.iri.split("/").pop() : candidate.iri;
    option.textContent = candidate.type + " · " + candidate.score + (candidate.status === "match" ? " · match" : "");
    options.appendChild(option);
  }
  const best = found.find(c => c.status === "match");
  if (best && input.value.trim() === typed) {
    state.params[param.name] = param.type === "nuts" ? best.iri.split("/").pop() : best.iri;
    chosen.textContent = "→ " + best.label + " (" + state.params[param.name] + ")";
  }
}

// ---- running ------------------------------------------------------------------------------------
function boundParams() {
  return Object.fromEntries(Object.entries(state.params).filter(([, v]) => v));
}

function isNamedUnchanged() {
  return state.current && editor.getValue() === state.current.query;
}

function runUrl(format, download) {
  const params = isNamedUnchanged() ? {query: state.current.name, ...boundParams()} : {sparql: editor.getValue()};
  if (format) params.format = format;
  if (download) params.download = "1";
  return "/run?" + new URLSearchParams(params);
}

async function run() {
  status.className = "";
  status.textContent = "running…";
  const started = performance.now();
  try {
    const response = isNamedUnchanged() || editor.getValue().length < 8000
      ? await fetch(runUrl("json"))
      : await fetch("/sparql", {method: "POST", body: new URLSearchParams({query: editor.getValue()}),
          headers: {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"}});
    if (!response.ok) throw new Error(response.status + ": " + (await response.text()));
    state.data = await response.json();
    const rows = state.data.results ? state.data.results.bindings.length : 0;
    status.textContent = state.data.boolean !== undefined ? "ASK: " + state.data.boolean
      : rows + " rows in " + Math.round(performance.now() - started) + " ms";
    document.body.setAttribute("data-rows", String(rows));
    updateViews();
    render();
    updateLinks();
  } catch (error) {
    status.className = "error";
    status.textContent = String(error.message || error);
  }
}

// ---- views --------------------------------------------------------------------------------------
function pageLink(iri) {
  if (iri.startsWith(ID_BASE)) return "/id/" + iri.slice(ID_BASE.length).split("/").map(encodeURIComponent).join("/");
  return "/resource?" + new URLSearchParams({iri});
}

function columnsOf(data) {
  const vars = data.head.vars;
  const rows = data.results.bindings;
  const kinds = {};
  for (const name of vars) {
    const values = rows.map(r => r[name]).filter(Boolean);
    kinds[name] = !values.length ? "empty" : values.every(v => v.type === "uri") ? "iri"
      : values.every(v => v.type === "literal" && NUMERIC.test(v.datatype || "")) ? "number" : "text";
  }
  return kinds;
}

function labelColumn(name, vars) {
  return [name + "_name", name + "_label", name + "_title", "name", "title", "label"]
    .find(candidate => vars.includes(candidate) && candidate !== name);
}

function updateViews() {
  const ok = state.data && state.data.results;
  const kinds = ok ? columnsOf(state.data) : {};
  const numbers = Object.values(kinds).filter(k => k === "number").length;
  const others = Object.values(kinds).filter(k => k === "text" || k === "iri").length;  // an empty column: neither
  const chartable = numbers > 0 && (others > 0 || numbers > 1);
  const allow = {table: true, bar: chartable, line: chartable, network: others >= 2};
  for (const button of document.querySelectorAll(".views button")) button.disabled = ok && !allow[button.dataset.view];
  if (ok && !allow[state.view]) setView("table", false);
}

function setView(view, draw = true) {
  state.view = view;
  for (const button of document.querySelectorAll(".views button")) button.classList.toggle("on", button.dataset.view === view);
  if (draw && state.data) render();
  updateLinks();
}

function render() {
  const results = $("results");
  results.textContent = "";
  if (state.chart) { state.chart.destroy(); state.chart = null; }
  if (!state.data || state.data.boolean !== undefined) return;
  if (state.view === "bar" || state.view === "line") return chart(results, state.view);
  if (state.view === "network") return network(results);
  table(results);
}

function table(results) {
  const vars = state.data.head.vars;
  const kinds = columnsOf(state.data);
  const element = document.createElement("table");
  element.id = "result-table";
  const head = element.createTHead().insertRow();
  for (const name of vars) {
    const th = document.createElement("th");
    th.textContent = name;
    head.appendChild(th);
  }
  const body = element.createTBody();
  for (const row of state.data.results.bindings) {
    const tr = body.insertRow();
    for (const name of vars) {
      const td = tr.insertCell();
      const term = row[name];
      if (!term) continue;
      if (term.type === "uri") {
        const link = document.createElement("a");
        link.href = pageLink(term.value);
        link.title = term.value;
        const label = labelColumn(name, vars);
        link.textContent = label && row[label] ? row[label].value : term.value;
        td.appendChild(link);
      } else {
        td.textContent = term.value;
        if (kinds[name] === "number") td.className = "number";
      }
    }
  }
  results.appendChild(element);
}

function chart(results, kind) {
  const vars = state.data.head.vars;
  const kinds = columnsOf(state.data);
  const rows = state.data.results.bindings.slice(0, 200);
  // One measure per chart (numbers of different scales on one axis hide each other): the last number
  // column that is not all zeros (aggregates close a query's columns; a level or a year opens them).
  const first = vars.find(v => kinds[v] === "text") || vars.find(v => kinds[v] === "iri") || vars[0];
  const measures = vars.filter(v => kinds[v] === "number" && v !== first);  // a year column alone: the axis
  const nonZero = measures.filter(v => rows.some(r => Number((r[v] || {}).value || 0) !== 0));
  const numbers = [nonZero.length ? nonZero[nonZero.length - 1] : measures[measures.length - 1]];
  const labelVar = labelColumn(first, vars) || first;
  const canvas = document.createElement("canvas");
  canvas.id = "chart";
  results.appendChild(canvas);
  state.chart = new Chart(canvas, {
    type: kind,
    data: {
      labels: rows.map(r => (r[labelVar] || {}).value || ""),
      datasets: numbers.map(v => ({label: v, data: rows.map(r => Number((r[v] || {}).value || 0))})),
    },
    options: {animation: false, responsive: true, indexAxis: kind === "bar" && rows.length > 15 ? "y" : "x"},
  });
  results.setAttribute("data-points", String(rows.length));
}

function network(results) {
  const vars = state.data.head.vars;
  const kinds = columnsOf(state.data);
  const ends = vars.filter(v => (kinds[v] === "text" || kinds[v] === "iri") && !vars.some(o => labelColumn(o, vars) === v && o !== v));
  const [a, b] = ends;
  const weightVar = vars.find(v => kinds[v] === "number");
  const nodes = new Map();
  const edges = new Map();
  const label = (row, name) => { const l = labelColumn(name, vars); return l && row[l] ? row[l].value : row[name].value; };
  for (const row of state.data.results.bindings.slice(0, 3000)) {
    if (!row[a] || !row[b] || row[a].value === row[b].value) continue;
    nodes.set(row[a].value, {id: row[a].value, label: label(row, a), side: a});
    if (!nodes.has(row[b].value)) nodes.set(row[b].value, {id: row[b].value, label: label(row, b), side: b});
    const key = row[a].value + "\u0000" + row[b].value;
    const weight = weightVar ? Number(row[weightVar].value) : 1;
    edges.set(key, {source: row[a].value, target: row[b].value, weight: (edges.get(key) || {weight: 0}).weight + weight});
  }
  const box = document.createElement("div");
  box.id = "network";
  box.setAttribute("data-nodes", String(nodes.size));
  box.setAttribute("data-edges", String(edges.size));
  results.appendChild(box);
  const maxWeight = Math.max(1, ...[...edges.values()].map(e => e.weight));
  cytoscape({
    container: box,
    elements: [...[...nodes.values()].map(n => ({data: n})),
               ...[...edges.values()].map((e, i) => ({data: {id: "e" + i, ...e}}))],
    style: [
      {selector: "node", style: {"label": "data(label)", "font-size": 9, "width": 10, "height": 10,
        "background-color": ele => ele.data("side") === a ? "#003399" : "#e8a400", "text-wrap": "ellipsis",
        "text-max-width": 120}},
      {selector: "edge", style: {"width": ele => 0.5 + 4 * ele.data("weight") / maxWeight, "line-color": "#aab"}},
    ],
    layout: {name: "cose", animate: false, nodeRepulsion: 8000},
  }).on("tap", "node", event => { window.location.href = pageLink(event.target.id()); });
}

// ---- downloads and shareable links ----------------------------------------------------------------
function updateLinks() {
  for (const format of ["csv", "tsv", "json"]) $("dl-" + format).href = runUrl(format, true);
  const params = isNamedUnchanged()
    ? {query: state.current.name, ...Object.fromEntries(Object.entries(boundParams()).map(([k, v]) => ["p." + k, v]))}
    : {sparql: editor.getValue()};
  params.view = state.view;
  params.run = "1";
  $("share").href = "?" + new URLSearchParams(params);
}

function fromUrl() {
  const url = new URLSearchParams(location.search);
  const values = {};
  for (const [key, value] of url) if (key.startsWith("p.")) values[key.slice(2)] = value;
  const name = url.get("query") || url.get("example");
  if (name) choose(name, values);
  else if (url.get("sparql")) editor.setValue(url.get("sparql"));
  if (url.get("view")) setView(url.get("view"), false);
  updateLinks();
  if (url.get("run")) run();
}

// ---- start --------------------------------------------------------------------------------------
for (const button of document.querySelectorAll(".views button")) button.addEventListener("click", () => setView(button.dataset.view));
$("run").addEventListener("click", run);
$("filter").addEventListener("input", showGallery);
$("example").addEventListener("change", () => choose($("example").value, {}));
editor.on("change", updateLinks);
Promise.all([fetch("/queries.json").then(r => r.json()), fetch("/vocabulary.json").then(r => r.json())])
  .then(([examples, vocabulary]) => {
    state.examples = examples;
    state.vocabulary = vocabulary;
    for (const ex of examples) {
      const option = document.createElement("option");
      option.value = ex.name;
      option.textContent = ex.name;
      $("example").appendChild(option);
    }
    showTags();
    showGallery();
    fromUrl();
  })
  .catch(error => { status.className = "error"; status.textContent = "could not load the examples: " + error; });
