"""checkin.services."""
