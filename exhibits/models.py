"""Models of the exhibits app (filled by its own issue)."""
