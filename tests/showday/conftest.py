from __future__ import annotations

from main_window_fixture import window  # noqa: F401  (the shared fixture)
