"""Models of the cases app (filled by its own issue)."""
