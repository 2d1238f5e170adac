"""checkin.ui.screens."""
