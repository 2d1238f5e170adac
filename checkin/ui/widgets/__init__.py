"""checkin.ui.widgets."""
