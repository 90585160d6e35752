"""The scale part of the devices screen: the live weight, Zero and Tare, and the port,
protocol and baud rate the station starts its scale with."""

from __future__ import annotations

from app.scale_protocols import Command, CommandReply, Reading, ScaleFrameError, ScaleProtocol
from app.station_devices import ScaleSettings
from devices.serial_scale import SerialScale
from ui.device_tests import ScaleCommands
from ui.qt import (
    QHBoxLayout,
    QLabel,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.touch import (
    ChoiceRow,
    caption,
    line_edit,
    message,
    muted,
    scrolling,
    set_tone,
    touch_button,
)
from ui.translations import kilograms

BAUD_RATES = (2400, 4800, 9600, 19200)


class ScalePage(QWidget):
    changed = Signal()  # a setting was edited

    def __init__(self, scale: SerialScale | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scale = scale
        self._name = "scale"
        self._connected = False
        self._other_baud: int | None = None  # a rate outside BAUD_RATES, set by hand
        self._commands = ScaleCommands(self)
        self._commands.answered.connect(self._answered)
        self.weight = QLabel("–")
        self.weight.setObjectName("bigWeight")
        self.weight.setTextFormat(Qt.TextFormat.PlainText)
        self.stability = message()
        self.port_state = muted(
            self.tr("No scale was started with Tote.") if scale is None else self.tr("Connecting…")
        )
        self.zero_button = touch_button(self.tr("Zero"), lambda: self._send(Command.ZERO))
        self.tare_button = touch_button(self.tr("Tare"), lambda: self._send(Command.TARE))
        self.answer = message()
        self.port = line_edit()
        self.port.setPlaceholderText("/dev/serial/by-id/…")
        self.protocol = ChoiceRow(
            [(ScaleProtocol.SICS, "MT-SICS"), (ScaleProtocol.STREAM, self.tr("Stream (A&&D, CAS)"))]
        )
        self.baud = ChoiceRow([(rate, str(rate)) for rate in BAUD_RATES])

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        left_side = QWidget()
        left = QVBoxLayout(left_side)
        left.setContentsMargins(0, 0, 8, 0)
        left.setSpacing(8)
        left.addWidget(caption(self.tr("Live weight")))
        left.addWidget(self.weight)
        left.addWidget(self.stability, 0, Qt.AlignmentFlag.AlignLeft)
        left.addWidget(self.port_state)
        buttons = QHBoxLayout()
        buttons.addWidget(self.zero_button)
        buttons.addWidget(self.tare_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left.addWidget(self.answer)
        left.addStretch(1)
        layout.addWidget(scrolling(left_side), 4)
        layout.addWidget(scrolling(self._fields()), 5)

        self.port.textEdited.connect(lambda _: self.changed.emit())
        self.protocol.changed.connect(lambda _: self.changed.emit())
        self.baud.changed.connect(lambda _: self.changed.emit())
        self._enable()

    def _fields(self) -> QWidget:
        fields = QWidget()
        column = QVBoxLayout(fields)
        column.setContentsMargins(0, 0, 12, 0)
        column.setSpacing(6)
        for widget in (
            caption(self.tr("Port")),
            self.port,
            muted(self.tr("Leave the port empty when this station has no scale.")),
            caption(self.tr("Protocol")),
            self.protocol,
            caption(self.tr("Baud rate")),
            self.baud,
        ):
            column.addWidget(widget)
        column.addStretch(1)
        return fields

    # -- settings --------------------------------------------------------------------------

    def set_settings(self, settings: ScaleSettings | None) -> None:
        self._name = settings.name if settings else "scale"
        self.port.setText(settings.port if settings else "")
        self.protocol.set_value(
            ScaleProtocol(settings.protocol) if settings else ScaleProtocol.SICS
        )
        baud = settings.baud if settings else 9600
        if baud not in BAUD_RATES:  # a rate set by hand in devices.toml stays as it is
            self.baud.set_value(9600)
            self._other_baud = baud
        else:
            self.baud.set_value(baud)
            self._other_baud = None

    def settings(self) -> ScaleSettings | None:
        port = self.port.text().strip()
        if not port:
            return None
        protocol = self.protocol.value() or ScaleProtocol.SICS
        baud = self.baud.value() or 9600
        if self._other_baud is not None and baud == 9600:
            baud = self._other_baud
        return ScaleSettings(self._name, port, protocol.value, baud)

    # -- the running scale -----------------------------------------------------------------

    def set_reading(self, name: str, reading: Reading, stable: bool) -> None:
        if reading.weight_g is None:
            self.weight.setText(self.tr("Out of range"))
            self.stability.setText("")
            return
        self.weight.setText(self.tr("{kg} kg").format(kg=kilograms(reading.weight_g)))
        self.stability.setText(self.tr("stable") if stable else self.tr("settling…"))
        set_tone(self.stability, "ok" if stable else "warn")

    def set_state(self, name: str, state: str, detail: str) -> None:
        self._connected = state == "connected"
        if self._connected:
            self.port_state.setText(
                self.tr("{name} connected on {port}").format(name=name, port=detail)
            )
        else:
            self.port_state.setText(
                self.tr("{name} not connected: check its cable ({detail})").format(
                    name=name, detail=detail
                )
            )
            self.weight.setText("–")
            self.stability.setText("")
        self._enable()

    def set_garbled(self, name: str, error: ScaleFrameError) -> None:
        self.stability.setText(error.message)
        set_tone(self.stability, "error")

    def _enable(self) -> None:
        for button in (self.zero_button, self.tare_button):
            button.setEnabled(self._scale is not None and self._connected)

    def _send(self, command: Command) -> None:
        if self._scale is None:
            return
        future = self._scale.zero() if command is Command.ZERO else self._scale.tare()
        self.answer.setText(self.tr("Zeroing…") if command is Command.ZERO else self.tr("Taring…"))
        set_tone(self.answer, "")
        self._commands.follow(command, future)

    def _answered(self, reply: CommandReply) -> None:
        if not reply.ok:
            text = self.tr("The scale did not do it: {message}").format(message=reply.message)
        elif reply.command is Command.ZERO:
            text = self.tr("Zero done.")
        elif reply.tare_g is not None:
            text = self.tr("Tare done: {kg} kg taken off.").format(kg=kilograms(reply.tare_g))
        else:
            text = self.tr("Tare done.")
        self.answer.setText(text)
        set_tone(self.answer, "ok" if reply.ok else "error")

    def close_commands(self) -> None:
        self._commands.close()
