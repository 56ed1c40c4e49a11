"""phrapp: a personal health record for the desktop.

Layers (one direction only): ``ui`` -> ``services`` -> ``domain`` / ``storage`` / ``io``.
Only ``phrapp.ui`` may import Qt; a test enforces it.
"""

__version__ = "0.1.0"
