"""Where demo orders go and how: names, streets, cities, carriers, tax and gift messages.

Greek orders are written in Greek script about two times in three (as Greek webshops
receive them) and in Latin transliteration otherwise, so both reach the slips.
The tables are kept compact (``fmt: off``) so they stay readable and short.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class City:
    """``postcodes`` is an inclusive numeric range, or for GB a tuple of outward codes."""

    name: str
    region: str | None
    postcodes: tuple[int, int] | tuple[str, ...]
    latin_name: str = ""  # Greek cities only
    latin_region: str = ""
    tax_bp: int = 0  # US sales tax in basis points; 0 means the country's VAT


# (country, share in %, currency, VAT basis points)
COUNTRIES: tuple[tuple[str, int, str, int], ...] = (
    ("DE", 34, "EUR", 1900),
    ("GB", 20, "GBP", 2000),
    ("FR", 15, "EUR", 2000),
    ("US", 15, "USD", 0),
    ("GR", 16, "EUR", 2400),
)

# fmt: off
CITIES: dict[str, tuple[City, ...]] = {
    "DE": (
        City("Berlin", None, (10115, 14199)), City("Hamburg", None, (20095, 22769)),
        City("München", None, (80331, 81929)), City("Köln", None, (50667, 51149)),
        City("Frankfurt am Main", None, (60306, 60599)), City("Leipzig", None, (4103, 4357)),
        City("Stuttgart", None, (70173, 70629)), City("Dresden", None, (1067, 1328)),
    ),
    "FR": (
        City("Paris", None, (75001, 75020)), City("Lyon", None, (69001, 69009)),
        City("Marseille", None, (13001, 13016)), City("Toulouse", None, (31000, 31500)),
        City("Bordeaux", None, (33000, 33800)), City("Lille", None, (59000, 59800)),
        City("Nantes", None, (44000, 44300)),
    ),
    "GB": (
        City("London", "Greater London", ("SW1A", "E1", "N1", "SE1", "W2", "NW3")),
        City("Manchester", "Greater Manchester", ("M1", "M4", "M14", "M20")),
        City("Birmingham", "West Midlands", ("B1", "B5", "B15")),
        City("Bristol", None, ("BS1", "BS6", "BS8")),
        City("Edinburgh", None, ("EH1", "EH3", "EH9")),
        City("Leeds", "West Yorkshire", ("LS1", "LS6")),
    ),
    "US": (
        City("New York", "NY", (10001, 10292), tax_bp=888),
        City("Los Angeles", "CA", (90001, 90089), tax_bp=950),
        City("Chicago", "IL", (60601, 60661), tax_bp=1025),
        City("Houston", "TX", (77001, 77099), tax_bp=825),
        City("Seattle", "WA", (98101, 98199), tax_bp=1025),
        City("Boston", "MA", (2108, 2137), tax_bp=625),
        City("Denver", "CO", (80202, 80239), tax_bp=881),
    ),
    "GR": (
        City("Αθήνα", "Αττική", (10431, 11855), "Athens", "Attica"),
        City("Πειραιάς", "Αττική", (18531, 18547), "Piraeus", "Attica"),
        City("Θεσσαλονίκη", "Κεντρική Μακεδονία", (54621, 56430), "Thessaloniki",
             "Central Macedonia"),
        City("Πάτρα", "Δυτική Ελλάδα", (26221, 26500), "Patras", "Western Greece"),
        City("Ηράκλειο", "Κρήτη", (71201, 71500), "Heraklion", "Crete"),
        City("Λάρισα", "Θεσσαλία", (41221, 41500), "Larissa", "Thessaly"),
        City("Βόλος", "Θεσσαλία", (38221, 38500), "Volos", "Thessaly"),
    ),
}

FIRST_NAMES: dict[str, tuple[str, ...]] = {
    "DE": ("Lukas", "Anna", "Jonas", "Lea", "Felix", "Marie", "Paul", "Sophie", "Maximilian",
           "Hannah", "Jürgen", "Sabine", "Katharina", "Tobias"),
    "FR": ("Camille", "Louis", "Chloé", "Hugo", "Léa", "Gabriel", "Manon", "Théo", "Élodie",
           "Julien", "Margaux", "Antoine"),
    "GB": ("Oliver", "Amelia", "George", "Isla", "Harry", "Emily", "Jack", "Charlotte",
           "Thomas", "Sophie", "William", "Grace"),
    "US": ("James", "Olivia", "Michael", "Emma", "Ethan", "Ava", "Daniel", "Mia", "Tyler",
           "Madison", "Jacob", "Abigail"),
}
LAST_NAMES: dict[str, tuple[str, ...]] = {
    "DE": ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
           "Schulz", "Hoffmann", "Krüger", "Schäfer"),
    "FR": ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leroy",
           "Moreau", "Lefèvre", "Girard", "Rousseau"),
    "GB": ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thompson",
           "Walker", "O'Connor", "Hughes", "Clarke"),
    "US": ("Johnson", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Anderson",
           "Jackson", "Lee", "Harris", "Nguyen", "Kim"),
}
# Greek: (Greek script, Latin, gender) and surnames (male, female, male Latin, female Latin).
GR_FIRST: tuple[tuple[str, str, str], ...] = (
    ("Γιώργος", "Giorgos", "m"), ("Μαρία", "Maria", "f"), ("Νίκος", "Nikos", "m"),
    ("Ελένη", "Eleni", "f"), ("Κώστας", "Kostas", "m"), ("Δήμητρα", "Dimitra", "f"),
    ("Γιάννης", "Giannis", "m"), ("Κατερίνα", "Katerina", "f"),
    ("Παναγιώτης", "Panagiotis", "m"), ("Σοφία", "Sofia", "f"),
    ("Δημήτρης", "Dimitris", "m"), ("Αναστασία", "Anastasia", "f"),
)
GR_LAST: tuple[tuple[str, str, str, str], ...] = (
    ("Παπαδόπουλος", "Παπαδοπούλου", "Papadopoulos", "Papadopoulou"),
    ("Βασιλείου", "Βασιλείου", "Vasileiou", "Vasileiou"),
    ("Νικολάου", "Νικολάου", "Nikolaou", "Nikolaou"),
    ("Γεωργίου", "Γεωργίου", "Georgiou", "Georgiou"),
    ("Οικονόμου", "Οικονόμου", "Oikonomou", "Oikonomou"),
    ("Παπαδάκης", "Παπαδάκη", "Papadakis", "Papadaki"),
    ("Αντωνίου", "Αντωνίου", "Antoniou", "Antoniou"),
    ("Καραγιάννης", "Καραγιάννη", "Karagiannis", "Karagianni"),
    ("Μακρής", "Μακρή", "Makris", "Makri"),
    ("Δημητρίου", "Δημητρίου", "Dimitriou", "Dimitriou"),
)
STREETS: dict[str, tuple[str, ...]] = {
    "DE": ("Hauptstraße", "Bahnhofstraße", "Gartenweg", "Schillerstraße", "Goethestraße",
           "Lindenallee", "Bergstraße", "Kastanienweg", "Am Marktplatz", "Friedrichstraße"),
    "FR": ("rue de la République", "avenue Victor Hugo", "boulevard Voltaire", "rue des Lilas",
           "rue Pasteur", "avenue Jean Jaurès", "rue du Moulin", "place de l'Église"),
    "GB": ("High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue",
           "Mill Lane", "Queen's Road", "Green Lane"),
    "US": ("Maple Avenue", "Oak Street", "Main Street", "Washington Blvd", "Elm Drive",
           "Cedar Lane", "Lakeview Terrace", "Pine Street"),
}
GR_STREETS: tuple[tuple[str, str], ...] = (
    ("Ερμού", "Ermou"), ("Πατησίων", "Patision"), ("Εγνατίας", "Egnatias"),
    ("Τσιμισκή", "Tsimiski"), ("Κολοκοτρώνη", "Kolokotroni"),
    ("Ελευθερίου Βενιζέλου", "Eleftheriou Venizelou"), ("Αγίου Νικολάου", "Agiou Nikolaou"),
    ("Μητροπόλεως", "Mitropoleos"), ("Αθηνάς", "Athinas"),
)
ADDRESS2: dict[str, tuple[str, ...]] = {
    "DE": ("Hinterhaus", "3. OG links", "c/o Praxis Dr. Wolf"),
    "FR": ("Bâtiment B", "Appartement 12", "Résidence Les Pins"),
    "GB": ("Flat 3", "Flat 12B", "Unit 4"),
    "US": ("Apt 4B", "Suite 210", "Unit 17"),
    "GR": ("3ος όροφος", "Διαμέρισμα 5", "Ισόγειο"),  # Greek-script orders only
}
COMPANY_SUFFIX: dict[str, str] = {
    "DE": "GmbH", "FR": "SARL", "GB": "Ltd", "US": "Inc.", "GR": "Α.Ε.",
}
ATTENTION: dict[str, str] = {
    "DE": "z. Hd.", "FR": "À l'attention de", "GB": "Attn:", "US": "Attn:", "GR": "Υπόψη:",
}

# (carrier, service, weight) per country; express services are what VIP orders get.
CARRIERS: dict[str, tuple[tuple[str, str, int], ...]] = {
    "DE": (("DHL", "Parcel", 55), ("DPD", "Classic", 25), ("UPS", "Standard", 12),
           ("DHL", "Express", 8)),
    "FR": (("DPD", "Classic", 45), ("UPS", "Standard", 35), ("DHL", "Express", 20)),
    "GB": (("Royal Mail", "Tracked 48", 60), ("DPD", "Classic", 20),
           ("UPS", "Express Saver", 20)),
    "US": (("UPS", "Express Saver", 65), ("DHL", "Express", 35)),
    "GR": (("ELTA", "Courier", 75), ("DHL", "Express", 25)),
}
EXPRESS: dict[str, tuple[str, str]] = {
    "DE": ("DHL", "Express"), "FR": ("DHL", "Express"), "GB": ("UPS", "Express Saver"),
    "US": ("DHL", "Express"), "GR": ("DHL", "Express"),
}
WAREHOUSE_CHOOSES = ("AUTO", "ANY")  # the order leaves carrier and service to the station
# Shipping charged to the customer, EUR cents; converted like prices.
SHIPPING_EUR: dict[tuple[str, str], int] = {
    ("DHL", "Parcel"): 490, ("DHL", "Express"): 1490, ("DPD", "Classic"): 590,
    ("UPS", "Standard"): 690, ("UPS", "Express Saver"): 1890,
    ("Royal Mail", "Tracked 48"): 450, ("ELTA", "Courier"): 350,
}

GIFT_MESSAGES: dict[str, tuple[str, ...]] = {
    "en": ("Happy birthday! Love, Sam", "Congratulations on the new home!",
           "Merry Christmas from all of us", "Thank you for everything. J.",
           "Get well soon!", "Happy anniversary, with love"),
    "de": ("Alles Gute zum Geburtstag!", "Frohe Weihnachten und liebe Grüße",
           "Herzlichen Glückwunsch zur neuen Wohnung!", "Danke für alles! Deine Lena"),
    "fr": ("Joyeux anniversaire ! Bises", "Joyeux Noël et bonne année !",
           "Félicitations pour ce nouveau départ", "Merci pour tout, Claire"),
    "el": ("Χρόνια πολλά! Με αγάπη, Μαρία", "Καλά Χριστούγεννα και ευτυχισμένο το νέο έτος!",
           "Καλορίζικο το νέο σπίτι!", "Να τα εκατοστήσεις!", "Ευχαριστώ για όλα. Νίκος"),
}
# fmt: on
GIFT_LANGUAGE: dict[str, str] = {"DE": "de", "FR": "fr", "GB": "en", "US": "en", "GR": "el"}
FREE_SHIPPING_FROM_EUR = 5000  # standard services only, webshop only
FX_FROM_EUR: dict[str, float] = {"EUR": 1.0, "USD": 1.08, "GBP": 0.86}
CHANNELS: tuple[tuple[str, int], ...] = (
    ("webshop", 55),
    ("marketplace", 25),
    ("B2B", 12),
    ("phone", 8),
)
