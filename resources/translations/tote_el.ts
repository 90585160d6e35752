<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="el_GR">
<context>
    <name>BoxActions</name>
    <message>
        <location filename="../../ui/screens/box_actions.py" line="36"/>
        <source>Close this box now</source>
        <translation>Κλείσιμο αυτού του κουτιού</translation>
    </message>
    <message>
        <location filename="../../ui/screens/box_actions.py" line="37"/>
        <source>A unit is damaged</source>
        <translation>Ένα τεμάχιο είναι χαλασμένο</translation>
    </message>
    <message>
        <location filename="../../ui/screens/box_actions.py" line="38"/>
        <source>Missing item</source>
        <translation>Λείπει είδος</translation>
    </message>
    <message>
        <location filename="../../ui/screens/box_actions.py" line="49"/>
        <source>Box OK</source>
        <translation>Κουτί OK</translation>
    </message>
    <message>
        <location filename="../../ui/screens/box_actions.py" line="51"/>
        <location filename="../../ui/screens/box_actions.py" line="93"/>
        <source>More actions</source>
        <translation>Περισσότερα</translation>
    </message>
    <message>
        <location filename="../../ui/screens/box_actions.py" line="93"/>
        <source>Back to the box</source>
        <translation>Πίσω στο κουτί</translation>
    </message>
</context>
<context>
    <name>BoxPicture</name>
    <message>
        <location filename="../../ui/box_picture.py" line="154"/>
        <source>No box to suggest</source>
        <translation>Δεν υπάρχει κουτί για πρόταση</translation>
    </message>
    <message>
        <location filename="../../ui/box_picture.py" line="191"/>
        <source>box {number} of {total}</source>
        <translation>κουτί {number} από {total}</translation>
    </message>
    <message>
        <location filename="../../ui/box_picture.py" line="195"/>
        <source>{total} boxes for this order</source>
        <translation>{total} κουτιά για την παραγγελία</translation>
    </message>
    <message>
        <location filename="../../ui/box_picture.py" line="197"/>
        <source>{percent}% full</source>
        <translation>γεμάτο {percent}%</translation>
    </message>
    <message>
        <location filename="../../ui/box_picture.py" line="224"/>
        <source>{box} (1 unit)</source>
        <translation>{box} (1 τεμάχιο)</translation>
    </message>
    <message>
        <location filename="../../ui/box_picture.py" line="226"/>
        <source>{box} ({units} units)</source>
        <translation>{box} ({units} τεμάχια)</translation>
    </message>
    <message>
        <location filename="../../ui/box_picture.py" line="230"/>
        <source>then {boxes}</source>
        <translation>μετά {boxes}</translation>
    </message>
    <message>
        <location filename="../../ui/box_picture.py" line="209"/>
        <source>fragile</source>
        <translation>εύθραυστο</translation>
    </message>
    <message>
        <location filename="../../ui/box_picture.py" line="252"/>
        <source>Layer {number}</source>
        <translation>Στρώση {number}</translation>
    </message>
    <message>
        <location filename="../../ui/box_picture.py" line="253"/>
        <source>{low}–{high} mm</source>
        <translation>{low}–{high} mm</translation>
    </message>
    <message>
        <location filename="../../ui/box_picture.py" line="329"/>
        <source>+{count} more layers</source>
        <translation>+{count} ακόμη στρώσεις</translation>
    </message>
</context>
<context>
    <name>DeviceLinks</name>
    <message>
        <location filename="../../ui/device_links.py" line="165"/>
        <source>no reading for {s} s</source>
        <translation>καμία ένδειξη για {s} s</translation>
    </message>
</context>
<context>
    <name>DevicePreview</name>
    <message>
        <location filename="../../ui/device_tests.py" line="188"/>
        <source>Packing slip {order}</source>
        <translation>Δελτίο συσκευασίας {order}</translation>
    </message>
    <message>
        <location filename="../../ui/device_tests.py" line="198"/>
        <source>Total {amount}</source>
        <translation>Σύνολο {amount}</translation>
    </message>
</context>
<context>
    <name>DevicesScreen</name>
    <message>
        <location filename="../../ui/screens/devices.py" line="82"/>
        <source>Printers</source>
        <translation>Εκτυπωτές</translation>
    </message>
    <message>
        <location filename="../../ui/screens/devices.py" line="83"/>
        <source>Scanners</source>
        <translation>Σαρωτές</translation>
    </message>
    <message>
        <location filename="../../ui/screens/devices.py" line="84"/>
        <source>Scale</source>
        <translation>Ζυγαριά</translation>
    </message>
    <message>
        <location filename="../../ui/screens/devices.py" line="87"/>
        <source>Save</source>
        <translation>Αποθήκευση</translation>
    </message>
    <message>
        <location filename="../../ui/screens/devices.py" line="88"/>
        <location filename="../../ui/screens/devices.py" line="201"/>
        <source>Back</source>
        <translation>Πίσω</translation>
    </message>
    <message>
        <location filename="../../ui/screens/devices.py" line="209"/>
        <source>This station has no devices file</source>
        <translation>Ο σταθμός δεν έχει αρχείο συσκευών</translation>
    </message>
    <message>
        <location filename="../../ui/screens/devices.py" line="210"/>
        <source>Nothing can be saved here.</source>
        <translation>Εδώ δεν αποθηκεύεται τίποτα.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/devices.py" line="215"/>
        <location filename="../../ui/screens/devices.py" line="271"/>
        <source>Not saved yet</source>
        <translation>Δεν αποθηκεύτηκε ακόμη</translation>
    </message>
    <message>
        <location filename="../../ui/screens/devices.py" line="216"/>
        <source>Press Save. Tote uses the new settings from its next start.</source>
        <translation>Πατήστε Αποθήκευση. Οι νέες ρυθμίσεις ισχύουν από την επόμενη εκκίνηση.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/devices.py" line="221"/>
        <source>Station devices</source>
        <translation>Συσκευές σταθμού</translation>
    </message>
    <message>
        <location filename="../../ui/screens/devices.py" line="222"/>
        <source>Changes are used from the next start of Tote.</source>
        <translation>Οι αλλαγές ισχύουν από την επόμενη εκκίνηση του Tote.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/devices.py" line="242"/>
        <source>Not saved: {problem}</source>
        <translation>Δεν αποθηκεύτηκε: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/devices.py" line="243"/>
        <source>Fix it and press Save again. The file was not changed.</source>
        <translation>Διορθώστε το και πατήστε ξανά Αποθήκευση. Το αρχείο δεν άλλαξε.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/devices.py" line="250"/>
        <source>Not saved: {path} could not be written ({error})</source>
        <translation>Δεν αποθηκεύτηκε: αδύνατη η εγγραφή στο {path} ({error})</translation>
    </message>
    <message>
        <location filename="../../ui/screens/devices.py" line="253"/>
        <source>The file was not changed. Call IT if this repeats.</source>
        <translation>Το αρχείο δεν άλλαξε. Αν επαναληφθεί, καλέστε το IT.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/devices.py" line="260"/>
        <source>Saved</source>
        <translation>Αποθηκεύτηκε</translation>
    </message>
    <message>
        <location filename="../../ui/screens/devices.py" line="261"/>
        <source>Restart Tote to use the new settings: it reads them only at start.</source>
        <translation>Επανεκκινήστε το Tote για τις νέες ρυθμίσεις: τις διαβάζει μόνο στην εκκίνηση.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/devices.py" line="268"/>
        <source>Leave without saving</source>
        <translation>Έξοδος χωρίς αποθήκευση</translation>
    </message>
    <message>
        <location filename="../../ui/screens/devices.py" line="272"/>
        <source>Press Save, or press Leave without saving.</source>
        <translation>Πατήστε Αποθήκευση ή Έξοδος χωρίς αποθήκευση.</translation>
    </message>
