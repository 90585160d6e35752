"""What a test print sent, on screen: the label's picture, or a text stand-in on paper."""

from __future__ import annotations

from ui.qt import (
    QColor,
    QFont,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QRectF,
    Qt,
    QWidget,
    Signal,
)


class PreviewPane(QWidget):
    """What was printed: the label's image scaled to fit, or a text stand-in on paper."""

    clicked = Signal()  # tapped: the page shows it large

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.text = ""
        self.placeholder = self.tr("Press Test print: what the printer gets is drawn here.")
        self.setMinimumSize(120, 120)

    def show_image(self, image: QImage) -> None:
        self.image, self.text = image, ""
        self.update()

    def show_text(self, text: str) -> None:
        self.image, self.text = None, text
        self.update()

    def clear(self) -> None:
        self.image, self.text = None, ""
        self.update()

    def has_preview(self) -> bool:
        return self.image is not None or bool(self.text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.has_preview():
            self.clicked.emit()
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        area = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        if self.image is not None and not self.image.isNull():
            size = (
                self.image.size().toSizeF().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            )
            target = QRectF(area.topLeft(), size)
            target.moveCenter(area.center())
            painter.drawImage(target, self.image)
            painter.setPen(QColor("#44546a"))
            painter.drawRect(target)
        elif self.text:
            painter.fillRect(area, QColor("white"))
            painter.setPen(QColor("#44546a"))
            painter.drawRect(area)
            font = QFont(self.font())
            font.setPixelSize(max(12, round(self.font().pixelSize() * 0.7)))
            painter.setFont(font)
            painter.setPen(QColor("#111"))
            flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
                Qt.TextFlag.TextWordWrap
            )
            painter.drawText(area.adjusted(10, 8, -10, -8), flags, self.text)
        else:
            painter.setPen(QPen(QColor("#8a96a8"), 2, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(area, 10, 10)
            painter.setPen(QColor("#444"))
            flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
            painter.drawText(area.adjusted(16, 16, -16, -16), flags, self.placeholder)
        painter.end()
