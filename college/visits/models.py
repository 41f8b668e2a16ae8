"""Models of the visits app (filled by its own issue)."""