</context>
<context>
    <name>LabelImage</name>
    <message>
        <location filename="../../ui/label_image.py" line="136"/>
        <source>TOTE</source>
        <translation>ΚΑΛΑΘΙ</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="140"/>
        <source>ZONE %1 · AISLE %2 · BAY %3 · LEVEL %4 · POS %5</source>
        <translation>ΖΩΝΗ %1 · ΔΙΑΔΡ. %2 · ΡΑΦΙ %3 · ΕΠΙΠ. %4 · ΘΕΣΗ %5</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="147"/>
        <source>LOCATION</source>
        <translation>ΘΕΣΗ</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="167"/>
        <source>Label for order %1</source>
        <translation>Ετικέτα παραγγελίας %1</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="169"/>
        <source>Tote label %1</source>
        <translation>Ετικέτα καλαθιού %1</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="171"/>
        <source>Location label %1</source>
        <translation>Ετικέτα θέσης %1</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="176"/>
        <source>GIFT</source>
        <translation>ΔΩΡΟ</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="178"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="180"/>
        <source>REPLACEMENT</source>
        <translation>ΑΝΤΙΚΑΤΑΣΤΑΣΗ</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="206"/>
        <source>FROM</source>
        <translation>ΑΠΟ</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="212"/>
        <source>PKG %1 OF %2</source>
        <translation>ΔΕΜΑ %1 ΑΠΟ %2</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="217"/>
        <source>SHIP TO</source>
        <translation>ΠΑΡΑΛΗΠΤΗΣ</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="221"/>
        <location filename="../../ui/label_image.py" line="280"/>
        <source>ORDER %1</source>
        <translation>ΠΑΡΑΓΓΕΛΙΑ %1</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="223"/>
        <source>WEIGHT %1 kg</source>
        <translation>ΒΑΡΟΣ %1 kg</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="226"/>
        <source>DIMS %1 x %2 x %3 cm</source>
        <translation>ΔΙΑΣΤ. %1 x %2 x %3 cm</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="228"/>
        <source>SHIP BY %1</source>
        <translation>ΑΠΟΣΤΟΛΗ ΕΩΣ %1</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="233"/>
        <source>SPECIAL</source>
        <translation>ΕΙΔΙΚΗ</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="240"/>
        <location filename="../../ui/label_image.py" line="285"/>
        <source>REPRINT %1</source>
        <translation>ΑΝΑΤΥΠΩΣΗ %1</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="244"/>
        <source>%1 TRACKING</source>
        <translation>ΑΡ. ΑΠΟΣΤΟΛΗΣ %1</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="251"/>
        <source>NO TRACKING NUMBER</source>
        <translation>ΧΩΡΙΣ ΑΡ. ΑΠΟΣΤΟΛΗΣ</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="254"/>
        <source>SSCC</source>
        <translation>SSCC</translation>
    </message>
    <message>
        <location filename="../../ui/label_image.py" line="264"/>
        <source>A GIFT FOR</source>
        <translation>ΔΩΡΟ ΓΙΑ</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="66"/>
        <source>Tote — packing</source>
        <translation>Tote — συσκευασία</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>Type an order number, barcode or SKU</source>
        <translation>Αριθμός παραγγελίας, barcode ή SKU</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>Enter</source>
        <translation>Καταχώριση</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>Put order aside</source>
        <translation>Θέση σε αναμονή</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>Retry printing</source>
        <translation>Επανάληψη εκτύπωσης</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210"/>
        <source>The station&apos;s store cannot be read ({error})</source>
        <translation>Η βάση δεδομένων του σταθμού δεν διαβάζεται ({error})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>Call a supervisor. Do not pack until this is fixed.</source>
        <translation>Καλέστε τον υπεύθυνο. Μη συσκευάζετε μέχρι να διορθωθεί.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240"/>
        <source>Back on order {order}: {packed} of {total} units packed</source>
        <translation>Ξανά στην παραγγελία {order}: {packed} από {total} τεμάχια συσκευασμένα</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <source>Scan the next item.</source>
        <translation>Σαρώστε το επόμενο είδος.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <source>Ready</source>
        <translation>Έτοιμο</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <source>Scan an order barcode.</source>
        <translation>Σαρώστε τον κωδικό μιας παραγγελίας.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="304"/>
        <source>The scan could not be saved ({error})</source>
        <translation>Η σάρωση δεν αποθηκεύτηκε ({error})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="305"/>
        <source>Scan the item again. If this repeats, call a supervisor.</source>
        <translation>Σαρώστε ξανά το είδος. Αν επαναληφθεί, καλέστε τον υπεύθυνο.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="339"/>
        <source>Printing…</source>
        <translation>Εκτύπωση…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="357"/>
        <source>The weight could not be saved ({error})</source>
        <translation>Το βάρος δεν αποθηκεύτηκε ({error})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="358"/>
        <source>Lift the box and put it on the scale again.</source>
        <translation>Σηκώστε το κουτί και βάλτε το ξανά στη ζυγαριά.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="378"/>
        <source>Scan too long, ignored</source>
        <translation>Πολύ μεγάλη σάρωση, αγνοήθηκε</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="380"/>
        <source>Scan with a control key, ignored</source>
        <translation>Σάρωση με πλήκτρο ελέγχου, αγνοήθηκε</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="381"/>
        <source>Scan the barcode again.</source>
        <translation>Σαρώστε ξανά το barcode.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="390"/>
        <source>The order could not be put aside ({error})</source>
        <translation>Η παραγγελία δεν μπήκε σε αναμονή ({error})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="393"/>
        <source>Try again. If this repeats, call a supervisor.</source>
        <translation>Δοκιμάστε ξανά. Αν επαναληφθεί, καλέστε τον υπεύθυνο.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="431"/>
        <source>Events the office refused</source>
        <translation>Συμβάντα που απέρριψε το γραφείο</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="432"/>
        <source>Show them to a supervisor; packing goes on.</source>
        <translation>Δείξτε τα σε έναν επόπτη· η συσκευασία συνεχίζεται.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="442"/>
        <source>Back to packing</source>
        <translation>Πίσω στη συσκευασία</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="24"/>
        <source>Empty scan</source>
        <translation>Κενή σάρωση</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="24"/>
        <source>Scan the barcode again.</source>
        <translation>Σαρώστε ξανά το barcode.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="29"/>
        <source>Barcode {code} misread (check digit wrong)</source>
        <translation>Λάθος ανάγνωση barcode {code} (λάθος ψηφίο ελέγχου)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32"/>
        <source>Scan it again, holding the scanner steady. If it repeats, type the SKU.</source>
        <translation>Σαρώστε ξανά με σταθερό τον σαρωτή. Αν επαναληφθεί, πληκτρολογήστε το SKU.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="39"/>
        <source>GS1 barcode unreadable: {problem}</source>
        <translation>Μη αναγνώσιμο barcode GS1: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="42"/>
        <source>Scan it again; if it repeats, type the SKU.</source>
        <translation>Σαρώστε ξανά. Αν επαναληφθεί, πληκτρολογήστε το SKU.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="46"/>
        <source>Carton label {code}, not an item</source>
        <translation>Ετικέτα κιβωτίου {code}, όχι είδος</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="47"/>
        <source>Scan the barcode on the item itself.</source>
        <translation>Σαρώστε το barcode πάνω στο ίδιο το είδος.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="51"/>
        <source>Unknown barcode {code}</source>
        <translation>Άγνωστο barcode {code}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="52"/>
        <source>This is not an item of this order. Put it aside and scan the item again.</source>
        <translation>Δεν είναι είδος της παραγγελίας. Βάλτε το στην άκρη και σαρώστε ξανά.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="59"/>
        <source>No order {code}</source>
        <translation>Δεν υπάρχει παραγγελία {code}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="60"/>
        <source>Check the order number on the pick list and scan or type it again.</source>
        <translation>Ελέγξτε τον αριθμό στη λίστα συλλογής και σαρώστε ή πληκτρολογήστε τον ξανά.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>Order {order} is already packed</source>
        <translation>Η παραγγελία {order} έχει ήδη συσκευαστεί</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="69"/>
        <source>Do not pack it twice. Give the items to a supervisor.</source>
        <translation>Μην τη συσκευάσετε δεύτερη φορά. Δώστε τα είδη στον υπεύθυνο.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="73"/>
        <source>Order {order} was cancelled</source>
        <translation>Η παραγγελία {order} ακυρώθηκε</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="76"/>
        <source>Do not pack it. Return the items to their locations.</source>
        <translation>Μην τη συσκευάσετε. Επιστρέψτε τα είδη στις θέσεις τους.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="80"/>
        <source>No order open for item {code}</source>
        <translation>Καμία ανοιχτή παραγγελία για το είδος {code}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="81"/>
        <source>Scan the order barcode first, then the items.</source>
        <translation>Σαρώστε πρώτα τον κωδικό της παραγγελίας και μετά τα είδη.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="85"/>
        <location filename="../../ui/messages.py" line="138"/>
        <source>Order {order} is still open</source>
        <translation>Η παραγγελία {order} είναι ακόμη ανοιχτή</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="88"/>
        <source>Finish it, or press “Put order aside” before opening {other}.</source>
        <translation>Ολοκληρώστε την ή πατήστε «Θέση σε αναμονή» πριν ανοίξετε την {other}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="94"/>
        <source>Wrong item: {name}</source>
        <translation>Λάθος είδος: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="95"/>
        <source>It is not in this order. Put it aside and scan an item from the list.</source>
        <translation>Δεν ανήκει στην παραγγελία. Βάλτε το στην άκρη και σαρώστε είδος της λίστας.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="102"/>
        <source>Too many: {name}</source>
        <translation>Περίσσιο τεμάχιο: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="103"/>
        <source>All {ordered} are already packed. Take this one out of the box.</source>
        <translation>Και τα {ordered} έχουν ήδη συσκευαστεί. Βγάλτε αυτό από το κουτί.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="109"/>
        <source>No order open to put aside</source>
        <translation>Καμία ανοιχτή παραγγελία για αναμονή</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="110"/>
        <source>Scan an order barcode to start packing.</source>
        <translation>Σαρώστε τον κωδικό μιας παραγγελίας για να ξεκινήσει η συσκευασία.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="114"/>
        <source>Nothing to reprint yet</source>
        <translation>Τίποτα για επανεκτύπωση ακόμη</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="115"/>
        <source>This station has not packed an order yet.</source>
        <translation>Ο σταθμός δεν έχει συσκευάσει ακόμη καμία παραγγελία.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="119"/>
        <source>Unknown command barcode {code}</source>
        <translation>Άγνωστο barcode εντολής {code}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="120"/>
        <source>Use the command sheet of this Tote version.</source>
        <translation>Χρησιμοποιήστε το φύλλο εντολών αυτής της έκδοσης του Tote.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123"/>
        <source>{kind} barcode {code} is not used at packing</source>
        <translation>Το barcode {code} ({kind}) δεν χρησιμοποιείται στη συσκευασία</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="127"/>
        <source>Scan the order or its items.</source>
        <translation>Σαρώστε την παραγγελία ή τα είδη της.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="131"/>
        <source>Badge {code} is not known at this station</source>
        <translation>Η κάρτα {code} δεν είναι γνωστή σε αυτόν τον σταθμό</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="134"/>
        <source>Scan your own badge, or ask a supervisor to add it.</source>
        <translation>Σαρώστε τη δική σας κάρτα ή ζητήστε από τον υπεύθυνο να την προσθέσει.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="141"/>
        <source>Finish it or put it aside, then scan the badge again.</source>
        <translation>Ολοκληρώστε την ή βάλτε τη σε αναμονή και σαρώστε ξανά την κάρτα.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="145"/>
        <source>Case of {units} is more than the {remaining} still needed</source>
        <translation>Το κιβώτιο των {units} ξεπερνά τα {remaining} που λείπουν</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="148"/>
        <source>Open the case and scan the single items.</source>
        <translation>Ανοίξτε το κιβώτιο και σαρώστε τα τεμάχια ένα ένα.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="152"/>
        <source>Order {order} was cancelled at the office</source>
        <translation>Η παραγγελία {order} ακυρώθηκε από το γραφείο</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="155"/>
        <location filename="../../ui/messages.py" line="187"/>
        <source>Stop and put the {units} scanned items back, then put the order aside.</source>
        <translation>Σταματήστε, επιστρέψτε τα {units} σαρωμένα είδη και βάλτε την παραγγελία στην άκρη.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="162"/>
        <source>Order {order} was put on hold at the office</source>
        <translation>Η παραγγελία {order} τέθηκε σε αναμονή από το γραφείο</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="165"/>
        <source>Stop and put the order aside with its {units} scanned items until the office releases it.</source>
        <translation>Σταματήστε και βάλτε την παραγγελία στην άκρη με τα {units} σαρωμένα είδη της, μέχρι να την αποδεσμεύσει το γραφείο.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="173"/>
        <source>Order {order} was changed at the office</source>
        <translation>Η παραγγελία {order} άλλαξε από το γραφείο</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="176"/>
        <source>Stop and put the {units} scanned items back, put the order aside, then scan it again to pack it as it is now.</source>
        <translation>Σταματήστε, επιστρέψτε τα {units} σαρωμένα είδη, βάλτε την παραγγελία στην άκρη και σαρώστε την ξανά για να τη συσκευάσετε όπως είναι τώρα.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="184"/>
        <source>Order {order} was packed at another station</source>
        <translation>Η παραγγελία {order} συσκευάστηκε σε άλλο σταθμό</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="194"/>
        <source>Order {order} is still being picked ({runs})</source>
        <translation>Η παραγγελία {order} είναι ακόμη σε συλλογή ({runs})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="197"/>
        <source>Pack it when its picks have arrived. Scan another order.</source>
        <translation>Συσκευάστε την όταν φτάσουν τα είδη της. Σαρώστε άλλη παραγγελία.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="202"/>
        <source>Order {order} is on hold at the office: {why}</source>
        <translation>Η παραγγελία {order} είναι σε αναμονή στο γραφείο: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="204"/>
        <source>Order {order} is on hold at the office</source>
        <translation>Η παραγγελία {order} είναι σε αναμονή στο γραφείο</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="208"/>
        <source>Do not pack it now. Scan another order.</source>
        <translation>Μην τη συσκευάσετε τώρα. Σαρώστε άλλη παραγγελία.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="212"/>
        <source>Order {order} is not reserved for this station</source>
        <translation>Η παραγγελία {order} δεν έχει δεσμευτεί για αυτόν τον σταθμό</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="215"/>
        <source>Tote asks the office for it; scan it again if it does not open by itself.</source>
        <translation>Το Tote τη ζητά από το γραφείο· σαρώστε την ξανά αν δεν ανοίξει μόνη της.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="235"/>
        <source>GIFT</source>
        <translation>ΔΩΡΟ</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="236"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="237"/>
        <source>REPLACEMENT</source>
        <translation>ΑΝΤΙΚΑΤΑΣΤΑΣΗ</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="260"/>
        <source>Reprinting the packing slip of {order}</source>
        <translation>Επανεκτύπωση δελτίου συσκευασίας της {order}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="263"/>
        <source>Continue packing.</source>
        <translation>Συνεχίστε τη συσκευασία.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="269"/>
        <source>Hello {name}: you are signed in</source>
        <translation>Γεια σας {name}: συνδεθήκατε</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="272"/>
        <source>Scan an order barcode.</source>
        <translation>Σαρώστε τον κωδικό μιας παραγγελίας.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="283"/>
        <source>✔ {name}  ({packed} of {ordered})</source>
        <translation>✔ {name}  ({packed} από {ordered})</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="155"/>
        <source>Order {order} packed: it ships in {boxes} boxes</source>
        <translation>Η παραγγελία {order} συσκευάστηκε: αποστέλλεται σε {boxes} κουτιά</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="153"/>
        <source>Order {order} packed: it ships in 1 box</source>
        <translation>Η παραγγελία {order} συσκευάστηκε: αποστέλλεται σε 1 κουτί</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="164"/>
        <source>A new label prints for box {box}: stick it over the old one, then scan the next order.</source>
        <translation>Τυπώνεται νέα ετικέτα για το κουτί {box}: κολλήστε την πάνω στην παλιά και σαρώστε την επόμενη παραγγελία.</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="169"/>
        <source>New labels print for boxes {boxes}: stick each over the old one, then scan the next order.</source>
        <translation>Τυπώνονται νέες ετικέτες για τα κουτιά {boxes}: κολλήστε την καθεμία πάνω στην παλιά και σαρώστε την επόμενη παραγγελία.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="334"/>
        <source>1 unit to go</source>
        <translation>Απομένει 1 τεμάχιο</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="335"/>
        <source>{left} units to go</source>
        <translation>Απομένουν {left} τεμάχια</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="292"/>
        <source>Order {order} put aside with its scans</source>
        <translation>Η παραγγελία {order} σε αναμονή με τις σαρώσεις της</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="295"/>
        <source>Scan it again to continue, or scan another order.</source>
        <translation>Σαρώστε την ξανά για να συνεχίσετε ή σαρώστε άλλη παραγγελία.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="301"/>
        <source>Order {order} packed</source>
        <translation>Η παραγγελία {order} συσκευάστηκε</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="302"/>
        <source>Printing its documents… Scan the next order.</source>
        <translation>Εκτύπωση εγγράφων… Σαρώστε την επόμενη παραγγελία.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="307"/>
        <source>Order {order}: scan every item</source>
        <translation>Παραγγελία {order}: σαρώστε κάθε είδος</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="308"/>
        <source>{packed} of {total} units packed</source>
        <translation>{packed} από {total} τεμάχια συσκευασμένα</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="318"/>
        <source>Scanner {name} sent a scan without an end</source>
        <translation>Ο σαρωτής {name} έστειλε σάρωση χωρίς τέλος</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="319"/>
        <source>Scanner {name} sent unreadable bytes</source>
        <translation>Ο σαρωτής {name} έστειλε μη αναγνώσιμα bytes</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="320"/>
        <source>Scanner {name} sent control characters</source>
        <translation>Ο σαρωτής {name} έστειλε χαρακτήρες ελέγχου</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="321"/>
        <source>Scanner {name} sent half a scan</source>
        <translation>Ο σαρωτής {name} έστειλε μισή σάρωση</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="323"/>
        <source>Scanner {name} sent no valid scan</source>
        <translation>Ο σαρωτής {name} δεν έστειλε έγκυρη σάρωση</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="326"/>
        <source>Nothing was recorded. Scan again; if it repeats, check the cable.</source>
        <translation>Δεν καταγράφηκε τίποτα. Σαρώστε ξανά. Αν επαναληφθεί, ελέγξτε το καλώδιο.</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="47"/>
        <source>Box {package} closed; its label prints</source>
        <translation>Το κουτί {package} έκλεισε· τυπώνεται η ετικέτα του</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="48"/>
        <source>Box {package} open again: take its label off</source>
        <translation>Το κουτί {package} άνοιξε ξανά: βγάλτε την ετικέτα του</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="51"/>
        <source>One unit taken out of the box</source>
        <translation>Ένα τεμάχιο βγήκε από το κουτί</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="52"/>
        <source>The missing units ship short</source>
        <translation>Τα τεμάχια που λείπουν δεν θα αποσταλούν</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="53"/>
        <source>Damaged unit recorded: put it in the damaged bin</source>
        <translation>Το χαλασμένο τεμάχιο καταγράφηκε: βάλτε το στον κάδο χαλασμένων</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="56"/>
        <source>Box noted</source>
        <translation>Το κουτί καταγράφηκε</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="60"/>
        <source>Done</source>
        <translation>Έγινε</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="61"/>
        <location filename="../../ui/pack_messages.py" line="109"/>
        <source>Scan the next item.</source>
        <translation>Σαρώστε το επόμενο είδος.</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="75"/>
        <source>No box type {code} at this station</source>
        <translation>Δεν υπάρχει κουτί {code} σε αυτόν τον σταθμό</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="76"/>
        <source>Scan the barcode on the box sheet.</source>
        <translation>Σαρώστε τον κωδικό από το φύλλο κουτιών.</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="80"/>
        <source>There is no suggested box for this order</source>
        <translation>Δεν υπάρχει προτεινόμενο κουτί για αυτή την παραγγελία</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="81"/>
        <source>Scan the barcode of the box you used.</source>
        <translation>Σαρώστε τον κωδικό του κουτιού που χρησιμοποιήσατε.</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="85"/>
        <source>Nothing is in this box yet</source>
        <translation>Το κουτί είναι ακόμη άδειο</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="86"/>
        <source>Scan the items first.</source>
        <translation>Σαρώστε πρώτα τα είδη.</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="90"/>
        <source>Box {package} weighs {measured}, expected {range}</source>
        <translation>Το κουτί {package} ζυγίζει {measured}, αναμενόταν {range}</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="95"/>
        <source>Recount the items and weigh again. A supervisor can accept it: badge, then reason.</source>
        <translation>Μετρήστε ξανά τα είδη και ζυγίστε ξανά. Ο υπεύθυνος μπορεί να το εγκρίνει: κάρτα, μετά αιτία.</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="103"/>
        <source>{code} is not a supervisor</source>
        <translation>Ο/η {code} δεν είναι υπεύθυνος</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="104"/>
        <source>A supervisor must scan their own badge.</source>
        <translation>Ο υπεύθυνος πρέπει να σαρώσει τη δική του κάρτα.</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="108"/>
        <source>No reason is asked for now</source>
        <translation>Δεν ζητείται αιτία τώρα</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="113"/>
        <source>Reason {code} does not fit here</source>
        <translation>Η αιτία {code} δεν ταιριάζει εδώ</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="114"/>
        <source>Scan or tap one of the reasons on the screen.</source>
        <translation>Σαρώστε ή πατήστε μία από τις αιτίες στην οθόνη.</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="118"/>
        <source>{sku} is not in the open box</source>
        <translation>Το {sku} δεν είναι στο ανοιχτό κουτί</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="119"/>
        <source>Scan a unit that is in this box.</source>
        <translation>Σαρώστε ένα τεμάχιο που είναι σε αυτό το κουτί.</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="123"/>
        <source>Box {package} would be empty</source>
        <translation>Το κουτί {package} θα έμενε άδειο</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="126"/>
        <source>A labelled box keeps at least one unit. Close it.</source>
        <translation>Ένα κουτί με ετικέτα κρατά τουλάχιστον ένα τεμάχιο. Κλείστε το.</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="130"/>
        <source>Box {package} is still open</source>
        <translation>Το κουτί {package} είναι ακόμη ανοιχτό</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="133"/>
        <source>Close it first (CMD:CLOSE-BOX), then scan the other box.</source>
        <translation>Κλείστε το πρώτα (CMD:CLOSE-BOX), μετά σαρώστε το άλλο κουτί.</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="137"/>
        <source>Nothing is missing</source>
        <translation>Δεν λείπει τίποτα</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="138"/>
        <source>Every unit is in a box.</source>
        <translation>Όλα τα τεμάχια είναι σε κουτί.</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="142"/>
        <source>Nothing is packed yet: there is nothing to ship</source>
        <translation>Τίποτα δεν έχει συσκευαστεί: δεν υπάρχει κάτι να σταλεί</translation>
    </message>
    <message>
        <location filename="../../ui/pack_messages.py" line="143"/>
        <source>Put the order aside and call a supervisor.</source>
        <translation>Θέστε την παραγγελία σε αναμονή και καλέστε τον υπεύθυνο.</translation>
    </message>
