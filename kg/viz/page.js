/* kg viz: draws the network held in #graph-data with vis-network.
 * Every string from the graph reaches the page through textContent or vis-network's canvas
 * labels, never parsed as HTML, so names and sentences are shown, not run. */
(function () {
  "use strict";
  var started = performance.now();
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var marks = { parsed: performance.now() };
  var big = data.nodes.length > 2000;
  var DAY = 86400000;

  // --- small helpers ---------------------------------------------------------------------
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\u0131/g, "i").toLowerCase();
  }
  function words(name) { return String(name).replace(/([a-z])([A-Z])/g, "$1 $2"); }
  function dayOf(iso, last) {          // "1992" -> first (or last) day of 1992, as a day number
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso || "");
    if (!m) return null;
    var y = +m[1], mo = m[2] ? +m[2] - 1 : (last ? 11 : 0);
    var d = m[3] ? +m[3] : (last ? new Date(Date.UTC(y, mo + 1, 0)).getUTCDate() : 1);
    return Math.floor(Date.UTC(y, mo, d) / DAY);
  }
  function isoOf(day) { return new Date(day * DAY).toISOString().slice(0, 10); }
  function span(item) {
    if (!item.d0 && !item.d1) return "";
    if (!item.d1) return "since " + item.d0;
    if (item.d0 === item.d1) return item.d0;
    return (item.d0 || "?") + " – " + item.d1;
  }

  var classes = {}, relations = {}, byId = [], edgeById = [];
  data.classes.forEach(function (c) { classes[c.name] = c; });
  data.relations.forEach(function (r) { relations[r.name] = r; });
  data.nodes.forEach(function (n) { byId[n.id] = n; n.f0 = dayOf(n.d0, false); n.f1 = n.d1 ? dayOf(n.d1, true) : null; });
  data.edges.forEach(function (e) { edgeById[e.id] = e; e.f0 = dayOf(e.d0, false); e.f1 = e.d1 ? dayOf(e.d1, true) : null; });

  // --- vis data sets -----------------------------------------------------------------------
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var c = classes[n.c];
    return { id: n.id, label: n.l, x: n.x, y: n.y, shape: c.shape, size: n.s,
             color: { background: c.color, border: "#33404d", highlight: { background: c.color, border: "#000" },
                      hover: { background: c.color, border: "#000" } } };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var r = relations[e.r];
    return { id: e.id, from: e.f, to: e.t, label: e.l || e.r, arrows: e.dir ? "to" : "",
             color: { color: r.color, highlight: "#000", hover: "#000", opacity: 0.7 } };
  }));

  marks.datasets = performance.now();

  // --- filters -------------------------------------------------------------------------------
  var state = { classes: {}, relations: {}, lo: null, hi: null, undated: true };
  var visible = data.nodes.map(function () { return true; });   // indexed by node id (0..n-1)
  function inDates(item) {
    if (item.f0 === null && item.f1 === null) return state.undated;
    var first = item.f0 === null ? -Infinity : item.f0;
    var last = item.f1 === null ? Infinity : item.f1;
    if (state.lo !== null && last < state.lo) return false;
    if (state.hi !== null && first > state.hi) return false;
    return true;
  }
  function nodeShown(n) { return !state.classes[n.c] && inDates(n); }
  var nodeView = new vis.DataView(nodes, { filter: function (item) { return visible[item.id]; } });
  var edgeView = new vis.DataView(edges, { filter: function (item) {
    var e = edgeById[item.id];
    return visible[e.f] && visible[e.t] && !state.relations[e.r] && inDates(e);
  } });
  function applyFilters() {
    data.nodes.forEach(function (n) { visible[n.id] = nodeShown(n); });
    nodeView.refresh();
    edgeView.refresh();
    showCounts();
  }
  function showCounts() {
    document.getElementById("counts").textContent =
      nodeView.length + " of " + data.nodes.length + " nodes · " + edgeView.length + " of " + data.edges.length + " edges";
  }

  // --- the network -------------------------------------------------------------------------
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, {
    autoResize: true,
    physics: false,
    layout: { improvedLayout: false },
    nodes: { borderWidth: 1, font: { size: 14, color: "#1d2733", strokeWidth: 3, strokeColor: "#ffffff" },
             scaling: { label: { drawThreshold: 7 } } },
    edges: { smooth: false, width: 1.2, selectionWidth: 1.5, arrows: { to: { scaleFactor: 0.5 } },
             font: { size: 10, color: "#4a5560", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
             scaling: { label: { drawThreshold: 8 } } },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
                   navigationButtons: false, keyboard: false }
  });
  marks.network = performance.now();
  network.fit({ animation: false });   // the whole graph in view; small labels are then not drawn
  network.once("afterDrawing", function () {
    window.__kgReady = performance.now();
    marks.scriptStart = started;
    marks.firstDraw = window.__kgReady;
    window.__kgTimings = marks;
    document.body.setAttribute("data-ready", "1");
  });

  // --- tooltips and the details panel --------------------------------------------------------
  function row(dl, name, value) {
    if (value === undefined || value === null || value === "" || (value.length === 0)) return;
    dl.appendChild(el("dt", name));
    var dd = el("dd");
    if (Array.isArray(value)) value.forEach(function (v, i) { if (i) dd.appendChild(el("br")); dd.appendChild(document.createTextNode(String(v))); });
    else dd.textContent = String(value);
    dl.appendChild(dd);
  }
  function evidence(box, list, max) {
    (list || []).slice(0, max).forEach(function (ev) {
      box.appendChild(el("blockquote", ev[0]));
      var source = [ev[1], ev[2] ? "(" + ev[2] + ")" : "", ev[3], ev[4] !== null && ev[4] !== undefined ? "confidence " + ev[4] : ""]
        .filter(Boolean).join(" · ");
      if (source) box.appendChild(el("div", "Source: " + source, "source"));
    });
  }
  function nodeInfo(n, full) {
    var box = el("div", null, "info");
    box.appendChild(el("h3", n.l));
    box.appendChild(el("div", words(n.c), "type"));
    if (n.t) box.appendChild(el("p", n.t));
    var dl = el("dl");
    row(dl, n.c === "Agreement" || classes[n.c].group === "Event" ? "Date" : "Dates", span(n));
    row(dl, "Posts", n.p);
    row(dl, "Also", full ? n.a : (n.a || []).slice(0, 4));
    row(dl, "Notes", n.i);
    if (full) {
      var around = network.getConnectedEdges(n.id).length;
      row(dl, "Links", around);
    }
    if (dl.childNodes.length) box.appendChild(dl);
    evidence(box, n.ev, full ? 10 : 1);
    return box;
  }
  function edgeInfo(e, full) {
    var box = el("div", null, "info");
    box.appendChild(el("h3", byId[e.f].l + " — " + (e.l || e.r) + " — " + byId[e.t].l));
    box.appendChild(el("div", "Relation: " + e.r, "type"));
    var dl = el("dl");
    row(dl, "Date", span(e));
    row(dl, "Notes", e.i);
    if (dl.childNodes.length) box.appendChild(dl);
    evidence(box, e.ev, full ? 10 : 1);
    return box;
  }
  var tooltip = document.getElementById("tooltip");
  function showTooltip(content, pointer) {
    tooltip.replaceChildren(content);
    var rect = container.getBoundingClientRect();
    var x = rect.left + pointer.x + 14, y = rect.top + pointer.y + 14;
    tooltip.hidden = false;
    var w = tooltip.offsetWidth, h = tooltip.offsetHeight;
    if (x + w > window.innerWidth - 8) x = Math.max(8, x - w - 28);
    if (y + h > window.innerHeight - 8) y = Math.max(8, y - h - 28);
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }
  function hideTooltip() { tooltip.hidden = true; }
  network.on("hoverNode", function (p) { showTooltip(nodeInfo(byId[p.node], false), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTooltip(edgeInfo(edgeById[p.edge], false), p.pointer.DOM); });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);

  var details = document.getElementById("details"), detailsBody = document.getElementById("details-body");
  function showDetails(content) { detailsBody.replaceChildren(content); details.hidden = false; }
  function hideDetails() { details.hidden = true; detailsBody.replaceChildren(); }
  document.getElementById("details-close").addEventListener("click", hideDetails);
  network.on("click", function (p) {
    hideTooltip();
    if (p.nodes.length) showDetails(nodeInfo(byId[p.nodes[0]], true));
    else if (p.edges.length) showDetails(edgeInfo(edgeById[p.edges[0]], true));
    else hideDetails();
  });

  // --- search ------------------------------------------------------------------------------
  var search = document.getElementById("search"), results = document.getElementById("search-results");
  var index = data.nodes.map(function (n) { return { n: n, keys: [fold(n.l)].concat((n.a || []).map(fold)) }; });
  var current = [];
  function focusNode(id) {
    var n = byId[id];
    if (!visible[id]) { resetFilters(); }
    results.replaceChildren();
    search.value = n.l;
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 300 } });
    showDetails(nodeInfo(n, true));
  }
  function runSearch() {
    var q = fold(search.value.trim());
    results.replaceChildren();
    current = [];
    if (!q) return;
    var hits = [];
    for (var i = 0; i < index.length && hits.length < 400; i++) {
      var keys = index[i].keys, rank = -1;
      for (var k = 0; k < keys.length; k++) {
        var at = keys[k].indexOf(q);
        if (at === 0) { rank = k === 0 ? 0 : 1; break; }
        if (at > 0 && rank < 0) rank = 2;
      }
      if (rank >= 0) hits.push({ n: index[i].n, rank: rank });
    }
    hits.sort(function (a, b) { return a.rank - b.rank || b.n.s - a.n.s || (a.n.l < b.n.l ? -1 : 1); });
    current = hits.slice(0, 12).map(function (h) { return h.n; });
    current.forEach(function (n, i) {
      var li = el("li", n.l);
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", i === 0 ? "true" : "false");
      li.appendChild(el("small", words(n.c)));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); focusNode(n.id); });
      results.appendChild(li);
    });
    if (!current.length) results.appendChild(el("li", "No match"));
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && current.length) { ev.preventDefault(); focusNode(current[0].id); }
    if (ev.key === "Escape") { results.replaceChildren(); }
  });
  search.addEventListener("blur", function () { results.replaceChildren(); });

  // --- legend and relation filters ---------------------------------------------------------
  var SVG = "http://www.w3.org/2000/svg";
  function star(cx, cy, r1, r2, k) {
    var pts = [];
    for (var i = 0; i < 2 * k; i++) {
      var r = i % 2 ? r2 : r1, a = Math.PI * i / k - Math.PI / 2;
      pts.push((cx + r * Math.cos(a)).toFixed(1) + "," + (cy + r * Math.sin(a)).toFixed(1));
    }
    return pts.join(" ");
  }
  var SHAPES = {
    dot: ["circle", { cx: 8, cy: 8, r: 6.5 }],
    square: ["rect", { x: 2, y: 2, width: 12, height: 12 }],
    hexagon: ["polygon", { points: "8,1 14,4.5 14,11.5 8,15 2,11.5 2,4.5" }],
    triangle: ["polygon", { points: "8,1.5 14.5,14 1.5,14" }],
    triangleDown: ["polygon", { points: "1.5,2 14.5,2 8,14.5" }],
    diamond: ["polygon", { points: "8,1 15,8 8,15 1,8" }],
    star: ["polygon", { points: star(8, 8.5, 7.5, 3.2, 5) }],
    ellipse: ["ellipse", { cx: 8, cy: 8, rx: 7, ry: 5 }]
  };
  function swatch(shape, color) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("class", "swatch");
    var spec = SHAPES[shape] || SHAPES.ellipse, item = document.createElementNS(SVG, spec[0]);
    Object.keys(spec[1]).forEach(function (k) { item.setAttribute(k, spec[1][k]); });
    item.setAttribute("fill", color);
    item.setAttribute("stroke", "#33404d");
    svg.appendChild(item);
    return svg;
  }
  function checkItem(list, name, count, mark, store, text) {
    var li = el("li"), label = el("label"), box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-name", name);
    box.addEventListener("change", function () { store[name] = !box.checked; applyFilters(); });
    label.appendChild(box);
    label.appendChild(mark);
    label.appendChild(el("span", text));
    label.appendChild(el("span", count, "n"));
    li.appendChild(label);
    list.appendChild(li);
  }
  var legend = document.getElementById("legend-list");
  data.classes.slice().sort(function (a, b) {
    return (a.group === "Event") - (b.group === "Event") || (a.name < b.name ? -1 : 1);
  }).forEach(function (c) { checkItem(legend, c.name, c.count, swatch(c.shape, c.color), state.classes, words(c.name)); });
  var relationList = document.getElementById("relation-list");
  data.relations.forEach(function (r) {
    var line = el("span", null, "line");
    line.style.background = r.color;
    checkItem(relationList, r.name, r.count, line, state.relations, r.name);
  });

  // --- dates ---------------------------------------------------------------------------------
  var from = document.getElementById("date-from"), to = document.getElementById("date-to");
  var fromOut = document.getElementById("date-from-out"), toOut = document.getElementById("date-to-out");
  var days = [];
  data.nodes.concat(data.edges).forEach(function (x) { if (x.f0 !== null) days.push(x.f0); if (x.f1 !== null) days.push(x.f1); });
  var minDay = days.length ? Math.min.apply(null, days) : 0, maxDay = days.length ? Math.max.apply(null, days) : 0;
  [from, to].forEach(function (input) { input.min = minDay; input.max = maxDay; input.disabled = !days.length; });
  from.value = minDay;
  to.value = maxDay;
  function readDates() {
    var lo = +from.value, hi = +to.value;
    if (lo > hi) { if (this === from) { to.value = lo; hi = lo; } else { from.value = hi; lo = hi; } }
    state.lo = lo <= minDay ? null : lo;
    state.hi = hi >= maxDay ? null : hi;
    fromOut.textContent = days.length ? isoOf(lo) : "no dates";
    toOut.textContent = days.length ? isoOf(hi) : "";
  }
  from.addEventListener("input", function () { readDates.call(from); applyFilters(); });
  to.addEventListener("input", function () { readDates.call(to); applyFilters(); });
  var undated = document.getElementById("undated");
  undated.addEventListener("change", function () { state.undated = undated.checked; applyFilters(); });
  function resetFilters() {
    [state.classes, state.relations].forEach(function (o) { Object.keys(o).forEach(function (k) { delete o[k]; }); });
    state.undated = true; undated.checked = true;
    Array.prototype.forEach.call(document.querySelectorAll("#side input[type=checkbox][data-name]"), function (b) { b.checked = true; });
    from.value = minDay; to.value = maxDay; readDates.call(from);
    applyFilters();
  }
  document.getElementById("reset").addEventListener("click", resetFilters);
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { hideDetails(); hideTooltip(); } });

  // --- what the view shows -------------------------------------------------------------------
  var view = data.view || {}, parts = [];
  Object.keys(view).forEach(function (k) {
    var v = Array.isArray(view[k]) ? view[k].join(", ") : view[k];
    parts.push(k + ": " + v);
  });
  document.getElementById("view-info").textContent = parts.length ? "View — " + parts.join(" · ") : "";
  document.getElementById("title").textContent = data.title;
  readDates.call(from);
  showCounts();                      // everything is shown at first: no need to filter

  window.kg = { data: data, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, network: network,
                focus: focusNode, search: function (q) { search.value = q; runSearch(); return current.map(function (n) { return n.l; }); },
                applyFilters: applyFilters, state: state };
})();
