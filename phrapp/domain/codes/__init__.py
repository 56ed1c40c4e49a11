"""Standard code tables used by the domain (pure data, no I/O).

* :mod:`phrapp.domain.codes.checkup_items`: the 特定健診 XML item codes (第4期), with
  the generated table in :mod:`phrapp.domain.codes.checkup_items_table`.
"""
