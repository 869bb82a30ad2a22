"""Models of the incidents app (built in a later issue; see docs/architecture.md)."""
