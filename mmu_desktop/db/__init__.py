"""The local database: AMRIT's tables in SQLite, and one repository per concern."""
