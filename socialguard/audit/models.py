"""Models of the audit app (built in a later issue; see docs/architecture.md)."""
