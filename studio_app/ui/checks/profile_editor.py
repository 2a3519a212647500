"""Edit a studio profile. The domain validates (:func:`profile_from_dict`); errors are shown, not raised."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio_app.probes.profile import ProfileError, StudioProfile, profile_from_dict, profile_to_dict
from studio_app.ui import theme


class ProfileEditor(QDialog):
    def __init__(self, profile: StudioProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Studio profile"))
        self.setMinimumWidth(560)
        self.result_profile: StudioProfile | None = None
        self.name = QLineEdit(profile.name)
        self.width_px = QSpinBox(minimum=160, maximum=7680, value=profile.target_width)
        self.height_px = QSpinBox(minimum=120, maximum=4320, value=profile.target_height)
        self.fps = QDoubleSpinBox(minimum=1, maximum=240, decimals=2, value=profile.target_fps)
        self.bitrate = QSpinBox(minimum=100, maximum=100_000, singleStep=500, value=profile.push_bitrate_kbps)
        self.bitrate.setSuffix(" kbit/s")
        self.ingest = QLineEdit(profile.ingest_url)
        self.ingest.setPlaceholderText("rtmp://host[:port]/app")
        self.upload_target = QLineEdit(profile.upload_target)
        self.upload_target.setPlaceholderText("http://host:port/upload  ·  iperf3://host:5201")
        self.hotspot = QLineEdit(profile.hotspot_interface)
        self.hotspot.setPlaceholderText(self.tr("e.g. wwan0, usb0"))
        self.camera = QLineEdit(profile.camera_source)
        self.camera.setPlaceholderText(self.tr("0 = first camera, or a file / URL"))
        self.mic = QLineEdit(profile.mic_device)
        self.mic.setPlaceholderText(self.tr("empty = system default"))
        self.color_temp = QSpinBox(minimum=1000, maximum=20000, singleStep=100, value=profile.color_temp_k)
        self.color_temp.setSuffix(" K")
        self.color_tol = QSpinBox(
            minimum=0, maximum=5000, singleStep=50, value=profile.color_temp_tolerance_k
        )
        self.color_tol.setSuffix(" K")
        self.lights = QLineEdit(", ".join(profile.elgato_light_ips))
        self.lights.setPlaceholderText(self.tr("IP addresses, comma-separated"))
        self.reference = QLineEdit(
            "" if profile.reference_sharpness is None else f"{profile.reference_sharpness:g}"
        )
        self.thresholds = QLineEdit(json.dumps(dict(profile.thresholds)) if profile.thresholds else "")
        self.thresholds.setPlaceholderText('{"uniformity_warn": 0.5}')
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {theme.FAIL};")

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Width (px)"), self.width_px)
        form.addRow(self.tr("Height (px)"), self.height_px)
        form.addRow(self.tr("Frame rate (fps)"), self.fps)
        form.addRow(self.tr("Push bitrate"), self.bitrate)
        form.addRow(self.tr("Ingest"), self.ingest)
        form.addRow(self.tr("Upload test target"), self.upload_target)
        form.addRow(self.tr("Backup hotspot interface"), self.hotspot)
        form.addRow(self.tr("Camera"), self.camera)
        form.addRow(self.tr("Microphone"), self.mic)
        form.addRow(self.tr("Colour temperature"), self.color_temp)
        form.addRow(self.tr("Tolerance ±"), self.color_tol)
        form.addRow(self.tr("Key Light addresses"), self.lights)
        form.addRow(self.tr("Reference sharpness"), self.reference)
        form.addRow(self.tr("Threshold overrides (JSON)"), self.thresholds)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._original = profile

    def edited(self) -> StudioProfile:
        """The profile as typed; raises ProfileError (already translated) when it is not usable."""
        data = profile_to_dict(self._original)
        data.update(
            name=self.name.text(),
            target_width=self.width_px.value(),
            target_height=self.height_px.value(),
            target_fps=self.fps.value(),
            push_bitrate_kbps=self.bitrate.value(),
            ingest_url=self.ingest.text().strip(),
            upload_target=self.upload_target.text().strip(),
            hotspot_interface=self.hotspot.text().strip(),
            camera_source=self.camera.text().strip() or "0",
            mic_device=self.mic.text().strip(),
            color_temp_k=self.color_temp.value(),
            color_temp_tolerance_k=self.color_tol.value(),
            elgato_light_ips=[ip.strip() for ip in self.lights.text().split(",") if ip.strip()],
        )
        ref = self.reference.text().strip()
        try:
            data["reference_sharpness"] = float(ref) if ref else None
        except ValueError:
            raise ProfileError(self.tr("The reference sharpness must be a positive number.")) from None
        text = self.thresholds.text().strip()
        try:
            data["thresholds"] = json.loads(text) if text else {}
        except json.JSONDecodeError:
            raise ProfileError(self.tr("The threshold overrides are not valid JSON.")) from None
        return profile_from_dict(data)

    def accept(self) -> None:
        try:
            self.result_profile = self.edited()
        except ProfileError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
