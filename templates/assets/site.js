/* factsheet default theme: citation popups, sentence highlighting, the claim
   filter, site-wide search (Pagefind) and old index permalinks. Vanilla JS; it
   loads nothing from outside the site, and the page works without it. */
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
    var quote = note.querySelector(".q"), src = note.querySelector(".src a");
    pop.textContent = "";
    var q = document.createElement("span");
    q.className = "q";
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

  // --- old permalinks: index.html#claim-<id> for a claim on a page of its own --
  // claims/lookup-<k>.js holds claim id -> page for the ids of shard k (the same
  // FNV-1a hash as factsheet/render/plan.py), loaded only for such a link.
  function shardOf(id, shards) {
    var h = 0x811c9dc5;
    for (var i = 0; i < id.length; i++) {
      h ^= id.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % shards;
  }
  function followOldPermalink() {
    var shards = parseInt(document.body.getAttribute("data-lookup-shards") || "0", 10);
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (err) { return; }
    if (!shards || id.indexOf("claim-") !== 0 || document.getElementById(id)) return;
    var claim = id.slice("claim-".length), shard = shardOf(claim, shards);
    window.factsheetLookup = function (k, pages) {
      if (k !== shard || !Object.prototype.hasOwnProperty.call(pages, claim)) return;
      location.replace("claims/" + pages[claim] + ".html#" + encodeURIComponent(id));
    };
    var script = document.createElement("script");
    script.src = "claims/lookup-" + shard + ".js";
    document.head.appendChild(script);
  }

  // --- site-wide search: Pagefind's index in pagefind/ -----------------------
  function setupSearch() {
    var box = document.getElementById("site-search");
    if (!box) return;
    var input = document.getElementById("site-search-q");
    var status = document.getElementById("site-search-status");
    var list = document.getElementById("site-search-hits");
    var site = new URL(box.getAttribute("data-root") || "./", location.href);
    var engine = null, serial = 0, timer = null;
    box.hidden = false;

    function load() {
      if (!engine) {
        engine = import(new URL("pagefind/pagefind.js", site).href).then(function (pf) {
          return pf.options({ baseUrl: site.pathname }).then(function () { return pf; });
        });
      }
      return engine;
    }
    function words(query) {
      return query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 1; });
    }
    // The element holding a match: the last claim or sentence anchor at or before it.
    function anchorAt(data, location) {
      var best = null;
      (data.anchors || []).forEach(function (a) {
        if (/^(claim-|s\d)/.test(a.id) && a.location <= location && (!best || a.location >= best.location)) best = a;
      });
      return best;
    }
    // Up to HITS_PER_PAGE distinct elements of a page holding matches, in page order.
    var HITS_PER_PAGE = 3, PAGES_SHOWN = 10;
    function hitsOf(data) {
      var seen = {}, hits = [];
      (data.locations || []).some(function (location) {
        var a = anchorAt(data, location), key = a ? a.id : "";
        if (!Object.prototype.hasOwnProperty.call(seen, key)) { seen[key] = true; hits.push(a); }
        return hits.length >= HITS_PER_PAGE;
      });
      return hits.length ? hits : [null];
    }
    // An anchor's text ends with what the index leaves out of its content: the
    // citation numbers and permalink of a claim, the back links of a sentence.
    function clean(text) {
      return text.replace(/\s*[\d+]*#$/, "").replace(/[\u21a9\u2197]+$/, "").trim();
    }
    function marked(text, terms) {
      var span = document.createElement("span"), lower = text.toLowerCase(), at = 0;
      while (at < text.length) {
        var next = -1, len = 0;
        terms.forEach(function (t) {
          var i = lower.indexOf(t, at);
          if (i !== -1 && (next === -1 || i < next)) { next = i; len = t.length; }
        });
        if (next === -1) break;
        span.appendChild(document.createTextNode(text.slice(at, next)));
        var m = document.createElement("mark");
        m.textContent = text.slice(next, next + len);
        span.appendChild(m);
        at = next + len;
      }
      span.appendChild(document.createTextNode(text.slice(at)));
      return span;
    }
    function show(query, pages, total) {
      var terms = words(query), shown = 0;
      list.textContent = "";
      pages.forEach(function (data) {
        var title = (data.meta && data.meta.title) || data.url;
        hitsOf(data).forEach(function (anchor) {
          var text = anchor && anchor.text ? clean(anchor.text) : title;
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = data.url + (anchor ? "#" + anchor.id : "");
          a.appendChild(marked(text, terms));
          li.appendChild(a);
          if (text !== title) {
            var where = document.createElement("span");
            where.className = "muted";
            where.textContent = " — " + title;
            li.appendChild(where);
          }
          list.appendChild(li);
          shown++;
        });
      });
      status.textContent = !total ? "Nothing matches." : total + (total === 1 ? " page matches" : " pages match") +
        (total > pages.length ? "; the first " + pages.length + " are shown." : ".");
    }
    function run() {
      var query = input.value.trim(), mine = ++serial;
      if (!query) { list.textContent = ""; status.textContent = ""; return; }
      status.textContent = "Searching…";
      var total = 0;
      load().then(function (pf) { return pf.search(query); }).then(function (found) {
        total = found.results.length;
        return Promise.all(found.results.slice(0, PAGES_SHOWN).map(function (r) { return r.data(); }));
      }).then(function (pages) {
        if (mine === serial) show(query, pages, total);
      }).catch(function () {
        if (mine !== serial) return;
        status.textContent = location.protocol === "file:" ?
          "Search needs the site to be served over http (for example by factsheet serve)." :
          "Search is not available on this copy of the site.";
      });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
    input.addEventListener("keydown", function (e) { if (e.key === "Enter") { clearTimeout(timer); run(); } });
  }

  function start() { followOldPermalink(); setupTools(); setupSearch(); highlight(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
