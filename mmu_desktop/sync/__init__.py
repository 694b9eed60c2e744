"""The sync engine: upload, master download and beneficiary IDs, with no Qt anywhere.

Entry points live in ``mmu_desktop.sync.engine``; the HTTP side in ``client``.
"""
