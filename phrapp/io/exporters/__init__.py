"""Exporters: one module per output format (see ``base``)."""
