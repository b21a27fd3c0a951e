/* plangraph: draw a query's graph (data from graph/render.py payload()) with vis-network.
   Every text reaches the page through textContent or the canvas, never as markup. */
(function () {
  "use strict";
  var READABLE = 0.75;  // the smallest initial zoom at which 14 px labels stay readable

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function tip(rows) {
    var box = el("div", "pg-tip");
    rows.forEach(function (r) {
      var line = el("div", "tip-row");
      line.appendChild(el("b", "", r[0] + ": "));
      line.appendChild(document.createTextNode(r[1]));
      box.appendChild(line);
    });
    return box;
  }

  function legend(data) {
    var aside = el("aside", "pg-legend");
    aside.appendChild(el("strong", "", "Chú giải / legend"));
    var ul = el("ul");
    data.legend.types.forEach(function (t) {
      var li = el("li"), sw = el("span", "sw " + t[1]);
      sw.style.background = t[2];
      li.appendChild(sw);
      li.appendChild(document.createTextNode(t[0]));
      ul.appendChild(li);
    });
    data.legend.edges.forEach(function (t) {
      var li = el("li"), sw = el("span", "sw line");
      sw.style.background = t[1];
      li.appendChild(sw);
      li.appendChild(document.createTextNode(t[0]));
      ul.appendChild(li);
    });
    aside.appendChild(ul);
    if (data.legend.provinces.length) {
      aside.appendChild(el("strong", "", "Tỉnh / provinces"));
      var up = el("ul");
      data.legend.provinces.forEach(function (p) {
        var li = el("li"), sw = el("span", "sw dot");
        sw.style.background = p[1];
        li.appendChild(sw);
        li.appendChild(document.createTextNode(p[0]));
        up.appendChild(li);
      });
      var li = el("li"), sw = el("span", "sw dot");
      sw.style.background = "#d0d0d0";
      li.appendChild(sw);
      li.appendChild(document.createTextNode("nhiều tỉnh / several"));
      up.appendChild(li);
      aside.appendChild(up);
    }
    return aside;
  }

  function draw(holder) {
    var data = JSON.parse(document.getElementById(holder.getAttribute("data-graph")).textContent);
    holder.textContent = "";
    if (!data.nodes.length) {
      holder.appendChild(el("p", "pg-empty", data.empty));
      holder.classList.add("is-empty");
      document.body.setAttribute("data-drawn", "1");
      return;
    }
    var canvas = el("div", "pg-canvas");
    holder.appendChild(canvas);
    holder.appendChild(legend(data));
    var bar = el("div", "pg-bar");
    holder.appendChild(bar);
    var shown = 0, visible = {};
    var nodes = new vis.DataSet(), edges = new vis.DataSet();
    data.captions.forEach(function (c, i) {
      nodes.add({id: "caption-" + i, label: c.text, shape: "text", x: c.x, y: c.y,
                 font: {size: 20, color: c.color, bold: true}, physics: false,
                 fixed: true, chosen: false});
    });
    var more = el("button", "pg-more");
    more.type = "button";
    function add() {
      var next = data.nodes.slice(shown, shown + data.step);
      next.forEach(function (n) {
        var copy = Object.assign({}, n);
        copy.title = tip(n.tip);
        delete copy.tip;
        if (n.href) { copy.chosen = true; }
        nodes.add(copy);
        visible[n.id] = true;
      });
      shown += next.length;
      data.edges.forEach(function (e, i) {
        if (visible[e.from] && visible[e.to] && !edges.get(i)) {
          edges.add({id: i, from: e.from, to: e.to, width: e.width, color: {color: e.color},
                     title: tip(e.tip)});
        }
      });
      var left = data.nodes.length - shown;
      more.textContent = "Hiện thêm / show more (" + shown + " / " + data.nodes.length + ")";
      more.hidden = left <= 0;
    }
    more.addEventListener("click", function () { add(); view(); });
    bar.appendChild(more);
    var all = el("button", "pg-fit", "Toàn cảnh / fit all");
    all.type = "button";
    all.addEventListener("click", function () { network.fit({animation: false}); });
    bar.appendChild(all);
    bar.appendChild(el("span", "pg-hint", "kéo để di chuyển, cuộn để phóng to / drag to pan, " +
                       "scroll to zoom"));
    add();
    var options = {
      physics: false,
      layout: {improvedLayout: false},
      nodes: {font: {size: 14, face: "system-ui, sans-serif"}, size: 12},
      edges: {arrows: {to: {enabled: true, scaleFactor: 0.5}},
              smooth: data.layout === "layered"
                ? {type: "cubicBezier", forceDirection: "horizontal", roundness: 0.4} : false},
      interaction: {hover: true, tooltipDelay: 120, multiselect: false}
    };
    var network = new vis.Network(canvas, {nodes: nodes, edges: edges}, options);
    holder.network = network;
    holder.nodeData = data.nodes;
    network.on("click", function (p) {
      if (!p.nodes.length) { return; }
      var n = data.nodes[p.nodes[0]];
      if (n && n.href && typeof n.href === "string" && n.href.charAt(0) === "/") {
        window.location.assign(n.href);
      }
    });
    network.on("hoverNode", function (p) {
      var n = data.nodes[p.node];
      canvas.style.cursor = n && n.href ? "pointer" : "default";
    });
    network.on("blurNode", function () { canvas.style.cursor = "default"; });
    // Fit the whole drawing, unless that makes labels too small to read: then start at a
    // readable scale at the top left (the roots of a layered drawing), or, for groups, at the
    // top of the first group's circle under its caption (a circle's corner is empty).
    function view() {
      network.fit({animation: false});
      if (network.getScale() >= READABLE) { return; }
      var half = canvas.clientHeight / READABLE / 2;
      if (data.layout === "groups" && data.captions.length) {
        var first = data.captions[0];
        network.moveTo({scale: READABLE, position: {x: first.x, y: first.y - 30 + half},
                        animation: false});
        return;
      }
      var ids = nodes.getIds(), box = null;
      ids.forEach(function (id) {
        var b = network.getBoundingBox(id);
        if (!b) { return; }
        box = box ? {left: Math.min(box.left, b.left), top: Math.min(box.top, b.top)} :
          {left: b.left, top: b.top};
      });
      if (!box) { return; }
      var w = canvas.clientWidth / READABLE / 2;
      network.moveTo({scale: READABLE, position: {x: box.left + w - 20, y: box.top + half - 20},
                      animation: false});
    }
    network.once("afterDrawing", function () {
      view();  // now that the canvas has its size
      document.body.setAttribute("data-drawn", "1");
    });
  }

  function start() {
    var holders = document.querySelectorAll(".pg-graph[data-graph]");
    Array.prototype.forEach.call(holders, draw);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
