/* factsheet default theme: citation popups, sentence highlighting, the claim
   filter, site-wide search (search/, see factsheet/render/search.py) and old
   index permalinks. Vanilla JS; it
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

  // --- site-wide search: the index in search/ (factsheet/render/search.py) -----
  // Its files are scripts calling window.factsheetSearch, so that they load from
  // file:// too. Words are matched as in search.py: lower case, accents dropped,
  // runs of letters and digits; a word of KEY_CHARS or more matches the start of a word.
  var loading = {};
  window.factsheetSearch = {
    manifest: function (m) { arrived("index", m); },
    terms: function (key, table) { arrived("t:" + key, table); },
    docs: function (k, shard) { arrived("d:" + k, shard); }
  };
  function arrived(name, value) { if (loading[name]) loading[name].resolve(value); }
  function loadPart(site, file, name) {
    if (!loading[name]) {
      var entry = {};
      entry.promise = new Promise(function (resolve, reject) { entry.resolve = resolve; entry.reject = reject; });
      loading[name] = entry;
      var script = document.createElement("script");
      script.src = new URL("search/" + file, site).href;
      script.onerror = function () { delete loading[name]; entry.reject(new Error("cannot load " + file)); };
      document.head.appendChild(script);
    }
    return loading[name].promise;
  }
  function normalize(text) { return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, ""); }
  function words(text) { return normalize(text).match(/[\p{L}\p{N}]+/gu) || []; }
  function hex(text) {
    return Array.prototype.map.call(new TextEncoder().encode(text), function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
  }
  function decode(deltas) {
    var ids = new Array(deltas.length), at = 0;
    for (var i = 0; i < deltas.length; i++) { at += deltas[i]; ids[i] = at; }
    return ids;
  }
  function union(lists) {
    if (lists.length === 1) return lists[0];
    var all = [].concat.apply([], lists).sort(function (a, b) { return a - b; });
    return all.filter(function (id, i) { return i === 0 || id !== all[i - 1]; });
  }
  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }
  function setupSearch() {
    var box = document.getElementById("site-search");
    if (!box) return;
    var input = document.getElementById("site-search-q");
    var status = document.getElementById("site-search-status");
    var list = document.getElementById("site-search-hits");
    var root = box.getAttribute("data-root") || "";
    var site = new URL(root || "./", location.href);
    var SHOWN = 20, serial = 0, timer = null;
    box.hidden = false;

    // The sorted ids of the documents holding a word (null: too common to say).
    function documentsWith(word, manifest) {
      if (manifest.common.indexOf(word) !== -1) return Promise.resolve(null);
      var key = word.slice(0, manifest.keyChars);
      if (manifest.keys.indexOf(key) === -1) return Promise.resolve([]);
      return loadPart(site, "t-" + hex(key) + ".js", "t:" + key).then(function (table) {
        var lists = [];
        Object.keys(table).forEach(function (term) {
          var hit = word.length >= manifest.keyChars ? term.indexOf(word) === 0 : term === word;
          if (hit) lists.push(decode(table[term]));
        });
        return lists.length ? union(lists) : [];
      });
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
    function show(terms, ids, manifest, ignored) {
      var top = ids.slice(0, SHOWN), shards = {};
      top.forEach(function (id) { shards[Math.floor(id / manifest.docsPerShard)] = true; });
      return Promise.all(Object.keys(shards).map(function (k) {
        return loadPart(site, "d-" + k + ".js", "d:" + k).then(function (shard) { return [k, shard]; });
      })).then(function (loaded) {
        var byShard = {};
        loaded.forEach(function (pair) { byShard[pair[0]] = pair[1]; });
        return function render() {
          list.textContent = "";
          top.forEach(function (id) {
            var shard = byShard[Math.floor(id / manifest.docsPerShard)];
            var doc = shard.docs[id % manifest.docsPerShard], page = shard.pages[doc[0]];
            var li = document.createElement("li"), a = document.createElement("a");
            a.setAttribute("href", root + page[0] + "#" + doc[1]);
            a.appendChild(marked(doc[2], terms));
            li.appendChild(a);
            var where = document.createElement("span");
            where.className = "muted";
            where.textContent = " — " + page[1];
            li.appendChild(where);
            list.appendChild(li);
          });
          var note = ignored.length ? " (too common to search for: " + ignored.join(", ") + ")" : "";
          status.textContent = (ids.length ? ids.length.toLocaleString("en") + (ids.length === 1 ? " match" : " matches") +
            (ids.length > top.length ? "; the first " + top.length + " are shown." : ".") : "Nothing matches.") + note;
        };
      });
    }
    function run() {
      var query = input.value, mine = ++serial;
      var terms = words(query).filter(function (w, i, all) { return all.indexOf(w) === i; });
      if (!terms.length) { list.textContent = ""; status.textContent = ""; return; }
      status.textContent = "Searching…";
      var manifest;
      loadPart(site, "index.js", "index").then(function (m) {
        manifest = m;
        return Promise.all(terms.map(function (w) { return documentsWith(w, m); }));
      }).then(function (lists) {
        var ignored = terms.filter(function (w, i) { return lists[i] === null; });
        var used = lists.filter(function (l) { return l !== null; });
        if (!used.length) {
          return function () { list.textContent = ""; status.textContent = "Too common to search for: " + ignored.join(", ") + "."; };
        }
        used.sort(function (a, b) { return a.length - b.length; });
        var ids = used.reduce(intersect);
        return show(terms, ids, manifest, ignored);
      }).then(function (render) {
        if (mine === serial) render();
      }).catch(function () {
        if (mine === serial) status.textContent = "Search is not available on this copy of the site.";
      });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    input.addEventListener("keydown", function (e) { if (e.key === "Enter") { clearTimeout(timer); run(); } });
  }

  function start() { followOldPermalink(); setupTools(); setupSearch(); highlight(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
