"""Models of the posts app (built in a later issue; see docs/architecture.md)."""
