"""The doctor's PDF (``phrapp export --format pdf``): 1–2 A4 pages drawn with QPainter.

* :mod:`.fonts` loads the vendored Japanese font (a Noto Sans CJK JP subset, SIL OFL)
  from package resources, so the PDF embeds it and looks the same on every machine;
* :mod:`.pdf_report` computes what the pages show from :class:`ExportData` and lays
  out and draws them (on a QPdfWriter, or on a QImage for previews and screenshots);
* :mod:`.pdf_export` is the :class:`~phrapp.io.exporters.base.Exporter` (slug ``pdf``).

Everything here imports Qt; the headless CLI imports this package lazily and only for
``export --format pdf`` (CONTRACT §1).
"""