</context>
<context>
    <name>PackScreen</name>
    <message>
        <location filename="../../ui/screens/pack.py" line="76"/>
        <source>{value} of {maximum} units packed</source>
        <translation>{value} από {maximum} συσκευασμένα</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack.py" line="114"/>
        <source>Product</source>
        <translation>Προϊόν</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack.py" line="114"/>
        <source>Location</source>
        <translation>Θέση</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack.py" line="114"/>
        <source>Packed</source>
        <translation>Συσκευασμένα</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack.py" line="209"/>
        <source>{carrier} {service} · ship by {ship_by} · to {name}, {place}</source>
        <translation>{carrier} {service} · αποστολή έως {ship_by} · προς {name}, {place}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack.py" line="220"/>
        <source>Special order code: &lt;b&gt;{code}&lt;/b&gt;</source>
        <translation>Κωδικός ειδικής παραγγελίας: &lt;b&gt;{code}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack.py" line="223"/>
        <source>Gift: no prices in the box. Add the gift note.</source>
        <translation>Δώρο: χωρίς τιμές στο κουτί. Βάλτε την κάρτα δώρου.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack.py" line="225"/>
        <source>Message: “{text}”</source>
        <translation>Μήνυμα: «{text}»</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack.py" line="227"/>
        <source>VIP: premium packing, check every item for damage.</source>
        <translation>VIP: προσεγμένη συσκευασία, ελέγξτε κάθε είδος για ζημιές.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack.py" line="230"/>
        <source>Replacement for order {order}</source>
        <translation>Αντικατάσταση της παραγγελίας {order}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack.py" line="277"/>
        <source>FRAGILE</source>
        <translation>ΕΥΘΡΑΥΣΤΟ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack.py" line="279"/>
        <source>THIS WAY UP</source>
        <translation>ΠΡΟΣ ΤΑ ΠΑΝΩ</translation>
    </message>
</context>
<context>
    <name>PackTexts</name>
    <message>
        <location filename="../../ui/pack_texts.py" line="19"/>
        <source>{grams} g</source>
        <translation>{grams} g</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="24"/>
        <source>{low}–{high} g</source>
        <translation>{low}–{high} g</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="34"/>
        <source>No standard box fits {items}. Choose a box yourself and scan it.</source>
        <translation>Κανένα τυπικό κουτί δεν χωράει {items}. Διαλέξτε εσείς κουτί και σαρώστε το.</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="38"/>
        <source>The catalogue has no size or weight for {items}. Choose a box yourself and scan it.</source>
        <translation>Ο κατάλογος δεν έχει διαστάσεις ή βάρος για {items}. Διαλέξτε εσείς κουτί και σαρώστε το.</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="44"/>
        <source>This station has no box types. Ask a supervisor to set them up.</source>
        <translation>Αυτός ο σταθμός δεν έχει τύπους κουτιών. Ζητήστε από έναν επόπτη να τους ορίσει.</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="48"/>
        <source>Every unit left is already in a closed box.</source>
        <translation>Όλα τα τεμάχια που απομένουν είναι ήδη σε κλειστό κουτί.</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="56"/>
        <source>Items do not fit the suggested box</source>
        <translation>Τα είδη δεν χωρούν στο προτεινόμενο κουτί</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="57"/>
        <source>Suggested box out of stock</source>
        <translation>Το προτεινόμενο κουτί έχει τελειώσει</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="58"/>
        <source>Needs more protection</source>
        <translation>Χρειάζεται περισσότερη προστασία</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="59"/>
        <source>Customer request</source>
        <translation>Αίτημα του πελάτη</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="60"/>
        <source>Recounted: contents are right</source>
        <translation>Ξαναμετρήθηκε: το περιεχόμενο είναι σωστό</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="61"/>
        <source>Catalogue weight is wrong</source>
        <translation>Λάθος βάρος στον κατάλογο</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="62"/>
        <source>Extra packing material</source>
        <translation>Επιπλέον υλικό συσκευασίας</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="63"/>
        <source>Item not found</source>
        <translation>Το είδος δεν βρέθηκε</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="64"/>
        <source>Item damaged, no replacement</source>
        <translation>Χαλασμένο είδος, χωρίς αντικατάσταση</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="85"/>
        <source>All items in: scan the box</source>
        <translation>Όλα τα είδη μέσα: σαρώστε το κουτί</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="87"/>
        <source>Scan the box you used (BOX:…)</source>
        <translation>Σαρώστε το κουτί που χρησιμοποιήσατε (BOX:…)</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="88"/>
        <source>Scan BOX:{box}, or CMD:BOX-OK to take the suggestion</source>
        <translation>Σαρώστε BOX:{box} ή CMD:BOX-OK για το προτεινόμενο</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="92"/>
        <source>Put box {number} on the scale</source>
        <translation>Βάλτε το κουτί {number} στη ζυγαριά</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="95"/>
        <source>Expected {expected} ({range})</source>
        <translation>Αναμενόμενο {expected} ({range})</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="99"/>
        <source>Recount the items. A supervisor can accept: badge, then reason</source>
        <translation>Ξαναμετρήστε τα είδη. Ο υπεύθυνος μπορεί να το δεχτεί: κάρτα, μετά αιτία</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="103"/>
        <source>The weight is out of range</source>
        <translation>Το βάρος είναι εκτός ορίων</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="104"/>
        <source>Weight {weight} is out of range {range}</source>
        <translation>Το βάρος {weight} είναι εκτός ορίων {range}</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="109"/>
        <source>A supervisor must approve</source>
        <translation>Χρειάζεται έγκριση του υπευθύνου</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="110"/>
        <source>Supervisor: scan your badge</source>
        <translation>Υπεύθυνος: σαρώστε την κάρτα σας</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="113"/>
        <location filename="../../ui/pack_texts.py" line="115"/>
        <source>Scan or tap a reason</source>
        <translation>Σαρώστε ή πατήστε μια αιτία</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="120"/>
        <source>Scan the unit to take out of the box</source>
        <translation>Σαρώστε το τεμάχιο που βγαίνει από το κουτί</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="121"/>
        <source>Then scan it into the box it goes in</source>
        <translation>Μετά σαρώστε το στο κουτί όπου πηγαίνει</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="125"/>
        <source>Scan the damaged item</source>
        <translation>Σαρώστε το χαλασμένο είδος</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="126"/>
        <source>It comes out of the box; then scan a good one or press Missing item</source>
        <translation>Βγαίνει από το κουτί· μετά σαρώστε ένα καλό ή πατήστε «Λείπει είδος»</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="139"/>
        <source>Why box {used} instead of {suggested}?</source>
        <translation>Γιατί κουτί {used} αντί για {suggested};</translation>
    </message>
    <message>
        <location filename="../../ui/pack_texts.py" line="142"/>
        <source>Why another box than the suggested one?</source>
        <translation>Γιατί άλλο κουτί από το προτεινόμενο;</translation>
    </message>
