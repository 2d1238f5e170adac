"""checkin.markdown."""
