"""checkin.calendar: the next check-in and open action items as iCalendar (RFC 5545)."""
