"""factsheet: turn a folder of articles about one event into a cited fact sheet site."""

__version__ = "0.1.0"
