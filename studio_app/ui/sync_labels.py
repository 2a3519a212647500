"""What the conflict list calls the synced tables and their columns: the words a studio uses, not the
database's. A table or column not named here (one added later) shows under its own name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication


def table_label(name: str) -> str:
    return _tables().get(name, name)


def column_label(name: str) -> str:
    return _columns().get(name, name)


def value_text(value: Any) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("SyncLabels", "(empty)")
    return str(value)


def _tables() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "shows": translate("SyncLabels", "Show"),
        "scripts": translate("SyncLabels", "Script"),
        "script_segments": translate("SyncLabels", "Script segment"),
        "script_products": translate("SyncLabels", "Script product"),
        "script_emergencies": translate("SyncLabels", "Emergency line"),
        "check_runs": translate("SyncLabels", "Device check"),
        "check_probe_results": translate("SyncLabels", "Device check result"),
        "check_profiles": translate("SyncLabels", "Check profile"),
        "compliance_records": translate("SyncLabels", "Script compliance check"),
        "gate_items": translate("SyncLabels", "Pre-show checklist item"),
        "gate_template_items": translate("SyncLabels", "Checklist template item"),
        "gate_overrides": translate("SyncLabels", "Go-live override"),
        "gate_price_ticks": translate("SyncLabels", "Price confirmation"),
        "incidents": translate("SyncLabels", "Incident"),
        "live_questions": translate("SyncLabels", "Viewer question"),
        "live_stock": translate("SyncLabels", "Stock count"),
        "metric_samples": translate("SyncLabels", "Live data point"),
        "metric_imports": translate("SyncLabels", "Data import"),
        "metric_products": translate("SyncLabels", "Product data"),
        "metric_traffic": translate("SyncLabels", "Traffic source data"),
        "metric_manual_entries": translate("SyncLabels", "Manual data entry"),
        "metric_column_mappings": translate("SyncLabels", "Import column mapping"),
        "ad_spend": translate("SyncLabels", "Ad spend"),
        "onair_alerts": translate("SyncLabels", "On-air alert"),
        "onair_corrections": translate("SyncLabels", "On-air correction"),
        "promo_states": translate("SyncLabels", "Promo clock"),
        "run_log_events": translate("SyncLabels", "Run log entry"),
    }


def _columns() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "title": translate("SyncLabels", "Title"),
        "name": translate("SyncLabels", "Name"),
        "notes": translate("SyncLabels", "Notes"),
        "note": translate("SyncLabels", "Note"),
        "text": translate("SyncLabels", "Text"),
        "host_text": translate("SyncLabels", "Host's lines"),
        "host_name": translate("SyncLabels", "Host"),
        "platform": translate("SyncLabels", "Platform"),
        "planned_start": translate("SyncLabels", "Planned start"),
        "planned_minutes": translate("SyncLabels", "Planned minutes"),
        "started_at": translate("SyncLabels", "Started"),
        "ended_at": translate("SyncLabels", "Ended"),
        "deleted_at": translate("SyncLabels", "Deleted"),
        "position": translate("SyncLabels", "Order"),
        "kind": translate("SyncLabels", "Kind"),
        "status": translate("SyncLabels", "Status"),
        "state": translate("SyncLabels", "State"),
        "cues": translate("SyncLabels", "Cues"),
        "link_no": translate("SyncLabels", "Link no."),
        "list_price": translate("SyncLabels", "List price"),
        "live_price": translate("SyncLabels", "Live price"),
        "price": translate("SyncLabels", "Price"),
        "coupon": translate("SyncLabels", "Coupon"),
        "stock": translate("SyncLabels", "Stock"),
        "count": translate("SyncLabels", "Count"),
        "details": translate("SyncLabels", "Details"),
        "message": translate("SyncLabels", "Message"),
        "description": translate("SyncLabels", "Description"),
        "fix": translate("SyncLabels", "Fix"),
        "reason": translate("SyncLabels", "Reason"),
        "amount_fen": translate("SyncLabels", "Amount (fen)"),
        "online_viewers": translate("SyncLabels", "Online viewers"),
        "gmv_total_fen": translate("SyncLabels", "GMV (fen)"),
        "pay_gmv_fen": translate("SyncLabels", "Paid GMV (fen)"),
        "orders_total": translate("SyncLabels", "Orders"),
    }
