"""One colour per lint severity, shared by the editor's underlines and the compliance dialog."""

from __future__ import annotations

from studio_app.script.lint import Severity

SEVERITY_COLORS = {
    Severity.FORBIDDEN: "#e5484d",
    Severity.CAUTION: "#f5a524",
    Severity.NEEDS_EVIDENCE: "#3e9ef0",
}
