"""What every HTML report adds to the notebook: reading styles, chart tooltips, links to a table row.

:data:`SCRIPT` runs in the report page (it is ours, never data): it

- shows the ``<title>`` of a hovered chart item (:mod:`analysis.plots.hover`) as a tooltip at once,
  set with ``textContent`` (text stays text);
- opens ``report.html#<quote id>``: finds the DataTables row whose hidden key is that id, turns to its
  page, scrolls to it and marks it, so a link back from the article reader lands on the row.
"""
from __future__ import annotations

__all__ = ["SCRIPT", "CSS"]

CSS = """
.nl-tip { position: fixed; z-index: 1000; max-width: 34em; padding: 8px 10px; border-radius: 6px;
  background: #1d2330; color: #fff; font: 13px/1.45 system-ui, sans-serif; white-space: pre-line;
  pointer-events: none; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.nl-chart { overflow-x: auto; }
.jp-RenderedHTMLCommon table.nl-table td, .jp-RenderedHTMLCommon table.nl-table th { text-align: left; }
.jp-RenderedHTMLCommon table.nl-table td.nl-num { text-align: right; }
.jp-RenderedHTMLCommon table.nl-table tbody tr:nth-child(odd) { background: #f8f9fb; }
div.dt-container { font-size: 14px; margin: 6px 0 18px; }
"""

SCRIPT = r"""
(function () {
  "use strict";
  var tip = document.createElement("div");
  tip.className = "nl-tip";
  tip.hidden = true;
  document.body.appendChild(tip);
  document.querySelectorAll("svg.nl-hover .nl-item").forEach(function (item) {
    var title = item.querySelector("title");
    if (!title) return;
    item.setAttribute("data-tip", title.textContent);
    title.remove();  // the styled tooltip replaces the browser's slow one
  });
  function place(event) {
    var x = event.clientX + 14, y = event.clientY + 14;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 8) x = Math.max(8, event.clientX - w - 14);
    if (y + h > window.innerHeight - 8) y = Math.max(8, event.clientY - h - 14);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  document.addEventListener("mouseover", function (event) {
    var item = event.target.closest ? event.target.closest("svg.nl-hover .nl-item") : null;
    if (!item) { tip.hidden = true; return; }
    tip.textContent = item.getAttribute("data-tip") || "";
    tip.hidden = false;
    place(event);
  });
  document.addEventListener("mousemove", function (event) { if (!tip.hidden) place(event); });

  function key() {
    try { return decodeURIComponent(location.hash.slice(1)); } catch (e) { return location.hash.slice(1); }
  }
  function showRow(id, tries) {
    if (!id) return;
    var found = false;
    var $ = window.jQuery || window.$;
    if ($ && $.fn && $.fn.dataTable) {
      $.fn.dataTable.tables().forEach(function (node) {
        if (found || !node.classList.contains("nl-keyed")) return;
        var api = $(node).DataTable();
        var last = api.columns().count() - 1;
        var index = api.rows().indexes().toArray().find(function (i) { return api.cell(i, last).data() === id; });
        if (index === undefined) return;
        found = true;
        var shown = api.rows({order: "current", search: "applied"}).indexes().toArray();
        if (shown.indexOf(index) < 0) {  // filtered out by a search: clear it
          api.search("").columns().search("").draw();
          shown = api.rows({order: "current"}).indexes().toArray();
        }
        api.page(Math.floor(shown.indexOf(index) / api.page.len())).draw(false);
        document.querySelectorAll("tr.nl-target").forEach(function (tr) { tr.classList.remove("nl-target"); });
        var tr = api.row(index).node();
        tr.classList.add("nl-target");
        tr.scrollIntoView({block: "center"});
      });
    }
    if (!found && tries > 0) setTimeout(function () { showRow(id, tries - 1); }, 200);
  }
  window.addEventListener("hashchange", function () { showRow(key(), 50); });
  showRow(key(), 50);
})();
"""
