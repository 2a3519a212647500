"""The device check panel's widgets (assembled by :mod:`studio_app.ui.check_panel`)."""
