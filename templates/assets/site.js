/* factsheet default theme: citation popups, sentence highlighting, claim search
   and filters. Vanilla JS, no network; the page works without it. */
(function () {
  "use strict";

  // --- citation popups: one shared popup filled from the numbered note -------
  var pop = null, owner = null;
  function notePopup(link) {
    var id = link.getAttribute("aria-describedby");
    var note = id && document.getElementById(id);
    if (!note) return;
    if (!pop) {
      pop = document.createElement("div");
      pop.className = "pop";
      pop.id = "cite-pop";
      pop.setAttribute("role", "tooltip");
      pop.hidden = true;
      document.body.appendChild(pop);
    }
    var quote = note.querySelector("q"), src = note.querySelector(".src a");
    pop.textContent = "";
    var q = document.createElement("q");
    q.textContent = quote ? quote.textContent : note.textContent;
    var s = document.createElement("span");
    s.className = "src";
    s.textContent = "— " + (src ? src.textContent : "");
    pop.appendChild(q);
    pop.appendChild(s);
    pop.hidden = false;
    owner = link;
    var r = link.getBoundingClientRect();
    var width = Math.min(pop.offsetWidth, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    pop.style.left = (left + window.scrollX) + "px";
    pop.style.top = (r.bottom + window.scrollY + 6) + "px";
  }
  function hidePopup(link) {
    if (pop && (!link || link === owner)) { pop.hidden = true; owner = null; }
  }
  function citeOf(target) {
    return target && target.closest ? target.closest("a.cite[aria-describedby]") : null;
  }
  document.addEventListener("focusin", function (e) { var c = citeOf(e.target); if (c) notePopup(c); });
  document.addEventListener("focusout", function (e) { var c = citeOf(e.target); if (c) hidePopup(c); });
  document.addEventListener("mouseover", function (e) { var c = citeOf(e.target); if (c) notePopup(c); });
  document.addEventListener("mouseout", function (e) {
    var c = citeOf(e.target);
    if (c && c !== document.activeElement) hidePopup(c);
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hidePopup(); });

  // --- highlight the targeted sentence or claim ------------------------------
  var lit = null;
  function highlight() {
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (err) { return; }
    var el = id && document.getElementById(id);
    if (lit) lit.classList.remove("hl");
    lit = null;
    if (!el || el.tagName === "MAIN" || el.tagName === "SECTION") return;
    el.classList.add("hl");
    lit = el;
    el.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", highlight);

  // --- claim search and filters ---------------------------------------------
  function setupTools() {
    var tools = document.getElementById("claims-tools");
    if (!tools) return;
    var input = document.getElementById("search-claims");
    var count = document.getElementById("claims-shown");
    var groups = Array.prototype.slice.call(document.querySelectorAll("#claims .group"));
    var total = document.querySelectorAll("#claims .group li").length;
    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var chosen = tools.querySelector("input[name=group]:checked");
      var want = chosen ? chosen.value : "all";
      var shown = 0;
      groups.forEach(function (g) {
        var inGroup = 0;
        var open = want === "all" || g.getAttribute("data-group") === want;
        g.querySelectorAll("li").forEach(function (li) {
          var text = li.querySelector(".ct").textContent.toLowerCase();
          var ok = open && words.every(function (w) { return text.indexOf(w) !== -1; });
          li.hidden = !ok;
          if (ok) inGroup++;
        });
        g.hidden = inGroup === 0;
        shown += inGroup;
      });
      count.textContent = shown === total ? total + " claims" :
        (shown ? "Showing " + shown + " of " + total + " claims" : "No claim matches");
    }
    input.addEventListener("input", apply);
    tools.addEventListener("change", apply);
    tools.hidden = false;
    apply();
  }

  function start() { setupTools(); highlight(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
