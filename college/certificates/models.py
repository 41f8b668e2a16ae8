"""Models of the certificates app (filled by its own issue)."""