</context>
<context>
    <name>PackagesPanel</name>
    <message>
        <location filename="../../ui/screens/pack_panels.py" line="126"/>
        <source>Box {number}</source>
        <translation>Κουτί {number}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack_panels.py" line="130"/>
        <source>suggested {box}</source>
        <translation>προτείνεται {box}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack_panels.py" line="132"/>
        <source>open</source>
        <translation>ανοιχτό</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack_panels.py" line="132"/>
        <source>closed</source>
        <translation>κλειστό</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack_panels.py" line="140"/>
        <source>expected {weight}</source>
        <translation>αναμένεται {weight}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack_panels.py" line="143"/>
        <source>SSCC …{end}</source>
        <translation>SSCC …{end}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack_panels.py" line="146"/>
        <source>tracking {number}</source>
        <translation>αρ. αποστολής {number}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack_panels.py" line="165"/>
        <source>empty</source>
        <translation>άδειο</translation>
    </message>
</context>
<context>
    <name>PackingSlip</name>
    <message>
        <location filename="../../ui/slip_pdf.py" line="102"/>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="120"/>
        <source>GIFT</source>
        <translation>ΔΩΡΟ</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="122"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="125"/>
        <source>REPLACEMENT for order %1</source>
        <translation>ΑΝΤΙΚΑΤΑΣΤΑΣΗ της παραγγελίας %1</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="128"/>
        <source>REPLACEMENT</source>
        <translation>ΑΝΤΙΚΑΤΑΣΤΑΣΗ</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="135"/>
        <source>Special code</source>
        <translation>Ειδικός κωδικός</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="156"/>
        <source>Packing slip</source>
        <translation>Δελτίο συσκευασίας</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="158"/>
        <source>REPRINT, copy %1</source>
        <translation>ΑΝΑΤΥΠΩΣΗ, αντίγραφο %1</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="169"/>
        <source>Channel</source>
        <translation>Κανάλι</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="170"/>
        <source>Carrier</source>
        <translation>Μεταφορέας</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="171"/>
        <source>Packed at</source>
        <translation>Συσκευάστηκε</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="172"/>
        <source>Packed by</source>
        <translation>Συσκευαστής</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="173"/>
        <source>Station</source>
        <translation>Σταθμός</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="174"/>
        <source>Packages</source>
        <translation>Δέματα</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="175"/>
        <source>Items</source>
        <translation>Τεμάχια</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="179"/>
        <source>Ship to</source>
        <translation>Παραλήπτης</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="206"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="207"/>
        <source>Product</source>
        <translation>Προϊόν</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="208"/>
        <source>Qty</source>
        <translation>Ποσ.</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="214"/>
        <source>Unit price</source>
        <translation>Τιμή μονάδας</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="215"/>
        <source>Line total</source>
        <translation>Σύνολο γραμμής</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="232"/>
        <source>Subtotal</source>
        <translation>Μερικό σύνολο</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="233"/>
        <source>Shipping</source>
        <translation>Μεταφορικά</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="234"/>
        <source>Tax</source>
        <translation>ΦΠΑ</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="237"/>
        <source>Total</source>
        <translation>Σύνολο</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="246"/>
        <source>Gift message</source>
        <translation>Μήνυμα δώρου</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="286"/>
        <source>Packing slip %1</source>
        <translation>Δελτίο συσκευασίας %1</translation>
    </message>
    <message>
        <location filename="../../ui/slip_pdf.py" line="345"/>
        <source>Order %1 · page %2 of %3</source>
        <translation>Παραγγελία %1 · σελίδα %2 από %3</translation>
    </message>
</context>
<context>
    <name>PickController</name>
    <message>
        <location filename="../../ui/pick_controller.py" line="70"/>
        <source>Pick</source>
        <translation>Συλλογή</translation>
    </message>
    <message>
        <location filename="../../ui/pick_controller.py" line="71"/>
        <location filename="../../ui/pick_controller.py" line="163"/>
        <source>Sort &amp; totes</source>
        <translation>Διαλογή &amp; καλάθια</translation>
    </message>
    <message>
        <location filename="../../ui/pick_controller.py" line="72"/>
        <source>Packing</source>
        <translation>Συσκευασία</translation>
    </message>
    <message>
        <location filename="../../ui/pick_controller.py" line="164"/>
        <source>Scan an item from a batch or wave cart, or a zone tote.</source>
        <translation>Σαρώστε ένα είδος από καρότσι παρτίδας ή κύματος, ή ένα καλάθι ζώνης.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_controller.py" line="184"/>
        <source>Pick runs</source>
        <translation>Διαδρομές συλλογής</translation>
    </message>
    <message>
        <location filename="../../ui/pick_controller.py" line="192"/>
        <source>Tote — packing</source>
        <translation>Tote — συσκευασία</translation>
    </message>
    <message>
        <location filename="../../ui/pick_controller.py" line="193"/>
        <source>Tote — picking</source>
        <translation>Tote — συλλογή</translation>
    </message>
    <message>
        <location filename="../../ui/pick_controller.py" line="194"/>
        <source>Tote — sorting and totes</source>
        <translation>Tote — διαλογή και καλάθια</translation>
    </message>
    <message>
        <location filename="../../ui/pick_controller.py" line="279"/>
        <source>The store could not be read or written ({error})</source>
        <translation>Η αποθήκη δεδομένων δεν διαβάστηκε ή δεν γράφτηκε ({error})</translation>
    </message>
    <message>
        <location filename="../../ui/pick_controller.py" line="282"/>
        <source>Nothing was recorded. Try again; if this repeats, call a supervisor.</source>
        <translation>Δεν καταγράφηκε τίποτα. Δοκιμάστε ξανά· αν επαναληφθεί, καλέστε τον υπεύθυνο.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_controller.py" line="297"/>
        <source>Releasing a wave…</source>
        <translation>Έκδοση κύματος…</translation>
    </message>
    <message>
        <location filename="../../ui/pick_controller.py" line="297"/>
        <source>Planning the runs takes a moment.</source>
        <translation>Ο σχεδιασμός των διαδρομών θέλει λίγο χρόνο.</translation>
    </message>
</context>
<context>
    <name>PickRunsScreen</name>
    <message>
        <location filename="../../ui/screens/pick_runs.py" line="42"/>
        <source>Start next</source>
        <translation>Την επόμενη</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_runs.py" line="51"/>
        <source>Release a wave</source>
        <translation>Έκδοση κύματος</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_runs.py" line="68"/>
        <source>No run is waiting. Release a wave above.</source>
        <translation>Καμία διαδρομή δεν περιμένει. Εκδώστε ένα κύμα παραπάνω.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_runs.py" line="86"/>
        <source>{count} pick runs waiting</source>
        <translation>{count} διαδρομές συλλογής σε αναμονή</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_runs.py" line="88"/>
        <source> · the first {shown} listed</source>
        <translation> · εμφανίζονται οι πρώτες {shown}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_runs.py" line="102"/>
        <source>{run} · {method}</source>
        <translation>{run} · {method}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_runs.py" line="104"/>
        <source> · zone {zone}</source>
        <translation> · ζώνη {zone}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_runs.py" line="110"/>
        <source>{orders} orders · {tasks} picks · {metres} m</source>
        <translation>{orders} παραγγελίες · {tasks} συλλογές · {metres} μ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_runs.py" line="119"/>
        <source>URGENT</source>
        <translation>ΕΠΕΙΓΟΝ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_runs.py" line="125"/>
        <source>Start</source>
        <translation>Έναρξη</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_runs.py" line="142"/>
        <source>Releasing a wave by {method}…</source>
        <translation>Έκδοση κύματος ({method})…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_runs.py" line="148"/>
        <source>No open order could be released.</source>
        <translation>Καμία ανοιχτή παραγγελία δεν εκδόθηκε.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_runs.py" line="152"/>
        <source>Wave {plan} by {method}: {runs} runs, {orders} orders, {units} units, {metres} m to walk ({seconds} s to plan)</source>
        <translation>Κύμα {plan} ({method}): {runs} διαδρομές, {orders} παραγγελίες, {units} τεμάχια, {metres} μ περπάτημα (σχεδιασμός {seconds} δλ)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_runs.py" line="165"/>
        <source>Left out: {count} orders</source>
        <translation>Εκτός κύματος: {count} παραγγελίες</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_runs.py" line="169"/>
        <source>…and {more} more</source>
        <translation>…και {more} ακόμη</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_runs.py" line="172"/>
        <source>No order was left out.</source>
        <translation>Καμία παραγγελία δεν έμεινε εκτός.</translation>
    </message>
</context>
<context>
    <name>PickScreen</name>
    <message>
        <location filename="../../ui/screens/pick.py" line="78"/>
        <source>Problem…</source>
        <translation>Πρόβλημα…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick.py" line="79"/>
        <source>Map</source>
        <translation>Χάρτης</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick.py" line="100"/>
        <source>URGENT</source>
        <translation>ΕΠΕΙΓΟΝ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick.py" line="111"/>
        <source>Short: bin empty</source>
        <translation>Λείπει: άδειο ράφι</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick.py" line="114"/>
        <source>Short: not enough</source>
        <translation>Λείπει: δεν φτάνουν</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick.py" line="116"/>
        <source>Damaged</source>
        <translation>Χαλασμένο</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick.py" line="117"/>
        <source>Skip, come back later</source>
        <translation>Παράλειψη, μετά</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick.py" line="118"/>
        <source>Leave run</source>
        <translation>Άφησε τη διαδρομή</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick.py" line="120"/>
        <source>Start next run</source>
        <translation>Επόμενη διαδρομή</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick.py" line="122"/>
        <source>Pick runs</source>
        <translation>Διαδρομές συλλογής</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick.py" line="151"/>
        <source>Run {run} · {method}</source>
        <translation>Διαδρομή {run} · {method}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick.py" line="155"/>
        <source> · zone {zone}</source>
        <translation> · ζώνη {zone}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick.py" line="158"/>
        <source>{done} of {tasks} picks · {picked} of {units} units</source>
        <translation>{done}/{tasks} συλλογές · {picked}/{units} τεμ.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick.py" line="165"/>
        <source> · {short} short</source>
        <translation> · {short} λείπουν</translation>
    </message>
