"""Frame helpers shared by the camera and lighting analysis: scaling, luma, linear light.

All functions are pure: BGR ``uint8`` arrays in (OpenCV's channel order), numbers or arrays out.
"""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt

# Every analysis that depends on image size (focus, SSIM, lighting) works on a copy this wide, so a
# 720p and a 1080p camera give comparable numbers and a 2.5 s capture stays within ~50 MB of memory.
ANALYSIS_WIDTH_PX = 640

# BT.709 luma weights, applied to the gamma-encoded R'G'B' values a camera delivers.
_BT709_BGR = np.array([0.0722, 0.7152, 0.2126], dtype=np.float32)

FloatImage = npt.NDArray[np.float32]
Frame = npt.NDArray[np.uint8]


def check_frame(frame: np.ndarray) -> Frame:
    """Refuse anything that is not an 8-bit BGR (or grey) picture with a clear programming error."""
    if not isinstance(frame, np.ndarray) or frame.dtype != np.uint8 or frame.ndim not in (2, 3):
        raise ValueError("a frame must be a uint8 ndarray of shape (h, w) or (h, w, 3)")
    if frame.ndim == 3 and frame.shape[2] != 3:
        raise ValueError("a colour frame must have 3 channels (BGR)")
    if frame.shape[0] < 2 or frame.shape[1] < 2:
        raise ValueError("a frame must be at least 2×2 pixels")
    return frame


def downscale_to_width(frame: np.ndarray, width_px: int = ANALYSIS_WIDTH_PX) -> Frame:
    """A copy at most ``width_px`` wide (aspect kept); area averaging keeps the mean luma unbiased."""
    frame = check_frame(frame)
    h, w = frame.shape[:2]
    if w <= width_px:
        return frame.copy()
    new_h = max(1, round(h * width_px / w))
    return np.asarray(cv2.resize(frame, (width_px, new_h), interpolation=cv2.INTER_AREA), dtype=np.uint8)


def to_grey(frame: np.ndarray) -> Frame:
    frame = check_frame(frame)
    if frame.ndim == 2:
        return frame
    return np.asarray(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY), dtype=np.uint8)


def _weighted_sum(image: np.ndarray) -> FloatImage:
    """BT.709-weighted sum of the three channels of a float32 (h, w, 3) image (cv2.transform is ~5× numpy)."""
    return np.asarray(cv2.transform(image, _BT709_BGR.reshape(1, 3)), dtype=np.float32).reshape(
        image.shape[:2]
    )


def luma_bt709(frame: np.ndarray) -> FloatImage:
    """Per-pixel BT.709 luma Y' (0-255) of a BGR frame."""
    frame = check_frame(frame)
    if frame.ndim == 2:
        return frame.astype(np.float32)
    return _weighted_sum(frame.astype(np.float32))


def mean_luma_bt709(frame: np.ndarray) -> float:
    """Mean BT.709 luma; the mean of per-channel means equals the mean of per-pixel luma (it is linear)."""
    frame = check_frame(frame)
    if frame.ndim == 2:
        return float(frame.mean())
    channel_means = np.asarray(cv2.mean(frame)[:3], dtype=np.float32)
    return float(channel_means @ _BT709_BGR)


def srgb_to_linear(values: np.ndarray) -> FloatImage:
    """sRGB/BT.709-style 8-bit code values (0-255) to linear light (0-1).

    Stops and illuminance ratios are ratios of *light*, not of code values; a camera's output is gamma
    encoded, so ratios must be taken after decoding.
    """
    v = np.asarray(values, dtype=np.float32) / 255.0
    return np.where(v <= 0.04045, v / 12.92, ((v + 0.055) / 1.055) ** 2.4).astype(np.float32)


def linear_to_srgb(values: np.ndarray) -> FloatImage:
    """Inverse of :func:`srgb_to_linear`: linear light (0-1) to 8-bit code values (0-255, float)."""
    v = np.clip(np.asarray(values, dtype=np.float32), 0.0, 1.0)
    encoded = np.where(v <= 0.0031308, v * 12.92, 1.055 * v ** (1 / 2.4) - 0.055)
    return (encoded * 255.0).astype(np.float32)


# Decoding 8-bit code values through a table: the power law per pixel costs ten times more.
_LINEAR_LUT = srgb_to_linear(np.arange(256, dtype=np.float32))


def linear_luminance(frame: np.ndarray) -> FloatImage:
    """Per-pixel relative luminance Y (0-1, linear light) of a BGR frame."""
    frame = check_frame(frame)
    linear = np.asarray(cv2.LUT(frame, _LINEAR_LUT), dtype=np.float32)
    if frame.ndim == 2:
        return linear
    return _weighted_sum(linear)


def grid_means(image: np.ndarray, rows: int = 3, cols: int = 3) -> FloatImage:
    """Mean of each cell of a rows×cols grid over a 2-D image (cells split as evenly as pixels allow)."""
    if image.ndim != 2:
        raise ValueError("grid_means needs a 2-D image")
    h, w = image.shape
    ys = np.linspace(0, h, rows + 1).round().astype(int)
    xs = np.linspace(0, w, cols + 1).round().astype(int)
    out = np.empty((rows, cols), dtype=np.float32)
    for r in range(rows):
        for c in range(cols):
            out[r, c] = float(image[ys[r] : ys[r + 1], xs[c] : xs[c + 1]].mean())
    return out
