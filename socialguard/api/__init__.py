"""The token-authenticated JSON API at /api/v1/ (docs/api.md)."""
