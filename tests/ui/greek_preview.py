"""A Greek catalogue for screenshots, until resources/translations has a real one.

Greek runs 20-40 % longer than English; these translations are what a Greek station would
read on the ready and devices screens, so the screenshots show whether the layout holds.
Strings it lacks stay English (as with a half-translated .qm).
"""

from __future__ import annotations

from ui.qt import QTranslator

GREEK = {
    # main window, ready screen, status bar
    "Ready": "Έτοιμο",
    "Scan an order barcode.": "Σαρώστε τον κωδικό μιας παραγγελίας.",
    "Scan an order barcode to start packing": (
        "Σαρώστε τον κωδικό μιας παραγγελίας για να ξεκινήσει η συσκευασία"
    ),
    "or type the order number below and press Enter": (
        "ή πληκτρολογήστε τον αριθμό παραγγελίας και πατήστε Enter"
    ),
    "Type an order number, barcode or SKU": "Αριθμός παραγγελίας, barcode ή SKU",
    "Enter": "Καταχώριση",
    "Devices": "Συσκευές",
    "Station {code}": "Σταθμός {code}",
    "Operator {name}": "Χειριστής {name}",
    "Sync: offline · {n} events waiting": "Συγχρονισμός: εκτός · {n} σε αναμονή",
    "Scanner ready": "Σαρωτής έτοιμος",
    "Printers ready": "Εκτυπωτές έτοιμοι",
    "Scale ready": "Ζυγαριά έτοιμη",
    "Scale {kg} kg, stable": "Ζυγαριά {kg} kg, σταθερό",
    "Scale {kg} kg, settling…": "Ζυγαριά {kg} kg, σταθεροποιείται…",
    "{printer}: {state}": "{printer}: {state}",
    # documents and printer states
    "Packing slip": "Δελτίο συσκευασίας",
    "Shipping label": "Ετικέτα αποστολής",
    "Gift note": "Κάρτα δώρου",
    "Tote label": "Ετικέτα καλαθιού",
    "Location label": "Ετικέτα θέσης",
    "ready": "έτοιμος",
    "busy": "απασχολημένος",
    "offline, check power and cable": "εκτός σύνδεσης, ελέγξτε ρεύμα και καλώδιο",
    "paper out": "τέλος χαρτιού",
    "paper low": "λίγο χαρτί",
    "cover open": "ανοιχτό καπάκι",
    "not answering": "δεν απαντά",
    # devices screen
    "Station devices": "Συσκευές σταθμού",
    "Changes are used from the next start of Tote.": (
        "Οι αλλαγές ισχύουν από την επόμενη εκκίνηση του Tote."
    ),
    "Not saved yet": "Δεν αποθηκεύτηκε ακόμη",
    "Press Save. Tote uses the new settings from its next start.": (
        "Πατήστε Αποθήκευση. Οι νέες ρυθμίσεις ισχύουν από την επόμενη εκκίνηση."
    ),
    "Press Save, or press Leave without saving.": ("Πατήστε Αποθήκευση ή Έξοδος χωρίς αποθήκευση."),
    "Saved": "Αποθηκεύτηκε",
    "Restart Tote to use the new settings: it reads them only at start.": (
        "Επανεκκινήστε το Tote για τις νέες ρυθμίσεις: τις διαβάζει μόνο στην εκκίνηση."
    ),
    "Printers": "Εκτυπωτές",
    "Scanners": "Σαρωτές",
    "Scale": "Ζυγαριά",
    "Save": "Αποθήκευση",
    "Back": "Πίσω",
    "Leave without saving": "Έξοδος χωρίς αποθήκευση",
    "Test print": "Δοκιμαστική εκτύπωση",
    "Edit": "Αλλαγή",
    "Remove": "Αφαίρεση",
    "Add printer": "Προσθήκη εκτυπωτή",
    "Test print preview": "Προεπισκόπηση δοκιμής",
    "Press Test print: what the printer gets is drawn here.": (
        "Πατήστε Δοκιμαστική εκτύπωση: εδώ φαίνεται τι στάλθηκε στον εκτυπωτή."
    ),
    "Test print: {document}": "Δοκιμή: {document}",
    "Close": "Κλείσιμο",
    "{kg} kg": "{kg} kg",
    "{name} connected on {port}": "{name}: συνδεδεμένη στη {port}",
    "{gap} ms chosen. Press Save to keep it.": (
        "Επιλέχθηκαν {gap} ms. Πατήστε Αποθήκευση για να κρατηθούν."
    ),
    "Not sent: this printer cannot draw a {document} ({why}).": (
        "Δεν στάλθηκε: ο εκτυπωτής δεν μπορεί να τυπώσει {document} ({why})."
    ),
    "Uncertain: {why}. Part of it may have reached {printer}: look at the printer.": (
        "Αβέβαιο: {why}. Ίσως έφτασε ένα μέρος στον {printer}: κοιτάξτε τον εκτυπωτή."
    ),
    "Printing a test {document} on {printer}…": "Δοκιμή {document} στον {printer}…",
    "not checked yet": "δεν ελέγχθηκε ακόμη",
    "Prints: {documents}": "Τυπώνει: {documents}",
    "what no other printer takes": "ό,τι δεν τυπώνει άλλος εκτυπωτής",
    "Delivered to {printer} ({where}).": "Στάλθηκε στον {printer} ({where}).",
    "Not sent: {why}. Nothing reached {printer}.": (
        "Δεν στάλθηκε: {why}. Τίποτα δεν έφτασε στον {printer}."
    ),
    "New printer": "Νέος εκτυπωτής",
    "Printer {name}": "Εκτυπωτής {name}",
    "Name": "Όνομα",
    "Language": "Γλώσσα",
    "Connection": "Σύνδεση",
    "Address": "Διεύθυνση",
    "Resolution": "Ανάλυση",
    "Paper width": "Πλάτος χαρτιού",
    "Documents it prints": "Έγγραφα που τυπώνει",
    "None ticked: it prints what no other printer takes.": (
        "Χωρίς επιλογή: τυπώνει ό,τι δεν τυπώνει άλλος εκτυπωτής."
    ),
    "Network": "Δίκτυο",
    "Serial": "Σειριακή",
    "Folder": "Φάκελος",
    "Print queue": "Ουρά εκτύπωσης",
    "Host and port, e.g. 192.168.1.50:9100": "Διακομιστής και θύρα, π.χ. 192.168.1.50:9100",
    "OK": "OK",
    "Cancel": "Άκυρο",
    "Not kept: {problem}": "Δεν κρατήθηκε: {problem}",
    "Test scan": "Δοκιμαστική σάρωση",
    "Scan any barcode: it is shown here, nothing is packed.": (
        "Σαρώστε οποιοδήποτε barcode: εμφανίζεται εδώ, τίποτα δεν συσκευάζεται."
    ),
    "Kind": "Είδος",
    "Read as": "Διαβάστηκε",
    "From": "Από",
    "Lot": "Παρτίδα",
    "Expiry": "Λήξη",
    "Product (GTIN)": "Προϊόν (GTIN)",
    "Serial scanners": "Σειριακοί σαρωτές",
    "{name} on {port}: {state}": "{name} στη {port}: {state}",
    "connected": "συνδεδεμένος",
    "not connected: check its cable": "αποσυνδεδεμένος: ελέγξτε το καλώδιο",
    "Keyboard scanner": "Σαρωτής πληκτρολογίου",
    "Keys of one scan come at most {gap} ms apart.": (
        "Τα πλήκτρα μιας σάρωσης απέχουν το πολύ {gap} ms."
    ),
    "From the next start: {gap} ms.": "Από την επόμενη εκκίνηση: {gap} ms.",
    "Calibrate keyboard scanner": "Βαθμονόμηση σαρωτή πληκτρολογίου",
    "Start again": "Από την αρχή",
    "Scan any barcode {n} times or more. Scans so far: {count}.": (
        "Σαρώστε ένα barcode {n} φορές ή περισσότερες. Σαρώσεις ως τώρα: {count}."
    ),
    "Recommended: {gap} ms (keys came up to {slowest} ms apart in {count} scans). "
    "Scan more to check it, or use it.": (
        "Προτείνεται: {gap} ms (τα πλήκτρα απείχαν έως {slowest} ms σε {count} σαρώσεις)."
        " Σαρώστε ξανά για έλεγχο ή χρησιμοποιήστε το."
    ),
    "Use {gap} ms": "Χρήση {gap} ms",
    "Live weight": "Βάρος τώρα",
    "stable": "σταθερό",
    "settling…": "σταθεροποιείται…",
    "Scale {name} connected on {port}": "Ζυγαριά {name} συνδεδεμένη στη {port}",
    "Zero": "Μηδενισμός",
    "Tare": "Απόβαρο",
    "Zero done.": "Έγινε μηδενισμός.",
    "Tare done: {kg} kg taken off.": "Έγινε απόβαρο: αφαιρέθηκαν {kg} kg.",
    "Port": "Θύρα",
    "Leave the port empty when this station has no scale.": (
        "Αφήστε τη θύρα κενή αν ο σταθμός δεν έχει ζυγαριά."
    ),
    "Protocol": "Πρωτόκολλο",
    "Stream (A&&D, CAS)": "Συνεχής ροή (A&&D, CAS)",
    "Baud rate": "Ταχύτητα (baud)",
}
# Where one English word needs two Greek ones, the context (the class) decides.
IN_CONTEXT = {("ScannersPage", "Serial"): "Σειριακός αρ."}


class GreekPreview(QTranslator):
    """Answers every context from GREEK; None (not "", which would blank the text) leaves
    the English."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return IN_CONTEXT.get((context, source)) or GREEK.get(source)

    def isEmpty(self) -> bool:
        return False
