"""MMU Desktop: offline registration and visits for Mobile Medical Units, synced with AMRIT."""

from importlib import metadata

try:
    __version__ = metadata.version("mmu-desktop")
except metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"
