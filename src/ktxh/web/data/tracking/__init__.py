"""Periods, actuals, the enter → submit → approve workflow and its audit trail."""
