"""Widgets of the data panel (live numbers, review, import, charts)."""
