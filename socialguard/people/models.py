"""Models of the people app (built in a later issue; see docs/architecture.md)."""
