"""The prompter's own top-level window: full screen on a chosen display, apart from the operator's panel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QHideEvent, QScreen, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from studio_app.ui.prompter.controller import OnAirController
from studio_app.ui.prompter.key_router import PrompterKeyRouter
from studio_app.ui.prompter.keys import KeyMap
from studio_app.ui.prompter.view import PrompterStyle, PrompterView


class PrompterWindow(QWidget):
    closed = Signal()

    def __init__(
        self,
        controller: OnAirController,
        keymap: KeyMap | None = None,
        style: PrompterStyle | None = None,
        parent: QWidget | None = None,
    ) -> None:
        # A separate top-level window even when given a parent, so it can live on another screen.
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Prompter"))
        self.setObjectName("prompterWindow")
        self.setStyleSheet("#prompterWindow { background: black; }")
        self.view = PrompterView(controller, keymap=keymap, style=style, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setFocusProxy(self.view)
        # While the prompter is up, its keys work from every window of the app, not only this one.
        self.key_router = PrompterKeyRouter(controller, self.view.keymap, parent=self)

    def show_on(self, screen: QScreen | None, full_screen: bool = True) -> None:
        """Show on ``screen`` (the host's monitor or the teleprompter glass); the primary one by default."""
        target = screen or QGuiApplication.primaryScreen()
        if target is not None:
            self.setScreen(target)
            self.setGeometry(target.availableGeometry())
        if full_screen:
            self.showFullScreen()
        else:
            self.show()
        self.raise_()
        self.activateWindow()
        self.view.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.key_router.install()

    def hideEvent(self, event: QHideEvent) -> None:
        self.key_router.remove()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the prompter never ends the show; the operator reopens it from the panel.
        event.accept()
        self.closed.emit()
