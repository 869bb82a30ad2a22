"""Models of the accounts app (built in a later issue; see docs/architecture.md)."""
