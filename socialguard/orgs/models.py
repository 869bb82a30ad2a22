"""Models of the orgs app (built in a later issue; see docs/architecture.md)."""
