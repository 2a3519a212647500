"""The backend also serves the network probe's upload measurement, in the probe's own protocol."""

from __future__ import annotations

import httpx
import pytest

from studio_app.probes.upload_sink import measure_upload


@pytest.mark.parametrize("path", ["/measure/upload", ""])
def test_backend_counts_upload_bytes_per_interval(sqlite_backend, path):
    result = measure_upload(sqlite_backend.server.url + path, seconds=1.0, interval_ms=250)
    assert len(result.report.bytes_per_interval) == 4
    assert all(n > 0 for n in result.report.bytes_per_interval)
    assert result.report.total_bytes <= result.sent_bytes
    assert result.upload_mbps > 1.0  # loopback


def test_backend_refuses_a_bad_upload_request(sqlite_backend):
    response = httpx.post(sqlite_backend.server.url + "/measure/upload?seconds=999", content=b"x" * 10)
    assert response.status_code == 400
    assert "seconds" in response.json()["message"]


def test_sync_endpoints_require_a_token(sqlite_backend):
    response = httpx.get(sqlite_backend.server.url + "/sync/hello")
    assert response.status_code == 401
    assert "token" in response.json()["detail"]["message"]