</context>
<context>
    <name>PickTexts</name>
    <message>
        <location filename="../../ui/pick_refusals.py" line="37"/>
        <source>Unknown barcode {code}</source>
        <translation>Άγνωστο barcode {code}</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="38"/>
        <source>Scan the barcode on the item itself; if it repeats, ask a supervisor.</source>
        <translation>Σαρώστε το barcode πάνω στο ίδιο το είδος· αν επαναληφθεί, ρωτήστε τον υπεύθυνο.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="43"/>
        <source>No product has this barcode. Put it aside for a supervisor.</source>
        <translation>Κανένα προϊόν δεν έχει αυτό το barcode. Αφήστε το στην άκρη για τον υπεύθυνο.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="50"/>
        <source>{kind} barcode {code} is not used when picking</source>
        <translation>Το barcode {code} ({kind}) δεν χρησιμοποιείται στη συλλογή</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="51"/>
        <source>Scan what the screen asks for.</source>
        <translation>Σαρώστε ό,τι ζητά η οθόνη.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="53"/>
        <source>{kind} barcode {code} is not used when sorting</source>
        <translation>Το barcode {code} ({kind}) δεν χρησιμοποιείται στη διαλογή</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="54"/>
        <source>Scan an item or a tote.</source>
        <translation>Σαρώστε ένα είδος ή ένα καλάθι.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="59"/>
        <source>Case of {units} is more than the {remaining} still needed</source>
        <translation>Το κιβώτιο των {units} ξεπερνά τα {remaining} που λείπουν</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="62"/>
        <source>Open the case and scan the single items.</source>
        <translation>Ανοίξτε το κιβώτιο και σαρώστε τα τεμάχια ένα ένα.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="72"/>
        <source>No pick run open at this station</source>
        <translation>Καμία ανοιχτή διαδρομή συλλογής σε αυτόν τον σταθμό</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="73"/>
        <location filename="../../ui/pick_texts.py" line="74"/>
        <source>Start a run from the list, or release a wave.</source>
        <translation>Ξεκινήστε μια διαδρομή από τη λίστα ή εκδώστε ένα κύμα.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="77"/>
        <source>Run {run} is still open here</source>
        <translation>Η διαδρομή {run} είναι ακόμη ανοιχτή εδώ</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="78"/>
        <source>Finish it, or press “Leave run” before starting another.</source>
        <translation>Ολοκληρώστε την ή πατήστε «Άφησε τη διαδρομή» πριν ξεκινήσετε άλλη.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="82"/>
        <source>Run {run} is no longer waiting</source>
        <translation>Η διαδρομή {run} δεν περιμένει πια</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="85"/>
        <source>Another picker may have taken it. Choose another run.</source>
        <translation>Ίσως την πήρε άλλος συλλέκτης. Διαλέξτε άλλη διαδρομή.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="89"/>
        <source>This run is finished: nothing left to pick</source>
        <translation>Η διαδρομή τελείωσε: δεν μένει τίποτα για συλλογή</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="90"/>
        <source>Take the cart to packing.</source>
        <translation>Πηγαίνετε το καρότσι στη συσκευασία.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="94"/>
        <source>Scan the cart&apos;s totes first</source>
        <translation>Σαρώστε πρώτα τα καλάθια του καροτσιού</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="95"/>
        <source>Scan a tote for cart position {position}.</source>
        <translation>Σαρώστε ένα καλάθι για τη θέση {position} του καροτσιού.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="101"/>
        <source>Scan the location first</source>
        <translation>Σαρώστε πρώτα τη θέση</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="102"/>
        <source>Go to {location}, scan its label, then the item.</source>
        <translation>Πηγαίνετε στη θέση {location}, σαρώστε την ετικέτα της και μετά το είδος.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="108"/>
        <source>Wrong location: this is {scanned}</source>
        <translation>Λάθος θέση: αυτή είναι η {scanned}</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="111"/>
        <source>Go to {expected} and scan its label.</source>
        <translation>Πηγαίνετε στη θέση {expected} και σαρώστε την ετικέτα της.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="117"/>
        <source>Items in hand: put them into tote {position} first</source>
        <translation>Έχετε είδη στο χέρι: βάλτε τα πρώτα στο καλάθι {position}</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="120"/>
        <source>Scan tote {position}, then go on.</source>
        <translation>Σαρώστε το καλάθι {position} και συνεχίστε.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="126"/>
        <source>Wrong tote</source>
        <translation>Λάθος καλάθι</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="127"/>
        <source>Put the items into tote {position} ({tote}) and scan it.</source>
        <translation>Βάλτε τα είδη στο καλάθι {position} ({tote}) και σαρώστε το.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="133"/>
        <source>Tote {tote} is already on this cart</source>
        <translation>Το καλάθι {tote} είναι ήδη σε αυτό το καρότσι</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="136"/>
        <source>Scan an empty tote for the next position.</source>
        <translation>Σαρώστε ένα άδειο καλάθι για την επόμενη θέση.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="140"/>
        <source>Tote {tote} is in use on run {run}</source>
        <translation>Το καλάθι {tote} χρησιμοποιείται στη διαδρομή {run}</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="143"/>
        <source>Take another empty tote and scan it.</source>
        <translation>Πάρτε άλλο άδειο καλάθι και σαρώστε το.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="147"/>
        <source>No tote to scan now</source>
        <translation>Δεν χρειάζεται καλάθι τώρα</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="148"/>
        <source>Follow the screen: scan the location or the item.</source>
        <translation>Ακολουθήστε την οθόνη: σαρώστε τη θέση ή το είδος.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="152"/>
        <source>Wrong item: {name}</source>
        <translation>Λάθος είδος: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="155"/>
        <source>Put it back and take the product shown on the screen.</source>
        <translation>Επιστρέψτε το και πάρτε το προϊόν της οθόνης.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="159"/>
        <source>Too many: all {quantity} are picked already</source>
        <translation>Πάρα πολλά: συλλέχθηκαν ήδη και τα {quantity}</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="162"/>
        <source>Put this one back on the shelf.</source>
        <translation>Επιστρέψτε αυτό στο ράφι.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="166"/>
        <source>Expired on {expiry}</source>
        <translation>Έληξε στις {expiry}</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="167"/>
        <source>Do not pick it: put it aside for a supervisor, take another.</source>
        <translation>Μην το πάρετε: αφήστε το στην άκρη για τον υπεύθυνο και πάρτε άλλο.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="173"/>
        <source>Serial {serial} was picked already</source>
        <translation>Ο σειριακός {serial} έχει ήδη συλλεχθεί</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="176"/>
        <source>Scan the label of the unit in your hand.</source>
        <translation>Σαρώστε την ετικέτα του τεμαχίου που κρατάτε.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="180"/>
        <source>Nothing to report here</source>
        <translation>Τίποτα για αναφορά εδώ</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="181"/>
        <source>Short, damaged and skip apply to the product being picked.</source>
        <translation>Έλλειψη, χαλασμένο και παράλειψη αφορούν το προϊόν που συλλέγεται.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="193"/>
        <source>No order waits for {name}</source>
        <translation>Καμία παραγγελία δεν περιμένει το {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="196"/>
        <source>It is sorted already or was not picked. Put it aside for a supervisor.</source>
        <translation>Έχει ήδη μπει σε θυρίδα ή δεν συλλέχθηκε. Αφήστε το στην άκρη για τον υπεύθυνο.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="203"/>
        <source>Tote {tote} was not filled by any pick run</source>
        <translation>Το καλάθι {tote} δεν γέμισε από καμία διαδρομή</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="206"/>
        <source>Check its label, or put it aside for a supervisor.</source>
        <translation>Ελέγξτε την ετικέτα του ή αφήστε το στην άκρη για τον υπεύθυνο.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="210"/>
        <source>Tote {tote} is still being picked (run {run})</source>
        <translation>Το καλάθι {tote} είναι ακόμη σε συλλογή (διαδρομή {run})</translation>
    </message>
    <message>
        <location filename="../../ui/pick_refusals.py" line="213"/>
        <source>Bring it when its run is done.</source>
        <translation>Φέρτε το όταν τελειώσει η διαδρομή του.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="23"/>
        <source>Cluster</source>
        <translation>Ομαδική</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="24"/>
        <source>Single order</source>
        <translation>Ανά παραγγελία</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="25"/>
        <source>Batch</source>
        <translation>Παρτίδα</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="26"/>
        <source>Zone</source>
        <translation>Ζώνη</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="27"/>
        <source>Wave</source>
        <translation>Κύμα</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="36"/>
        <source>Zone {zone} · aisle {aisle} · bay {bay} · level {level} · position {position}</source>
        <translation>Ζώνη {zone} · διάδρομος {aisle} · ράφι {bay} · επίπεδο {level} · θέση {position}</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="78"/>
        <source>Scan a tote for cart position {position} (order {order}).</source>
        <translation>Σαρώστε ένα καλάθι για τη θέση {position} του καροτσιού (παραγγελία {order}).</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="82"/>
        <source>Go to {location} and scan its label.</source>
        <translation>Πηγαίνετε στη θέση {location} και σαρώστε την ετικέτα της.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="88"/>
        <source>Take {left} more for tote {position} and scan each one.</source>
        <translation>Πάρτε {left} ακόμη για το καλάθι {position} και σαρώστε το καθένα.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="91"/>
        <source>Take {left} more and scan each one.</source>
        <translation>Πάρτε {left} ακόμη και σαρώστε το καθένα.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="95"/>
        <source>Put {units} into tote {position} and scan the tote.</source>
        <translation>Βάλτε {units} στο καλάθι {position} και σαρώστε το καλάθι.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="98"/>
        <source>Run finished: take the cart to packing.</source>
        <translation>Η διαδρομή τελείωσε: πηγαίνετε το καρότσι στη συσκευασία.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="117"/>
        <source>Run {run} started: {tasks} picks for {orders} orders</source>
        <translation>Ξεκίνησε η διαδρομή {run}: {tasks} συλλογές για {orders} παραγγελίες</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="121"/>
        <source>Back on run {run}: {done} of {tasks} picks done</source>
        <translation>Ξανά στη διαδρομή {run}: {done} από {tasks} συλλογές έγιναν</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="128"/>
        <source>✔ Tote {tote} is on cart position {position}</source>
        <translation>✔ Το καλάθι {tote} είναι στη θέση {position} του καροτσιού</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="133"/>
        <source>✔ At {location}</source>
        <translation>✔ Στη θέση {location}</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="136"/>
        <source>✔ {name}  ({picked} of {quantity})</source>
        <translation>✔ {name}  ({picked} από {quantity})</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="141"/>
        <source>✔ {units} in tote {position}</source>
        <translation>✔ {units} στο καλάθι {position}</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="146"/>
        <source>Reported short: {name}, {units} missing</source>
        <translation>Δηλώθηκε έλλειψη: {name}, λείπουν {units}</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="151"/>
        <source>Skipped {location}: it comes back at the end</source>
        <translation>Παραλείφθηκε η {location}: θα έρθει ξανά στο τέλος</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="156"/>
        <source>Damaged unit reported: put it in the damaged bin</source>
        <translation>Δηλώθηκε χαλασμένο: βάλτε το στον κάδο ελαττωματικών</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="159"/>
        <source>Run {run} done: {picked} units picked, {short} short</source>
        <translation>Η διαδρομή {run} τελείωσε: {picked} τεμάχια, {short} λείπουν</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="165"/>
        <source>Take the cart to packing, then start the next run.</source>
        <translation>Πηγαίνετε το καρότσι στη συσκευασία και ξεκινήστε την επόμενη διαδρομή.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="169"/>
        <source>Run {run} left for later; what you picked is kept</source>
        <translation>Η διαδρομή {run} έμεινε για αργότερα· ό,τι συλλέξατε κρατιέται</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="175"/>
        <source>Start another run, or go back to packing.</source>
        <translation>Ξεκινήστε άλλη διαδρομή ή γυρίστε στη συσκευασία.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="178"/>
        <source>Done</source>
        <translation>Έγινε</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="189"/>
        <source>Slot {slot}: order {order} is complete</source>
        <translation>Θυρίδα {slot}: η παραγγελία {order} είναι πλήρης</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="192"/>
        <source>Take it to packing.</source>
        <translation>Πηγαίνετέ την στη συσκευασία.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="197"/>
        <source>✔ Slot {slot}: {name}</source>
        <translation>✔ Θυρίδα {slot}: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="200"/>
        <source>{sorted} of {picked} units in the slot for order {order}</source>
        <translation>{sorted} από {picked} τεμάχια στη θυρίδα της παραγγελίας {order}</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="206"/>
        <source>Tote {tote} · order {order}: {here} of {total} totes here</source>
        <translation>Καλάθι {tote} · παραγγελία {order}: {here} από {total} καλάθια εδώ</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="218"/>
        <source>Order {order} is complete: all {total} totes here</source>
        <translation>Η παραγγελία {order} είναι πλήρης: και τα {total} καλάθια εδώ</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="221"/>
        <source>Pack it.</source>
        <translation>Συσκευάστε την.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="232"/>
        <source>Waiting for zone {zones}. Keep the tote with its order.</source>
        <translation>Αναμονή για τη ζώνη {zones}. Κρατήστε το καλάθι μαζί με την παραγγελία του.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="235"/>
        <source>Its other totes are picked: bring them and scan them.</source>
        <translation>Τα άλλα καλάθια της έχουν συλλεχθεί: φέρτε τα και σαρώστε τα.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="243"/>
        <source>Wave {plan} released: {runs} runs</source>
        <translation>Εκδόθηκε το κύμα {plan}: {runs} διαδρομές</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="246"/>
        <source>Press Start next, or Start on a run.</source>
        <translation>Πατήστε «Την επόμενη» ή «Έναρξη» σε μια διαδρομή.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="251"/>
        <source>No open order could be released</source>
        <translation>Καμία ανοιχτή παραγγελία δεν εκδόθηκε</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="252"/>
        <source>Every open order is in a run already, or none is waiting.</source>
        <translation>Κάθε ανοιχτή παραγγελία είναι ήδη σε διαδρομή, ή δεν περιμένει καμία.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="262"/>
        <source>No floor layout yet: picks cannot be planned</source>
        <translation>Δεν υπάρχει ακόμη κάτοψη αποθήκης: η συλλογή δεν σχεδιάζεται</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="263"/>
        <source>Sync with the office, then release the wave again.</source>
        <translation>Συγχρονίστε με το γραφείο και εκδώστε ξανά το κύμα.</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="268"/>
        <source>The wave could not be released ({error})</source>
        <translation>Το κύμα δεν εκδόθηκε ({error})</translation>
    </message>
    <message>
        <location filename="../../ui/pick_texts.py" line="271"/>
        <source>Try again. If this repeats, call a supervisor.</source>
        <translation>Δοκιμάστε ξανά. Αν επαναληφθεί, καλέστε τον υπεύθυνο.</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../ui/screens/preview_pane.py" line="29"/>
        <source>Press Test print: what the printer gets is drawn here.</source>
        <translation>Πατήστε Δοκιμαστική εκτύπωση: εδώ φαίνεται τι στάλθηκε στον εκτυπωτή.</translation>
    </message>
</context>
<context>
    <name>PrintCheck</name>
    <message>
        <location filename="../../ui/print_check.py" line="29"/>
        <source>Yes, it printed</source>
        <translation>Ναι, τυπώθηκε</translation>
    </message>
    <message>
        <location filename="../../ui/print_check.py" line="30"/>
        <source>No, print again</source>
        <translation>Όχι, νέα εκτύπωση</translation>
    </message>
    <message>
        <location filename="../../ui/print_check.py" line="48"/>
        <source> ({n} more after this)</source>
        <translation> (ακόμη {n} μετά από αυτό)</translation>
    </message>
    <message>
        <location filename="../../ui/print_check.py" line="52"/>
        <source>Did the {what} for {order} come out whole on {printer}?</source>
        <translation>Τυπώθηκε πλήρως στον {printer}: {what} για {order};</translation>
    </message>
    <message>
        <location filename="../../ui/print_check.py" line="55"/>
        <source>the printer</source>
        <translation>εκτυπωτή</translation>
    </message>
</context>
<context>
    <name>PrintController</name>
    <message>
        <location filename="../../ui/print_controller.py" line="25"/>
        <source>Packing slip</source>
        <translation>Δελτίο συσκευασίας</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="26"/>
        <source>Shipping label</source>
        <translation>Ετικέτα αποστολής</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="27"/>
        <source>Gift note</source>
        <translation>Κάρτα δώρου</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="28"/>
        <source>Tote label</source>
        <translation>Ετικέτα καλαθιού</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="29"/>
        <source>Location label</source>
        <translation>Ετικέτα θέσης</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="106"/>
        <source>The answer could not be saved ({error})</source>
        <translation>Η απάντηση δεν αποθηκεύτηκε ({error})</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="107"/>
        <source>Try again. If this repeats, call a supervisor.</source>
        <translation>Δοκιμάστε ξανά. Αν επαναληφθεί, καλέστε τον υπεύθυνο.</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="139"/>
        <source>Document</source>
        <translation>Έγγραφο</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="140"/>
        <source>an order</source>
        <translation>μια παραγγελία</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="143"/>
        <source>{what} printed on {printer}</source>
        <translation>{what}: τυπώθηκε στον {printer}</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="146"/>
        <source>{what} for {order} not printed yet: {error}</source>
        <translation>{what} για {order}: δεν τυπώθηκε ακόμη ({error})</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="150"/>
        <source>Check that {printer} is on and has paper. It is tried again by itself.</source>
        <translation>Ελέγξτε τον {printer}: να είναι αναμμένος και να έχει χαρτί. Ξαναδοκιμάζει αυτόματα.</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="151"/>
        <location filename="../../ui/print_controller.py" line="160"/>
        <source>the printer</source>
        <translation>εκτυπωτή</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="153"/>
        <source>{what} waiting for {printer}</source>
        <translation>{what}: αναμονή για τον {printer}</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="156"/>
        <source>{what} for {order} may not have printed completely</source>
        <translation>{what} για {order}: ίσως δεν τυπώθηκε ολόκληρο</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="159"/>
        <source>Look at {printer}, then answer below.</source>
        <translation>Κοιτάξτε τον {printer} και απαντήστε παρακάτω.</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="163"/>
        <source>{what}: did it print? Answer below</source>
        <translation>{what}: τυπώθηκε; Απαντήστε παρακάτω</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="165"/>
        <source>{what} for {order} could not be printed: {error}</source>
        <translation>{what} για {order}: δεν τυπώθηκε ({error})</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="168"/>
        <source>The order is packed. Fix the printer, then press Retry printing.</source>
        <translation>Η παραγγελία συσκευάστηκε. Διορθώστε τον εκτυπωτή και πατήστε Επανάληψη εκτύπωσης.</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="170"/>
        <source>{what} NOT printed</source>
        <translation>{what}: ΔΕΝ τυπώθηκε</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="174"/>
        <source>Documents could not be produced ({error})</source>
        <translation>Τα έγγραφα δεν δημιουργήθηκαν ({error})</translation>
    </message>
    <message>
        <location filename="../../ui/print_controller.py" line="175"/>
        <source>Packed orders are safe. Press Retry printing; if it repeats, call IT.</source>
        <translation>Οι συσκευασμένες παραγγελίες είναι ασφαλείς. Πατήστε Επανάληψη εκτύπωσης. Αν επαναληφθεί, καλέστε το IT.</translation>
    </message>
</context>
<context>
    <name>PrinterCard</name>
    <message>
        <location filename="../../ui/screens/printer_card.py" line="33"/>
        <source>not checked yet</source>
        <translation>δεν ελέγχθηκε ακόμη</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_card.py" line="52"/>
        <source>what no other printer takes</source>
        <translation>ό,τι δεν τυπώνει άλλος εκτυπωτής</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_card.py" line="54"/>
        <source>Prints: {documents}</source>
        <translation>Τυπώνει: {documents}</translation>
    </message>
</context>
<context>
    <name>PrinterForm</name>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="45"/>
        <source>Network</source>
        <translation>Δίκτυο</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="46"/>
        <source>Serial</source>
        <translation>Σειριακή</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="47"/>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="48"/>
        <source>Folder</source>
        <translation>Φάκελος</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="49"/>
        <source>Print queue</source>
        <translation>Ουρά εκτύπωσης</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="56"/>
        <source>Host and port, e.g. 192.168.1.50:9100</source>
        <translation>Διακομιστής και θύρα, π.χ. 192.168.1.50:9100</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="57"/>
        <source>Device, e.g. /dev/ttyUSB0@9600</source>
        <translation>Συσκευή, π.χ. /dev/ttyUSB0@9600</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="58"/>
        <source>Vendor:product in hex, e.g. 04b8:0202</source>
        <translation>Κατασκευαστής:προϊόν σε hex, π.χ. 04b8:0202</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="59"/>
        <source>A folder; each job becomes a file</source>
        <translation>Φάκελος, κάθε εργασία γίνεται αρχείο</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="60"/>
        <source>The CUPS queue name</source>
        <translation>Το όνομα της ουράς CUPS</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="85"/>
        <source>Resolution</source>
        <translation>Ανάλυση</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="86"/>
        <source>Paper width</source>
        <translation>Πλάτος χαρτιού</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="92"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="93"/>
        <source>Cancel</source>
        <translation>Άκυρο</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="117"/>
        <source>Name</source>
        <translation>Όνομα</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="119"/>
        <source>Language</source>
        <translation>Γλώσσα</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="121"/>
        <source>Connection</source>
        <translation>Σύνδεση</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="123"/>
        <source>Address</source>
        <translation>Διεύθυνση</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="130"/>
        <source>Documents it prints</source>
        <translation>Έγγραφα που τυπώνει</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="134"/>
        <source>None ticked: it prints what no other printer takes.</source>
        <translation>Χωρίς επιλογή: τυπώνει ό,τι δεν τυπώνει άλλος εκτυπωτής.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="142"/>
        <source>Printer {name}</source>
        <translation>Εκτυπωτής {name}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="144"/>
        <source>New printer</source>
        <translation>Νέος εκτυπωτής</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="188"/>
        <source>Enter the printer&apos;s address.</source>
        <translation>Συμπληρώστε τη διεύθυνση του εκτυπωτή.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printer_form.py" line="207"/>
        <source>Not kept: {problem}</source>
        <translation>Δεν κρατήθηκε: {problem}</translation>
    </message>
</context>
<context>
    <name>PrintersPage</name>
    <message>
        <location filename="../../ui/screens/printers_page.py" line="48"/>
        <source>No printers yet: add one.</source>
        <translation>Κανένας εκτυπωτής ακόμη: προσθέστε έναν.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printers_page.py" line="49"/>
        <source>Add printer</source>
        <translation>Προσθήκη εκτυπωτή</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printers_page.py" line="50"/>
        <source>Test print</source>
        <translation>Δοκιμαστική εκτύπωση</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printers_page.py" line="51"/>
        <source>Edit</source>
        <translation>Αλλαγή</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printers_page.py" line="52"/>
        <source>Remove</source>
        <translation>Αφαίρεση</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printers_page.py" line="55"/>
        <source>Test print preview</source>
        <translation>Προεπισκόπηση δοκιμής</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printers_page.py" line="58"/>
        <source>Close</source>
        <translation>Κλείσιμο</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printers_page.py" line="202"/>
        <source>Not kept: {problem}</source>
        <translation>Δεν κρατήθηκε: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printers_page.py" line="209"/>
        <source>Not changed: {problem}</source>
        <translation>Δεν άλλαξε: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printers_page.py" line="225"/>
        <source>{printer} takes no document to test.</source>
        <translation>Ο {printer} δεν τυπώνει κανένα έγγραφο για δοκιμή.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printers_page.py" line="232"/>
        <source>Printing a test {document} on {printer}…</source>
        <translation>Δοκιμή {document} στον {printer}…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printers_page.py" line="241"/>
        <source>Delivered to {printer} ({where}).</source>
        <translation>Στάλθηκε στον {printer} ({where}).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printers_page.py" line="247"/>
        <source>Uncertain: {why}. Part of it may have reached {printer}: look at the printer.</source>
        <translation>Αβέβαιο: {why}. Ίσως έφτασε ένα μέρος στον {printer}: κοιτάξτε τον εκτυπωτή.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printers_page.py" line="251"/>
        <source>Not sent: {why}. Nothing reached {printer}.</source>
        <translation>Δεν στάλθηκε: {why}. Τίποτα δεν έφτασε στον {printer}.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printers_page.py" line="256"/>
        <source>Not sent: this printer cannot draw a {document} ({why}).</source>
        <translation>Δεν στάλθηκε: ο εκτυπωτής δεν μπορεί να τυπώσει {document} ({why}).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printers_page.py" line="266"/>
        <source>Test print: {document}</source>
        <translation>Δοκιμή: {document}</translation>
    </message>
</context>
<context>
    <name>ReadyScreen</name>
    <message>
        <location filename="../../ui/screens/ready.py" line="17"/>
        <source>Scan an order barcode to start packing</source>
        <translation>Σαρώστε τον κωδικό μιας παραγγελίας για να ξεκινήσει η συσκευασία</translation>
    </message>
    <message>
        <location filename="../../ui/screens/ready.py" line="21"/>
        <source>or type the order number below and press Enter</source>
        <translation>ή πληκτρολογήστε τον αριθμό παραγγελίας και πατήστε Enter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/ready.py" line="45"/>
        <source>Devices</source>
        <translation>Συσκευές</translation>
    </message>
    <message>
        <location filename="../../ui/screens/ready.py" line="66"/>
        <source>Last packed: {order}</source>
        <translation>Τελευταία συσκευασία: {order}</translation>
    </message>
</context>
<context>
    <name>ReceiveScreen</name>
    <message>
        <location filename="../../ui/screens/receive.py" line="83"/>
        <source>Sort &amp; totes</source>
        <translation>Διαλογή &amp; καλάθια</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="85"/>
        <source>Scan an item or a tote</source>
        <translation>Σαρώστε ένα είδος ή ένα καλάθι</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="90"/>
        <source>An item from a batch or wave cart: its slot on the put wall. A zone tote: whether its order is complete.</source>
        <translation>Είδος από καρότσι παρτίδας ή κύματος: η θυρίδα του στον τοίχο διαλογής. Καλάθι ζώνης: αν η παραγγελία του είναι πλήρης.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="99"/>
        <source>Sort to the put wall</source>
        <translation>Διαλογή στον τοίχο θυρίδων</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="103"/>
        <source>Slot {slot} · order {order}</source>
        <translation>Θυρίδα {slot} · παραγγελία {order}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="107"/>
        <source>{sorted} of {picked} units in the slot</source>
        <translation>{sorted} από {picked} τεμάχια στη θυρίδα</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="111"/>
        <source>{name} · {sku}</source>
        <translation>{name} · {sku}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="114"/>
        <source>Order {order} is complete: take it to packing</source>
        <translation>Η παραγγελία {order} είναι πλήρης: πηγαίνετέ την στη συσκευασία</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="119"/>
        <source>Scan the next item.</source>
        <translation>Σαρώστε το επόμενο είδος.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="122"/>
        <source>Totes of an order</source>
        <translation>Καλάθια μιας παραγγελίας</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="126"/>
        <source>Tote {tote} · order {order}</source>
        <translation>Καλάθι {tote} · παραγγελία {order}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="130"/>
        <source>{here} of {total} totes here</source>
        <translation>{here} από {total} καλάθια εδώ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="135"/>
        <source>From zone {zone}</source>
        <translation>Από τη ζώνη {zone}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="138"/>
        <source>Complete: pack it</source>
        <translation>Πλήρης: συσκευάστε την</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="141"/>
        <source>Scan the next tote or item.</source>
        <translation>Σαρώστε το επόμενο καλάθι ή είδος.</translation>
    </message>
</context>
<context>
    <name>RefusedEventsScreen</name>
    <message>
        <location filename="../../ui/screens/refused_events.py" line="35"/>
        <source>These actions were done at this station and are kept here, but the order service could not record them. Show this list to a supervisor: the office must put them right on its side.</source>
        <translation>Αυτές οι ενέργειες έγιναν σε αυτόν τον σταθμό και φυλάσσονται εδώ, αλλά το κεντρικό σύστημα δεν μπόρεσε να τις καταγράψει. Δείξτε τη λίστα σε έναν επόπτη: το γραφείο πρέπει να τις διορθώσει από τη δική του πλευρά.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refused_events.py" line="43"/>
        <source>When</source>
        <translation>Πότε</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refused_events.py" line="43"/>
        <source>What</source>
        <translation>Τι</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refused_events.py" line="43"/>
        <source>Order</source>
        <translation>Παραγγελία</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refused_events.py" line="43"/>
        <source>Why</source>
        <translation>Γιατί</translation>
    </message>
    <message>
        <location filename="../../ui/screens/refused_events.py" line="56"/>
        <source>Back</source>
        <translation>Πίσω</translation>
    </message>
</context>
<context>
    <name>ScalePage</name>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="49"/>
        <source>No scale was started with Tote.</source>
        <translation>Δεν ξεκίνησε ζυγαριά με το Tote.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="49"/>
        <source>Connecting…</source>
        <translation>Σύνδεση…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="51"/>
        <source>Zero</source>
        <translation>Μηδενισμός</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="52"/>
        <source>Tare</source>
        <translation>Απόβαρο</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="57"/>
        <source>Stream (A&amp;&amp;D, CAS)</source>
        <translation>Συνεχής ροή (A&amp;&amp;D, CAS)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="68"/>
        <source>Live weight</source>
        <translation>Βάρος τώρα</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="93"/>
        <source>Port</source>
        <translation>Θύρα</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="95"/>
        <source>Leave the port empty when this station has no scale.</source>
        <translation>Αφήστε τη θύρα κενή αν ο σταθμός δεν έχει ζυγαριά.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="96"/>
        <source>Protocol</source>
        <translation>Πρωτόκολλο</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="98"/>
        <source>Baud rate</source>
        <translation>Ταχύτητα (baud)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="135"/>
        <source>Out of range</source>
        <translation>Εκτός ορίων</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="138"/>
        <source>{kg} kg</source>
        <translation>{kg} kg</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="139"/>
        <source>stable</source>
        <translation>σταθερό</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="139"/>
        <source>settling…</source>
        <translation>σταθεροποιείται…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="146"/>
        <source>{name} connected on {port}</source>
        <translation>{name}: συνδεδεμένη στη {port}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="150"/>
        <source>{name} not connected: check its cable ({detail})</source>
        <translation>{name}: αποσυνδεδεμένη, ελέγξτε το καλώδιο ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="170"/>
        <source>Zeroing…</source>
        <translation>Μηδενισμός…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="170"/>
        <source>Taring…</source>
        <translation>Απόβαρο…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="176"/>
        <source>The scale did not do it: {message}</source>
        <translation>Η ζυγαριά δεν το εκτέλεσε: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="178"/>
        <source>Zero done.</source>
        <translation>Έγινε μηδενισμός.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="180"/>
        <source>Tare done: {kg} kg taken off.</source>
        <translation>Έγινε απόβαρο: αφαιρέθηκαν {kg} kg.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scale_page.py" line="182"/>
        <source>Tare done.</source>
        <translation>Έγινε απόβαρο.</translation>
    </message>
</context>
<context>
    <name>ScannerCard</name>
    <message>
        <location filename="../../ui/screens/scanner_form.py" line="74"/>
        <source>{port} · {baud} baud · suffix {suffix}</source>
        <translation>{port} · {baud} baud · κατάληξη {suffix}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanner_form.py" line="84"/>
        <source>Edit</source>
        <translation>Αλλαγή</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanner_form.py" line="87"/>
        <source>Remove</source>
        <translation>Αφαίρεση</translation>
    </message>
</context>
<context>
    <name>ScannerForm</name>
    <message>
        <location filename="../../ui/screens/scanner_form.py" line="44"/>
        <source>none</source>
        <translation>καμία</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanner_form.py" line="128"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanner_form.py" line="129"/>
        <source>Cancel</source>
        <translation>Άκυρο</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanner_form.py" line="155"/>
        <source>Name</source>
        <translation>Όνομα</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanner_form.py" line="157"/>
        <source>Port</source>
        <translation>Θύρα</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanner_form.py" line="159"/>
        <source>A /dev/serial/by-id/… name stays when a cable moves.</source>
        <translation>Ένα όνομα /dev/serial/by-id/… μένει ίδιο όταν μετακινηθεί το καλώδιο.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanner_form.py" line="161"/>
        <source>Baud rate</source>
        <translation>Ταχύτητα (baud)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanner_form.py" line="163"/>
        <source>Suffix it sends after each barcode</source>
        <translation>Κατάληξη που στέλνει μετά από κάθε barcode</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanner_form.py" line="174"/>
        <source>Scanner {name}</source>
        <translation>Σαρωτής {name}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanner_form.py" line="176"/>
        <source>New serial scanner</source>
        <translation>Νέος σειριακός σαρωτής</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanner_form.py" line="203"/>
        <source>Enter a name for the scanner.</source>
        <translation>Δώστε όνομα στον σαρωτή.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanner_form.py" line="205"/>
        <source>Enter the port the scanner is on.</source>
        <translation>Δώστε τη θύρα του σαρωτή.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanner_form.py" line="217"/>
        <source>Not kept: {problem}</source>
        <translation>Δεν κρατήθηκε: {problem}</translation>
    </message>
</context>
<context>
    <name>ScannersPage</name>
    <message>
        <location filename="../../ui/scan_texts.py" line="21"/>
        <location filename="../../ui/scan_texts.py" line="110"/>
        <source>Tote code</source>
        <translation>Κωδικός Tote</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="22"/>
        <source>Product (GTIN)</source>
        <translation>Προϊόν (GTIN)</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="23"/>
        <source>Parcel (SSCC)</source>
        <translation>Δέμα (SSCC)</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="24"/>
        <source>Wrong check digit</source>
        <translation>Λάθος ψηφίο ελέγχου</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="25"/>
        <source>Unreadable GS1 code</source>
        <translation>Μη αναγνώσιμος κωδικός GS1</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="26"/>
        <source>Text (order number, SKU…)</source>
        <translation>Κείμενο (αρ. παραγγελίας, SKU…)</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="27"/>
        <source>Empty</source>
        <translation>Κενό</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="34"/>
        <source>command</source>
        <translation>εντολή</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="35"/>
        <source>operator badge</source>
        <translation>κάρτα χειριστή</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="36"/>
        <source>box</source>
        <translation>κουτί</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="37"/>
        <source>location</source>
        <translation>θέση</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="38"/>
        <source>tote</source>
        <translation>καλάθι</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="45"/>
        <source>connected</source>
        <translation>συνδεδεμένος</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="46"/>
        <source>connecting…</source>
        <translation>σύνδεση…</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="47"/>
        <source>not connected: check its cable</source>
        <translation>αποσυνδεδεμένος: ελέγξτε το καλώδιο</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="48"/>
        <source>stopped</source>
        <translation>σταματημένος</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="49"/>
        <source>not running: starts with Tote</source>
        <translation>ανενεργός: ξεκινά με το Tote</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="56"/>
        <source>Scan the barcode at least 3 times.</source>
        <translation>Σαρώστε το barcode τουλάχιστον 3 φορές.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="57"/>
        <source>A scan was too short: scan a barcode of at least 5 characters.</source>
        <translation>Πολύ σύντομη σάρωση: σαρώστε barcode με τουλάχιστον 5 χαρακτήρες.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="60"/>
        <source>The key times were broken. Start again.</source>
        <translation>Οι χρόνοι των πλήκτρων αλλοιώθηκαν. Ξεκινήστε από την αρχή.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="63"/>
        <source>The scans do not agree: scan one barcode only, with this station&apos;s scanner, and start again.</source>
        <translation>Οι σαρώσεις διαφέρουν: σαρώστε ένα μόνο barcode, με τον σαρωτή αυτού του σταθμού, και ξεκινήστε από την αρχή.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="68"/>
        <source>The scanner types as slowly as a person. Set its delay between characters to its minimum, or use its serial mode, and start again.</source>
        <translation>Ο σαρωτής πληκτρολογεί αργά σαν άνθρωπος. Βάλτε στο ελάχιστο την καθυστέρηση ανάμεσα στους χαρακτήρες ή χρησιμοποιήστε τη σειριακή λειτουργία του, και ξεκινήστε από την αρχή.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="73"/>
        <source>The scanner is too close to typing speed. Set its delay between characters to its minimum, and start again.</source>
        <translation>Ο σαρωτής είναι πολύ κοντά στην ταχύτητα πληκτρολόγησης. Βάλτε στο ελάχιστο την καθυστέρηση ανάμεσα στους χαρακτήρες και ξεκινήστε από την αρχή.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="85"/>
        <source>Kind</source>
        <translation>Είδος</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="86"/>
        <source>Read as</source>
        <translation>Διαβάστηκε</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="88"/>
        <source>From</source>
        <translation>Από</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="93"/>
        <source>GTIN-14</source>
        <translation>GTIN-14</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="95"/>
        <source>Or GTIN-14</source>
        <translation>Ή GTIN-14</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="99"/>
        <source>SSCC</source>
        <translation>SSCC</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="100"/>
        <source>Lot</source>
        <translation>Παρτίδα</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="101"/>
        <source>Expiry</source>
        <translation>Λήξη</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="102"/>
        <source>Serial</source>
        <translation>Σειριακός αρ.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="103"/>
        <source>Count</source>
        <translation>Πλήθος</translation>
    </message>
    <message>
        <location filename="../../ui/scan_texts.py" line="115"/>
        <location filename="../../ui/screens/scanners_page.py" line="145"/>
        <source>Problem</source>
        <translation>Πρόβλημα</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="68"/>
        <source>Add scanner</source>
        <translation>Προσθήκη σαρωτή</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="71"/>
        <source>Scan any barcode: it is shown here, nothing is packed.</source>
        <translation>Σαρώστε οποιοδήποτε barcode: εμφανίζεται εδώ, τίποτα δεν συσκευάζεται.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="81"/>
        <location filename="../../ui/screens/scanners_page.py" line="284"/>
        <source>Calibrate keyboard scanner</source>
        <translation>Βαθμονόμηση σαρωτή πληκτρολογίου</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="108"/>
        <source>Test scan</source>
        <translation>Δοκιμαστική σάρωση</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="121"/>
        <source>Serial scanners</source>
        <translation>Σειριακοί σαρωτές</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="127"/>
        <source>Keyboard scanner</source>
        <translation>Σαρωτής πληκτρολογίου</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="202"/>
        <source>from the next start</source>
        <translation>από την επόμενη εκκίνηση</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="205"/>
        <source>{name} on {port}: {state}</source>
        <translation>{name} στη {port}: {state}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="210"/>
        <source>removed: runs until the next start</source>
        <translation>αφαιρέθηκε: λειτουργεί ως την επόμενη εκκίνηση</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="212"/>
        <source>set on Tote&apos;s command line, not here</source>
        <translation>ορίζεται στη γραμμή εντολών του Tote, όχι εδώ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="218"/>
        <source>None set up. Keyboard scanners need no set-up.</source>
        <translation>Κανένας ρυθμισμένος. Οι σαρωτές πληκτρολογίου δεν χρειάζονται ρύθμιση.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="239"/>
        <source>Not changed: {problem}</source>
        <translation>Δεν άλλαξε: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="252"/>
        <source>Not kept: {problem}</source>
        <translation>Δεν κρατήθηκε: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="264"/>
        <source>Keys of one scan come at most {gap} ms apart.</source>
        <translation>Τα πλήκτρα μιας σάρωσης απέχουν το πολύ {gap} ms.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="266"/>
        <source>From the next start: {gap} ms.</source>
        <translation>Από την επόμενη εκκίνηση: {gap} ms.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="277"/>
        <source>Start again</source>
        <translation>Από την αρχή</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="305"/>
        <source>Scan any barcode {n} times or more. Scans so far: {count}.</source>
        <translation>Σαρώστε ένα barcode {n} φορές ή περισσότερες. Σαρώσεις ως τώρα: {count}.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="314"/>
        <source>Recommended: {gap} ms (keys came up to {slowest} ms apart in {count} scans). Scan more to check it, or use it.</source>
        <translation>Προτείνεται: {gap} ms (τα πλήκτρα απείχαν έως {slowest} ms σε {count} σαρώσεις). Σαρώστε ξανά για έλεγχο ή χρησιμοποιήστε το.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="318"/>
        <source>Use {gap} ms</source>
        <translation>Χρήση {gap} ms</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scanners_page.py" line="332"/>
        <source>{gap} ms chosen. Press Save to keep it.</source>
        <translation>Επιλέχθηκαν {gap} ms. Πατήστε Αποθήκευση για να κρατηθούν.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../ui/status_panel.py" line="27"/>
        <source>ready</source>
        <translation>έτοιμος</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="28"/>
        <source>busy</source>
        <translation>απασχολημένος</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="29"/>
        <source>offline, check power and cable</source>
        <translation>εκτός σύνδεσης, ελέγξτε ρεύμα και καλώδιο</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="30"/>
        <source>paper out</source>
        <translation>τέλος χαρτιού</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="31"/>
        <source>paper low</source>
        <translation>λίγο χαρτί</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="32"/>
        <source>cover open</source>
        <translation>ανοιχτό καπάκι</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="33"/>
        <source>paused</source>
        <translation>σε παύση</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="34"/>
        <source>head open</source>
        <translation>ανοιχτή κεφαλή</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="35"/>
        <source>error</source>
        <translation>σφάλμα</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="36"/>
        <source>not answering</source>
        <translation>δεν απαντά</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="67"/>
        <source>Station {code}</source>
        <translation>Σταθμός {code}</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="81"/>
        <source>Operator {name}</source>
        <translation>Χειριστής {name}</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="83"/>
        <source>Operator {code} (unknown code)</source>
        <translation>Χειριστής {code} (άγνωστος κωδικός)</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="102"/>
        <source>Scanner ready</source>
        <translation>Σαρωτής έτοιμος</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="104"/>
        <source> · last scan {at}</source>
        <translation> · τελ. σάρωση {at}</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="107"/>
        <source>Scanner {names} not connected: check its cable</source>
        <translation>Σαρωτής {names} αποσυνδεδεμένος: ελέγξτε το καλώδιο</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="126"/>
        <source>Scale {name} not connected: check its cable</source>
        <translation>Ζυγαριά {name} αποσυνδεδεμένη: ελέγξτε το καλώδιο</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="130"/>
        <source>Scale ready</source>
        <translation>Ζυγαριά έτοιμη</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="139"/>
        <source>Scale: {problem}</source>
        <translation>Ζυγαριά: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="141"/>
        <source>Scale: no weight</source>
        <translation>Ζυγαριά: χωρίς βάρος</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="143"/>
        <source>Scale {kg} kg, stable</source>
        <translation>Ζυγαριά {kg} kg, σταθερό</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="146"/>
        <source>Scale {kg} kg, settling…</source>
        <translation>Ζυγαριά {kg} kg, σταθεροποιείται…</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="151"/>
        <source>Printing: {n} documents not printed, press Retry</source>
        <translation>Εκτύπωση: {n} έγγραφα δεν τυπώθηκαν, πατήστε Επανάληψη</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="161"/>
        <source> · sound off</source>
        <translation> · ήχος κλειστός</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="163"/>
        <source>Printers ready</source>
        <translation>Εκτυπωτές έτοιμοι</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="166"/>
        <source>{printer}: {state}</source>
        <translation>{printer}: {state}</translation>
    </message>
    <message>
        <location filename="../../ui/status_panel.py" line="178"/>
        <source>Store unavailable</source>
        <translation>Βάση δεδομένων μη διαθέσιμη</translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="77"/>
        <source>Set up the cart</source>
        <translation>Ετοιμάστε το καρότσι</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="78"/>
        <source>Tote for position {position}</source>
        <translation>Καλάθι για τη θέση {position}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="79"/>
        <source>Scan a tote for cart position {position} (order {order}).</source>
        <translation>Σαρώστε ένα καλάθι για τη θέση {position} του καροτσιού (παραγγελία {order}).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="83"/>
        <source>{bound} of {total} totes on the cart</source>
        <translation>{bound} από {total} καλάθια στο καρότσι</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="87"/>
        <source>Go to</source>
        <translation>Πηγαίνετε στη θέση</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="92"/>
        <source>Take {units} · SKU {sku}</source>
        <translation>Πάρτε {units} · SKU {sku}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="96"/>
        <source>{done} of {total}</source>
        <translation>{done} από {total}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="97"/>
        <source>SKU {sku} · at {location}</source>
        <translation>SKU {sku} · στη θέση {location}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="100"/>
        <source>Into the tote</source>
        <translation>Στο καλάθι</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="101"/>
        <source>Put {units} into tote {position}</source>
        <translation>Βάλτε {units} στο καλάθι {position}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="105"/>
        <source>Then scan the tote&apos;s label.</source>
        <translation>Μετά σαρώστε την ετικέτα του καλαθιού.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="107"/>
        <source>Run finished</source>
        <translation>Η διαδρομή τελείωσε</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="108"/>
        <source>All done</source>
        <translation>Όλα έτοιμα</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="110"/>
        <source>{picked} units picked, {short} short, in {totes} totes.</source>
        <translation>{picked} τεμάχια συλλέχθηκαν, {short} λείπουν, σε {totes} καλάθια.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="112"/>
        <source>{picked} units picked, {short} short.</source>
        <translation>{picked} τεμάχια συλλέχθηκαν, {short} λείπουν.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="116"/>
        <source>Then: {location}</source>
        <translation>Μετά: {location}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="130"/>
        <source>No picture</source>
        <translation>Χωρίς εικόνα</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="136"/>
        <source>Onto the cart: sorted at packing</source>
        <translation>Στο καρότσι: διαλογή στη συσκευασία</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pick_step.py" line="137"/>
        <source>Tote {position} · {code} · order {order}</source>
        <translation>Καλάθι {position} · {code} · παραγγελία {order}</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="39"/>
        <source>Sync now</source>
        <translation>Συγχρονισμός τώρα</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="77"/>
        <source>Asking the office for order {order}…</source>
        <translation>Ζητείται η παραγγελία {order} από το γραφείο…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="78"/>
        <source>One moment: the order opens by itself.</source>
        <translation>Μια στιγμή: η παραγγελία θα ανοίξει μόνη της.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="92"/>
        <source>Order {order} is being packed at {station}</source>
        <translation>Η παραγγελία {order} συσκευάζεται στον σταθμό {station}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="95"/>
        <source>Do not pack it here. Give the items to a supervisor.</source>
        <translation>Μην τη συσκευάσετε εδώ. Δώστε τα είδη σε έναν επόπτη.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="99"/>
        <source>Order {order} cannot be packed here now</source>
        <translation>Η παραγγελία {order} δεν μπορεί να συσκευαστεί εδώ τώρα</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="102"/>
        <source>The office has it as cancelled, held or done. Give the items to a supervisor.</source>
        <translation>Το γραφείο τη δείχνει ακυρωμένη, σε αναμονή ή ολοκληρωμένη. Δώστε τα είδη σε έναν επόπτη.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="111"/>
        <source>Offline: order {order} is not reserved for this station</source>
        <translation>Χωρίς δίκτυο: η παραγγελία {order} δεν έχει δεσμευτεί για αυτόν τον σταθμό</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="113"/>
        <source>Pack an order this station holds, or scan it again when the network is back.</source>
        <translation>Συσκευάστε μια παραγγελία που κρατά αυτός ο σταθμός ή σαρώστε την ξανά όταν επιστρέψει το δίκτυο.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="124"/>
        <source>Refused events ({n})</source>
        <translation>Απορριφθέντα συμβάντα ({n})</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <location filename="../../ui/sync_texts.py" line="25"/>
        <source> · {n} refused</source>
        <translation> · {n} απορρίφθηκαν</translation>
    </message>
    <message>
        <location filename="../../ui/sync_texts.py" line="36"/>
        <source>Sync: not set up · {n} events kept here</source>
        <translation>Χωρίς κεντρικό σύστημα · {n} συμβάντα εδώ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_texts.py" line="42"/>
        <source>Sync: first download, starting…</source>
        <translation>Πρώτη λήψη: ξεκινά…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_texts.py" line="43"/>
        <source>Sync: first download, {done} of {total}</source>
        <translation>Πρώτη λήψη: {done} από {total}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_texts.py" line="47"/>
        <source>Sync: syncing · {n} events to send</source>
        <translation>Συγχρονισμός · {n} προς αποστολή</translation>
    </message>
    <message>
        <location filename="../../ui/sync_texts.py" line="52"/>
        <source>Sync: online · {n} events to send</source>
        <translation>Σε σύνδεση · {n} προς αποστολή</translation>
    </message>
    <message>
        <location filename="../../ui/sync_texts.py" line="55"/>
        <source>Sync: online · up to date {at}</source>
        <translation>Σε σύνδεση · ενημέρωση {at}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_texts.py" line="59"/>
        <source>Sync: offline since {at} · {n} events waiting</source>
        <translation>Εκτός δικτύου από {at} · {n} σε αναμονή</translation>
    </message>
    <message>
        <location filename="../../ui/sync_texts.py" line="63"/>
        <source>Sync stopped: {why}</source>
        <translation>Συγχρονισμός σε παύση: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_texts.py" line="74"/>
        <source>the office does not accept this station&apos;s token; ask a supervisor</source>
        <translation>το γραφείο δεν δέχεται το διακριτικό αυτού του σταθμού· ζητήστε βοήθεια από επόπτη</translation>
    </message>
    <message>
        <location filename="../../ui/sync_texts.py" line="78"/>
        <source>this station&apos;s Tote does not match the office&apos;s; update Tote</source>
        <translation>η έκδοση του Tote σε αυτόν τον σταθμό δεν ταιριάζει με του γραφείου· ενημερώστε το Tote</translation>
    </message>
    <message>
        <location filename="../../ui/sync_texts.py" line="82"/>
        <source>orders from the office cannot be stored here; call a supervisor</source>
        <translation>οι παραγγελίες του γραφείου δεν μπορούν να αποθηκευτούν εδώ· καλέστε επόπτη</translation>
    </message>
    <message>
        <location filename="../../ui/sync_texts.py" line="87"/>
        <source>this station&apos;s clock is {minutes} min off the office&apos;s; fix it</source>
        <translation>το ρολόι του σταθμού διαφέρει {minutes} λεπτά από του γραφείου· διορθώστε το</translation>
    </message>
    <message>
        <location filename="../../ui/sync_texts.py" line="99"/>
        <source>Getting orders from the office…</source>
        <translation>Λήψη παραγγελιών από το γραφείο…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_texts.py" line="101"/>
        <source>Getting orders from the office: {percent}% ({done} of {total})</source>
        <translation>Λήψη παραγγελιών από το γραφείο: {percent}% ({done} από {total})</translation>
    </message>
</context>
<context>
    <name>WeighPanel</name>
    <message>
        <location filename="../../ui/screens/pack_panels.py" line="210"/>
        <source>Expected</source>
        <translation>Αναμενόμενο</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack_panels.py" line="211"/>
        <source>Accepted</source>
        <translation>Αποδεκτό</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack_panels.py" line="212"/>
        <source>On the scale</source>
        <translation>Στη ζυγαριά</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack_panels.py" line="255"/>
        <source>waiting for the box</source>
        <translation>αναμονή για το κουτί</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack_panels.py" line="264"/>
        <source>in range</source>
        <translation>εντός ορίων</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack_panels.py" line="267"/>
        <source>{weight} too heavy</source>
        <translation>{weight} πιο βαρύ</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pack_panels.py" line="270"/>
        <source>{weight} too light</source>
        <translation>{weight} πιο ελαφρύ</translation>
    </message>
</context>
</TS>
