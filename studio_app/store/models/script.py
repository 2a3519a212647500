"""Tables of the script area (filled in by its issue)."""
