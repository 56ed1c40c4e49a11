"""The Qt desktop interface (the only package that imports Qt, through ``ui.qt``).

Importing the shim here first means PySide6 is loaded before any ui module imports
pyqtgraph, so pyqtgraph always binds to PySide6.
"""

from phrapp.ui import qt as qt
