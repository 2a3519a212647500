"""The operator's live room during a show: live numbers and the rules on them, the question queue, flash-sale
stock and the mid-show rundown order. Qt-free; the panel is :mod:`studio_app.ui.liveroom`."""
