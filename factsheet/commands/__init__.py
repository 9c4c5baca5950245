"""One module per command, as in MkDocs: build, check, serve, deploy."""
