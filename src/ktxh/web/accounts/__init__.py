"""Roles, the one permissions module, and API tokens."""
