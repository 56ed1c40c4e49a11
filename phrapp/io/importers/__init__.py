"""Importers: ``sniff`` by content, ``parse`` streaming into records (see ``base``)."""
