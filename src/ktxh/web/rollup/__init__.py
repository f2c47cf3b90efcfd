"""Province and national roll-ups: every commune's targets evaluated in the database, and
the history of merged communes read from the communes they were formed from."""
