"""checkin.importers."""
