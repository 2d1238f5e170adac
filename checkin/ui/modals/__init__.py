"""checkin.ui.modals."""
