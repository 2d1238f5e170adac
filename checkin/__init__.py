"""checkin: prioritized, explainable client check-ins in your terminal."""

__version__ = "0.1.0"
