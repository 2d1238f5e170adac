"""checkin.cli."""
