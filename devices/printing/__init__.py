"""Getting bytes to printers and knowing what state they are in.

``transport`` defines the port (``Transport``, ``SendReport``); each concrete transport is its
own module (``tcp``, ``serial_port``, ``usb``, ``folder``, ``print_queue``) and only the
composition root picks one. ``status`` decodes what printers say about themselves. Rendering
documents into printer languages lives elsewhere (``devices.render``).
"""

from devices.printing.status import PrinterLanguage, PrinterState, PrinterStatus
from devices.printing.transport import SendOutcome, SendReport, Transport

__all__ = [
    "PrinterLanguage",
    "PrinterState",
    "PrinterStatus",
    "SendOutcome",
    "SendReport",
    "Transport",
]
