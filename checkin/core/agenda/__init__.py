"""The agenda engine: explainable, prioritized agendas built from an account's records."""

from checkin.core.agenda.engine import build_agenda
from checkin.core.agenda.model import (
    GENERATED_KINDS,
    OTHER_SECTION,
    URGENT_SECTION,
    AccountData,
    Agenda,
    AgendaWarning,
    Section,
    StandingItem,
    Template,
)
from checkin.core.agenda.timing import DEFAULT_MINUTES, TIMING_KEYS

__all__ = [
    "DEFAULT_MINUTES",
    "GENERATED_KINDS",
    "OTHER_SECTION",
    "TIMING_KEYS",
    "URGENT_SECTION",
    "AccountData",
    "Agenda",
    "AgendaWarning",
    "Section",
    "StandingItem",
    "Template",
    "build_agenda",
]
