"""The reload script and its injection into HTML responses.

Only the server adds these to responses; nothing here is ever written into a
build folder. The script and stylesheet are served from /__factsheet/ (not
inline) so that a site's Content-Security-Policy of ``script-src 'self'``
still lets them run.
"""

from __future__ import annotations

import html
import re

SCRIPT_PATH = "/__factsheet/livereload.js"
CSS_PATH = "/__factsheet/overlay.css"
EVENTS_PATH = "/__livereload"
STATUS_PATH = "/__factsheet/status"
MARKER = "data-factsheet-livereload"

_BODY_END = re.compile(rb"</body\s*>", re.I)

# Server-sent events; on "reload" remember the scroll position for this path
# in sessionStorage, reload, and restore it once the new page has loaded.
# EventSource reconnects by itself when the server restarts; ``since`` makes
# the server answer at once when a build finished while we were away.
LIVERELOAD_JS = r"""(function () {
  "use strict";
  var me = document.currentScript;
  var generation = me ? me.getAttribute("data-generation") : "";
  var key = "factsheet:scroll:" + location.pathname + location.search;
  function restore() {
    var saved = null;
    try { saved = sessionStorage.getItem(key); sessionStorage.removeItem(key); } catch (e) {}
    if (!saved) return;
    try {
      var pos = JSON.parse(saved);
      window.scrollTo(pos.x || 0, pos.y || 0);
      // Late layout (fonts, images) can move things; apply once more.
      requestAnimationFrame(function () { window.scrollTo(pos.x || 0, pos.y || 0); });
    } catch (e) {}
  }
  if (document.readyState === "complete") restore();
  else window.addEventListener("load", restore);
  function reload() {
    try {
      sessionStorage.setItem(key, JSON.stringify({x: window.scrollX, y: window.scrollY}));
    } catch (e) {}
    location.reload();
  }
  var close = document.getElementById("factsheet-overlay-close");
  if (close) close.addEventListener("click", function () {
    var overlay = document.getElementById("factsheet-overlay");
    if (overlay) overlay.parentNode.removeChild(overlay);
  });
  function longPoll() {
    var xhr = new XMLHttpRequest();
    xhr.open("GET", "/__livereload?mode=poll&since=" + encodeURIComponent(generation));
    xhr.onload = function () { if (xhr.responseText.indexOf("reload") === 0) reload(); else longPoll(); };
    xhr.onerror = function () { setTimeout(longPoll, 1000); };
    xhr.send();
  }
  if (!window.EventSource) { longPoll(); return; }
  var source = new EventSource("/__livereload?since=" + encodeURIComponent(generation));
  source.addEventListener("reload", function () { source.close(); reload(); });
  window.addEventListener("pagehide", function () { source.close(); });
})();
"""


def snippet(generation: int, overlay: str) -> bytes:
    return (
        f'{overlay}<link rel="stylesheet" href="{CSS_PATH}" {MARKER}>'
        f'<script defer src="{SCRIPT_PATH}" data-generation="{html.escape(str(generation))}" {MARKER}></script>'
    ).encode("utf-8")


def inject(page: bytes, generation: int, overlay: str = "") -> bytes:
    """Insert the reload script (and the overlay, if any) before the last </body>."""
    extra = snippet(generation, overlay)
    matches = list(_BODY_END.finditer(page))
    if not matches:
        return page + extra
    at = matches[-1].start()
    return page[:at] + extra + page[at:]
