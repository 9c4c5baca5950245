"""Domain exceptions. The library raises these; only the CLI turns them into
messages and exit codes (no traceback is ever shown for a user mistake)."""

from __future__ import annotations

from .models import Diagnostic


class FactsheetError(Exception):
    """Base class: anything the user can fix. ``str(err)`` is the message to show."""


class Abort(FactsheetError):
    """Stop the current command with a user-facing message (MkDocs' Abort)."""


class ContentError(FactsheetError):
    """One input file cannot become a record. Carries a Diagnostic."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.format())
        self.diagnostic = diagnostic


class BuildError(Abort):
    """The build failed; ``diagnostics`` lists every problem found."""

    def __init__(self, message: str, diagnostics: tuple[Diagnostic, ...] = ()):
        super().__init__(message)
        self.diagnostics = diagnostics
