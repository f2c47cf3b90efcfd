"""Exit 0 when PostgreSQL answers at 127.0.0.1:5432 (user postgres), 1 otherwise."""

import sys

try:
    import psycopg

    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", connect_timeout=3):
        pass
except Exception:  # noqa: BLE001 - any failure means "not reachable"
    sys.exit(1)
sys.exit(0)
