"""The development server behind `factsheet serve`: build, serve the last good
build, watch the inputs, rebuild what changed, reload open pages.

- ``watcher``: watchdog observers and the debouncer that turns bursts of file
  events into one rebuild request;
- ``builder``: rebuilds into fresh folders outside every watched folder, keeps
  one RecordCache for the life of the server, and swaps the served folder only
  after a build completes;
- ``livereload`` / ``overlay``: what the server (and only the server) adds to
  HTML responses: the reload script and the error overlay;
- ``server``: the HTTP side (static files, server-sent events, status JSON).
"""
