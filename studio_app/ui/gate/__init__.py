"""The pre-show gate (开播前检查单) on screen: the dialog, the template editor and what opens them."""
