"""Models of the inbox app (built in a later issue; see docs/architecture.md)."""
