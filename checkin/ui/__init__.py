"""checkin.ui."""
