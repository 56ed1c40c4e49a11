"""File formats: one module per importer (``importers/``) and exporter (``exporters/``)."""
