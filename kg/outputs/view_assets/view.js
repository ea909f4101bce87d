/* kg view: draws the embedded graph data with vis-network and wires search, filters and the
 * side panel. Every text that comes from the graph reaches the page through text nodes
 * (el() below) or the canvas, never through innerHTML. The layout is precomputed (x, y in
 * the data), so physics stays off and the first frame is the stable one. */
(function () {
  "use strict";
  var timing = (window.kgTiming = { scriptStart: performance.now() });
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  timing.dataParsed = performance.now();

  var FONT = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Hiragino Sans GB, " +
             "Microsoft YaHei, WenQuanYi Micro Hei, sans-serif";
  var INK = "#1f2933";
  var CLASSES = {
    Agency:       { zh: "机关", color: "#1f5fa8", shape: "square" },
    Company:      { zh: "企业", color: "#e07b00", shape: "dot" },
    Organization: { zh: "组织", color: "#8e5bb5", shape: "hexagon" },
    Person:       { zh: "人物", color: "#2a9d6f", shape: "triangle" },
    Program:      { zh: "政策", color: "#c9a400", shape: "diamond" },
    Project:      { zh: "项目", color: "#d1495b", shape: "star" },
    Place:        { zh: "地点", color: "#7b8794", shape: "triangleDown" }
  };
  var FUNDINGS = { Loan: "贷款", Grant: "补助", Relief: "减免", InterestSubsidy: "贴息",
                   Investment: "投资", Debt: "债权", Funding: "资金" };
  var RELATIONS = { subOrganizationOf: "隶属", worksFor: "任职", issued: "发布", partnerOf: "合作",
                    regulates: "监管", develops: "建设", contractorOf: "承建", assists: "协助",
                    supplies: "供货", jurisdiction: "属地" };
  var MONEY = "#2e7d32", RELATION = "#8a97a6", JURISDICTION = "#c6ced8";
  var DIM_NODE = { background: "#eceff3", border: "#dde2e8",
                   highlight: { background: "#eceff3", border: "#dde2e8" },
                   hover: { background: "#eceff3", border: "#dde2e8" } };
  var DIM_TEXT = "#c5ccd5", DIM_EDGE = "#eef0f3";
  var big = data.nodes.length > 1500;
  var labelledRelations = data.nodes.length <= 400;
  // On big graphs jurisdiction lines (one per entity) would double the drawing time; they
  // start switched off there, and every panel still names the jurisdiction.
  var kindOn = { jurisdiction: !big }, classOn = {};

  // ------------------------------------------------------------ small DOM helpers
  function el(tag, props) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (key === "class") node.className = value;
      else if (key === "onclick") node.addEventListener("click", value);
      else node.setAttribute(key, value);
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }
  var SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  var GLYPHS = {  // legend glyphs in a 16x16 box, matching vis-network's shapes
    dot: ["circle", { cx: 8, cy: 8, r: 6.5 }],
    square: ["rect", { x: 2, y: 2, width: 12, height: 12 }],
    hexagon: ["polygon", { points: "8,1.5 14,5 14,11 8,14.5 2,11 2,5" }],
    triangle: ["polygon", { points: "8,1.5 15,14 1,14" }],
    triangleDown: ["polygon", { points: "1,2 15,2 8,14.5" }],
    diamond: ["polygon", { points: "8,1 15,8 8,15 1,8" }],
    star: ["polygon", { points: "8,1 9.9,6 15,6.2 11,9.4 12.4,14.6 8,11.6 3.6,14.6 5,9.4 1,6.2 6.1,6" }]
  };
  function classSwatch(cls) {
    var style = CLASSES[cls], glyph = GLYPHS[style.shape];
    var box = svg("svg", { viewBox: "0 0 16 16", "class": "swatch", "aria-hidden": "true" });
    var attrs = Object.assign({ fill: style.color, stroke: darken(style.color), "stroke-width": 1 }, glyph[1]);
    box.appendChild(svg(glyph[0], attrs));
    return box;
  }
  function lineSwatch(color, dashed, width) {
    var box = svg("svg", { viewBox: "0 0 22 10", "class": "line-swatch", "aria-hidden": "true" });
    var line = { x1: 1, y1: 5, x2: 17, y2: 5, stroke: color, "stroke-width": width };
    if (dashed) line["stroke-dasharray"] = "3 2";
    box.appendChild(svg("line", line));
    box.appendChild(svg("polygon", { points: "16,1.5 21,5 16,8.5", fill: color }));
    return box;
  }
  function darken(hex) {
    var n = parseInt(hex.slice(1), 16), f = 0.72;
    var r = Math.round((n >> 16) * f), g = Math.round(((n >> 8) & 255) * f), b = Math.round((n & 255) * f);
    return "#" + ((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1);
  }

  // ------------------------------------------------------------ network items
  function nodeColor(cls) {
    var c = CLASSES[cls].color, border = darken(c);
    return { background: c, border: border, highlight: { background: c, border: "#111827" },
             hover: { background: c, border: "#111827" } };
  }
  function nodeSize(node, by) {
    if (by === "received") return node.received > 0 ? Math.min(48, 10 + 6 * Math.log10(1 + node.received / 1e4)) : 7;
    return Math.min(44, 9 + 4 * Math.sqrt(node.degree));
  }
  function fundingLabel(f) {
    return (f.amountLabel ? f.amountLabel + " " : "") + (FUNDINGS[f.type] || f.type);
  }

  var nodeItems = data.nodes.map(function (n) {
    var style = CLASSES[n.type];
    return { id: n.id, label: n.label, x: n.x, y: n.y, shape: style.shape, color: nodeColor(n.type),
             size: nodeSize(n, "degree"), title: n.label + "\n" + n.type + " · " + style.zh, hidden: false };
  });
  var edgeInfo = {};   // vis edge id -> {kind, from, to, record}
  var edgeItems = [];
  data.edges.forEach(function (e) {
    var juris = e.type === "jurisdiction";
    var label = labelledRelations && !juris ? RELATIONS[e.type] + (e.jobTitle ? " " + e.jobTitle : "") : undefined;
    edgeInfo[e.id] = { kind: e.type, from: e.from, to: e.to, record: e };
    edgeItems.push({ id: e.id, from: e.from, to: e.to, label: label, dashes: juris, hidden: juris && !kindOn.jurisdiction,
                     color: { color: juris ? JURISDICTION : RELATION, highlight: "#334e68", hover: "#334e68" },
                     arrows: e.type === "partnerOf" ? "" : "to", width: juris ? 0.8 : 1,
                     title: e.type + " · " + RELATIONS[e.type] + (e.jobTitle ? " · " + e.jobTitle : "") });
  });
  data.fundings.forEach(function (f) {
    if (f.from === null) return;
    edgeInfo[f.id] = { kind: "funding:" + f.type, from: f.from, to: f.to, record: f };
    edgeItems.push({ id: f.id, from: f.from, to: f.to, label: fundingLabel(f), arrows: "to",
                     color: { color: MONEY, highlight: "#1b5e20", hover: "#1b5e20" },
                     width: f.yuan ? Math.min(6, 1.5 + Math.log10(1 + f.yuan / 1e5)) : 1.5,
                     font: { color: "#1b5e20", size: 12 },
                     title: fundingLabel(f) + (f.date ? " · " + f.date : "") });
  });

  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true,
    physics: false,
    layout: { improvedLayout: false },
    nodes: { borderWidth: 1.5, borderWidthSelected: 3,
             font: { face: FONT, size: 14, color: INK, strokeWidth: 3, strokeColor: "#ffffff" },
             scaling: { label: { drawThreshold: 6 } } },
    edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0.5,
             arrows: { to: { scaleFactor: 0.45 } },
             font: { face: FONT, size: 10, color: "#52606d", strokeWidth: 3, strokeColor: "#ffffff" } },
    interaction: { hover: !big, tooltipDelay: 250, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
                   keyboard: false, multiselect: false }
  });
  network.once("afterDrawing", function () {
    timing.firstDraw = performance.now();
    document.body.setAttribute("data-ready", "1");
  });
  // Page globals, as pyvis gives them: tests and users' consoles reach the graph through these.
  window.network = network;
  window.nodes = nodes;
  window.edges = edges;

  // ------------------------------------------------------------ filters and legend
  var hiddenNode = new Array(data.nodes.length).fill(false);
  var hiddenEdge = {};
  Object.keys(edgeInfo).forEach(function (id) { hiddenEdge[id] = edgeInfo[id].kind === "jurisdiction" && !kindOn.jurisdiction; });

  function applyVisibility() {
    var nodeUpdates = [];
    data.nodes.forEach(function (n) {
      var hide = !classOn[n.type];
      if (hide !== hiddenNode[n.id]) { hiddenNode[n.id] = hide; nodeUpdates.push({ id: n.id, hidden: hide }); }
    });
    var edgeUpdates = [];
    Object.keys(edgeInfo).forEach(function (id) {
      var info = edgeInfo[id];
      var hide = !kindOn[info.kind] || hiddenNode[info.from] || hiddenNode[info.to];
      if (hide !== !!hiddenEdge[id]) { hiddenEdge[id] = hide; edgeUpdates.push({ id: id, hidden: hide }); }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
  }
  function setClassVisible(cls, on) {
    classOn[cls] = on;
    var box = document.querySelector('#class-filters input[data-key="' + cls + '"]');
    if (box) box.checked = on;
    applyVisibility();
  }
  function setKindVisible(kind, on) {
    kindOn[kind] = on;
    var box = document.querySelector('[data-kind-key="' + kind + '"]');
    if (box) box.checked = on;
    applyVisibility();
  }
  function filterRow(swatch, name, count, checkbox) {
    return el("li", null, el("label", null, checkbox, swatch, el("span", null, name),
                             el("span", { "class": "count" }, String(count))));
  }
  function buildFilters() {
    var classCounts = {}, kindCounts = {};
    data.nodes.forEach(function (n) { classCounts[n.type] = (classCounts[n.type] || 0) + 1; });
    Object.keys(edgeInfo).forEach(function (id) { var k = edgeInfo[id].kind; kindCounts[k] = (kindCounts[k] || 0) + 1; });
    var classList = document.getElementById("class-filters");
    Object.keys(CLASSES).forEach(function (cls) {
      classOn[cls] = true;
      var box = el("input", { type: "checkbox", "data-key": cls });
      box.checked = true;
      box.addEventListener("change", function () { setClassVisible(cls, box.checked); });
      classList.append(filterRow(classSwatch(cls), cls + " " + CLASSES[cls].zh, classCounts[cls] || 0, box));
    });
    var kinds = Object.keys(FUNDINGS).map(function (t) { return "funding:" + t; })
      .concat(Object.keys(RELATIONS));
    kinds.forEach(function (kind) {
      if (!(kind in kindOn)) kindOn[kind] = true;
      if (!kindCounts[kind]) return;
      var money = kind.indexOf("funding:") === 0, name = money ? kind.slice(8) : kind;
      var box = el("input", { type: "checkbox", "data-kind-key": kind });
      box.checked = kindOn[kind];
      box.addEventListener("change", function () { setKindVisible(kind, box.checked); });
      var swatch = lineSwatch(edgeBase(kind),
                              kind === "jurisdiction", money ? 2.2 : 1.2);
      document.getElementById(money ? "funding-filters" : "relation-filters")
        .append(filterRow(swatch, name + " " + (money ? FUNDINGS[name] : RELATIONS[name]), kindCounts[kind], box));
    });
    ["funding-filters", "relation-filters"].forEach(function (id) {
      var list = document.getElementById(id);
      if (!list.children.length) list.append(el("li", { "class": "count" }, "none 无"));
    });
  }

  // ------------------------------------------------------------ selection and neighbourhood
  var adjacency = data.nodes.map(function () { return []; });
  Object.keys(edgeInfo).forEach(function (id) {
    var info = edgeInfo[id];
    adjacency[info.from].push([info.to, id]);
    adjacency[info.to].push([info.from, id]);
  });
  /* Neighbourhood highlight. Each node and edge is "normal", "near" (the selection and its
   * neighbours: dark outline) or "dim" (everything else, faded). Big graphs skip dimming, so a
   * selection there updates only the neighbourhood instead of every item. */
  var nodeState = new Array(data.nodes.length).fill("normal");
  var edgeState = {};
  var selected = null;

  function edgeBase(kind) {
    return kind.indexOf("funding:") === 0 ? MONEY : kind === "jurisdiction" ? JURISDICTION : RELATION;
  }
  function highlight(id) {
    var near = {}, nearEdges = {};
    if (id !== null) {
      near[id] = true;
      adjacency[id].forEach(function (pair) { near[pair[0]] = true; nearEdges[pair[1]] = true; });
    }
    var fade = id !== null && !big ? "dim" : "normal";
    var nodeUpdates = [], edgeUpdates = [];
    data.nodes.forEach(function (n) {
      var state = near[n.id] ? "near" : fade;
      if (state === nodeState[n.id]) return;
      nodeState[n.id] = state;
      var color = nodeColor(n.type);
      if (state === "near") color.border = "#111827";
      nodeUpdates.push({ id: n.id, color: state === "dim" ? DIM_NODE : color,
                         borderWidth: state === "near" ? 2.5 : 1.5,
                         font: { color: state === "dim" ? DIM_TEXT : INK } });
    });
    Object.keys(edgeInfo).forEach(function (eid) {
      var state = nearEdges[eid] ? "near" : fade;
      if (state === (edgeState[eid] || "normal")) return;
      edgeState[eid] = state;
      var money = edgeInfo[eid].kind.indexOf("funding:") === 0;
      var dim = state === "dim";
      edgeUpdates.push({ id: eid, color: { color: dim ? DIM_EDGE : state === "near" && !money ? "#334e68" : edgeBase(edgeInfo[eid].kind) },
                         font: { color: dim ? "rgba(0,0,0,0)" : money ? "#1b5e20" : "#52606d",
                                 strokeColor: dim ? "rgba(0,0,0,0)" : "#ffffff" } });
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
  }

  function select(id, focus) {
    var node = data.nodes[id];
    if (!node) return;
    if (!classOn[node.type]) setClassVisible(node.type, true);
    selected = id;
    network.selectNodes([id]);
    highlight(id);
    showNode(node);
    if (focus !== false) {
      network.focus(id, { scale: Math.max(1.1, network.getScale()),
                          animation: { duration: 450, easingFunction: "easeInOutQuad" } });
    }
  }
  function clearSelection() {
    selected = null;
    network.unselectAll();
    highlight(null);
    document.getElementById("panel").hidden = true;
  }

  network.on("click", function (params) {
    if (params.nodes.length) select(params.nodes[0], false);
    else if (params.edges.length) showEdge(params.edges[0]);
    else clearSelection();
  });

  // ------------------------------------------------------------ side panel
  function ref(party) {
    if (party === null || party === undefined) return el("span", { "class": "none" }, "—");
    if (typeof party === "number") {
      return el("a", { "class": "entity", href: "#", onclick: function (ev) { ev.preventDefault(); select(party); } },
                data.nodes[party].label);
    }
    return el("span", null, party);   // an entity the view's filters left out
  }
  function source(ev) {
    if (ev.article === null || ev.article === undefined) return null;
    var a = data.articles[ev.article];
    return el("div", { "class": "source", title: a.file }, "— " + [a.title, baseName(a.file), a.date].filter(Boolean).join(" · "));
  }
  function baseName(path) { return path.split(/[\\/]/).pop(); }
  function evidence(ev) {
    if (!ev) return null;
    return el("div", { "class": "evidence" }, el("blockquote", null, ev.text), source(ev));
  }
  function fundingItem(f, role) {
    var p = f.parties;
    var parts = el("div", null);
    if (role !== "provider") parts.append("from 来自 ", ref(p.provider), " ");
    if (role !== "recipient") parts.append("to 给 ", ref(p.recipient));
    var extra = [["facilitator", "facilitated by 协助"], ["program", "under 依托"], ["project", "for 用于"]]
      .filter(function (pair) { return pair[0] !== role && p[pair[0]] !== null; })
      .map(function (pair) { return el("div", null, pair[1] + " ", ref(p[pair[0]])); });
    return el.apply(null, ["li", null,
      el("div", null, el("span", { "class": "tag" }, f.type + " " + (FUNDINGS[f.type] || "")),
         el("span", { "class": "amount" }, f.amountLabel || "amount not stated 金额未载明"),
         f.date ? " · " + f.date : null),
      parts].concat(extra, [evidence(f.evidence)]));
  }
  function section(title, items) {
    if (!items.length) return null;
    return el("section", null, el("h3", null, title + " (" + items.length + ")"),
              el.apply(null, ["ul", { "class": "facts" }].concat(items)));
  }
  function showPanel(children) {
    var body = document.getElementById("panel-body");
    body.replaceChildren.apply(body, children.filter(Boolean));
    var panel = document.getElementById("panel");
    panel.hidden = false;
    panel.scrollTop = 0;
  }
  function showNode(node) {
    var id = node.id, style = CLASSES[node.type];
    var byRole = { recipient: [], provider: [], other: [] };
    data.fundings.forEach(function (f) {
      var p = f.parties;
      if (p.recipient === id) byRole.recipient.push(fundingItem(f, "recipient"));
      else if (p.provider === id) byRole.provider.push(fundingItem(f, "provider"));
      else if (p.facilitator === id || p.program === id || p.project === id) {
        var role = p.facilitator === id ? "facilitator" : p.program === id ? "program" : "project";
        byRole.other.push(fundingItem(f, role));
      }
    });
    var relations = data.edges.filter(function (e) {
      return e.type !== "jurisdiction" && (e.from === id || e.to === id);
    }).map(function (e) {
      var out = e.from === id;
      return el.apply(null, ["li", null,
        el("div", null, el("span", { "class": "tag" }, e.type + " " + RELATIONS[e.type]),
           out ? "→ " : "← ", ref(out ? e.to : e.from), e.jobTitle ? " · " + e.jobTitle : null)]
        .concat(e.evidence.map(evidence)));
    });
    var articles = node.articles.map(function (i) {
      var a = data.articles[i];
      return el("li", null, a.title || baseName(a.file),
                el("div", { "class": "source", title: a.file }, [baseName(a.file), a.date].filter(Boolean).join(" · ")));
    });
    showPanel([
      el("div", { "class": "kind" }, classSwatch(node.type), node.type + " · " + style.zh),
      el("h2", null, node.label),
      el("div", { "class": "iri" }, node.iri),
      el("dl", null,
         el("dt", null, "Aliases 简称"), el("dd", null, node.aliases.length ? node.aliases.join("、") : "—"),
         el("dt", null, "Jurisdiction 属地"), el("dd", null, ref(node.jurisdiction)),
         el("dt", null, "Received 获得"), el("dd", { "class": node.receivedLabel ? "amount" : "none" }, node.receivedLabel || "—"),
         el("dt", null, "Connections 连接"), el("dd", null, String(node.degree))),
      section("Money received 获得资金", byRole.recipient),
      section("Money given 提供资金", byRole.provider),
      section("Other fundings 相关资金", byRole.other),
      section("Relations 关系", relations),
      section("Articles 报道", articles)
    ]);
  }
  function showEdge(edgeId) {
    var info = edgeInfo[edgeId];
    if (!info) return;
    selected = null;
    highlight(null);
    if (info.kind.indexOf("funding:") === 0) {
      var f = info.record;
      showPanel([el("div", { "class": "kind" }, lineSwatch(MONEY, false, 2.2), "Funding · 资金"),
                 el("h2", null, fundingLabel(f)),
                 el("div", { "class": "iri" }, f.iri),
                 el("ul", { "class": "facts" }, fundingItem(f, null))]);
    } else {
      var e = info.record;
      showPanel([el("div", { "class": "kind" }, lineSwatch(RELATION, false, 1.2), e.type + " · " + RELATIONS[e.type]),
                 el("h2", null, data.nodes[e.from].label + " → " + data.nodes[e.to].label),
                 el.apply(null, ["ul", { "class": "facts" }].concat(
                   e.evidence.length ? e.evidence.map(function (ev) { return el("li", null, evidence(ev)); })
                                     : [el("li", { "class": "none" }, "no evidence sentence 无出处")]))]);
    }
  }
  document.getElementById("panel-close").addEventListener("click", clearSelection);

  // ------------------------------------------------------------ search
  var searchIndex = data.nodes.map(function (n) {
    return { id: n.id, label: n.label.toLowerCase(), aliases: n.aliases.map(function (a) { return a.toLowerCase(); }) };
  });
  /* Matches by label or alias: exact first, then prefix, then substring; shorter names first. */
  function search(query, limit) {
    var q = String(query).trim().toLowerCase();
    if (!q) return [];
    var hits = [];
    searchIndex.forEach(function (entry) {
      var rank = entry.label === q ? 0 : entry.label.indexOf(q) === 0 ? 2 : entry.label.indexOf(q) > 0 ? 4 : 9;
      var via = null;
      entry.aliases.forEach(function (a, i) {
        var r = a === q ? 1 : a.indexOf(q) === 0 ? 3 : a.indexOf(q) > 0 ? 5 : 9;
        if (r < rank) { rank = r; via = data.nodes[entry.id].aliases[i]; }
      });
      if (rank < 9) hits.push({ id: entry.id, rank: rank, via: via });
    });
    hits.sort(function (a, b) {
      return a.rank - b.rank || data.nodes[a.id].label.length - data.nodes[b.id].label.length || a.id - b.id;
    });
    return hits.slice(0, limit || 12);
  }
  var input = document.getElementById("search"), results = document.getElementById("search-results");
  var current = [], active = 0;
  function renderResults() {
    current = search(input.value);
    active = 0;
    if (!input.value.trim()) { results.hidden = true; return; }
    var items = current.map(function (hit, i) {
      var node = data.nodes[hit.id];
      return el("li", { role: "option", "class": i === active ? "active" : "",
                        onclick: function () { choose(i); } },
                classSwatch(node.type), el("span", null, node.label),
                el("span", { "class": "hint" }, hit.via ? "简称 " + hit.via : CLASSES[node.type].zh));
    });
    if (!items.length) items = [el("li", { "class": "empty" }, "no match 无匹配")];
    results.replaceChildren.apply(results, items);
    results.hidden = false;
  }
  function choose(i) {
    if (!current[i]) return;
    results.hidden = true;
    select(current[i].id);
  }
  input.addEventListener("input", renderResults);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { if (results.hidden) renderResults(); choose(active); }
    else if (ev.key === "Escape") { results.hidden = true; }
    else if ((ev.key === "ArrowDown" || ev.key === "ArrowUp") && current.length) {
      ev.preventDefault();
      active = (active + (ev.key === "ArrowDown" ? 1 : current.length - 1)) % current.length;
      Array.prototype.forEach.call(results.children, function (li, i) { li.className = i === active ? "active" : ""; });
    }
  });
  document.addEventListener("click", function (ev) {
    if (!document.getElementById("search-box").contains(ev.target)) results.hidden = true;
  });

  // ------------------------------------------------------------ size, reset, stats
  document.getElementById("size-by").addEventListener("change", function (ev) {
    nodes.update(data.nodes.map(function (n) { return { id: n.id, size: nodeSize(n, ev.target.value) }; }));
  });
  document.getElementById("reset").addEventListener("click", function () {
    Object.keys(classOn).forEach(function (c) { classOn[c] = true; });
    Object.keys(kindOn).forEach(function (k) { kindOn[k] = k !== "jurisdiction" || !big; });
    document.querySelectorAll("#class-filters input").forEach(function (box) { box.checked = true; });
    document.querySelectorAll("[data-kind-key]").forEach(function (box) { box.checked = kindOn[box.getAttribute("data-kind-key")]; });
    applyVisibility();
    clearSelection();
    network.fit({ animation: false });
  });
  var m = data.meta;
  document.getElementById("stats").textContent =
    m.entities + " entities · " + m.fundings + " fundings (" + m.fundingEdges + " drawn as arrows) · " +
    m.relations + " relations · " + m.articles + " articles" + (m.filters ? " · " + m.filters : "");

  buildFilters();
  window.kg = { data: data, select: select, search: search, clearSelection: clearSelection,
                setClassVisible: setClassVisible, setKindVisible: setKindVisible,
                selected: function () { return selected; } };
})();
