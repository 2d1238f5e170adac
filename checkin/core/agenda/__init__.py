"""The agenda engine: explainable, prioritized agendas built from an account's records."""
