"""Rows the app ships: the sync control tables and a starter set of masters.

AMRIT's real seed rows for the control tables are not public, so these are our own,
consistent with the nine sync groups central knows (contract section 7.2). A row set
exported from a real AMRIT database can replace them.
"""
