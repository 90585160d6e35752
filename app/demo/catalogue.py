"""What the demo warehouse sells and packs into: word lists, sizes, weights and prices.

Sizes are of the smallest variant as it sits on the shelf (retail packaging included);
bigger variants are scaled from it by the generator. Everything fits the largest box.
The tables are kept one entry per line (``fmt: off``) so they stay readable and short.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.demo.model import DemoBoxType, DemoOperator


@dataclass(frozen=True, slots=True)
class ItemTemplate:
    """One kind of item; a product name is ``adjective material noun variant``."""

    noun: str
    adjectives: tuple[str, ...]
    materials: tuple[str, ...]
    variants: tuple[str, ...]  # size labels, smallest first
    dims_mm: tuple[int, int, int]
    weight_g: int
    price_cents: int  # EUR, before tax, smallest variant
    fragile: bool = False
    upright: bool = False


@dataclass(frozen=True, slots=True)
class Category:
    key: str
    zone: str
    share: int  # relative number of products
    items: tuple[ItemTemplate, ...]
    by_brand: bool = False  # told apart by brand, not colour (food, liquids, hardware)


@dataclass(frozen=True, slots=True)
class ZoneLayout:
    """Racking of one zone: bays per aisle, levels per bay, positions per level."""

    zone: str
    name: str
    bays: int
    levels: int
    positions: int


ZONES: tuple[ZoneLayout, ...] = (
    ZoneLayout("A", "Ambient", bays=12, levels=4, positions=2),
    ZoneLayout("B", "Bulky", bays=8, levels=3, positions=1),
    ZoneLayout("C", "Fast movers", bays=10, levels=4, positions=2),
    ZoneLayout("D", "Small parts", bays=10, levels=6, positions=4),
)

# Materials that break, and how heavy they are compared with the template's material.
FRAGILE_MATERIALS = frozenset(
    {"glass", "borosilicate glass", "crystal", "ceramic", "porcelain", "stoneware", "terracotta"}
)
MATERIAL_WEIGHT = {"aluminium": 0.7, "bamboo fibre": 0.8, "Tritan": 0.6, "cast iron": 2.2}

T = ItemTemplate
# fmt: off
CATEGORIES: tuple[Category, ...] = (
    Category("drinkware", "A", 12, (
        T("water bottle", ("Insulated", "Leakproof", "Sport", "Slim"),
          ("stainless steel", "aluminium", "borosilicate glass", "Tritan"),
          ("500 ml", "750 ml", "1 l"), (80, 80, 240), 340, 1999),
        T("coffee mug", ("Classic", "Speckled", "Matte", "Stackable"),
          ("ceramic", "stoneware", "porcelain", "enamel"),
          ("300 ml", "350 ml", "450 ml"), (125, 95, 105), 330, 1199),
        T("tumbler", ("Double-wall", "Classic", "Ribbed"), ("glass", "crystal", "stainless steel"),
          ("250 ml", "350 ml"), (90, 90, 115), 280, 899),
        T("travel mug", ("Insulated", "Leakproof", "Compact"), ("stainless steel", "bamboo fibre"),
          ("350 ml", "450 ml"), (95, 95, 185), 290, 1799),
        T("teapot", ("Classic", "Japanese-style", "Round"),
          ("porcelain", "cast iron", "borosilicate glass"),
          ("600 ml", "1 l"), (230, 160, 160), 720, 2999),
    )),
    Category("kitchen", "A", 12, (
        T("chef's knife", ("Forged", "Japanese-style", "Classic"),
          ("stainless steel", "carbon steel", "Damascus steel"),
          ("15 cm", "20 cm"), (340, 60, 30), 240, 3999),
        T("cutting board", ("Reversible", "End-grain", "Classic"), ("bamboo", "oak", "beech"),
          ("30x20 cm", "40x30 cm"), (300, 200, 22), 720, 1999),
        T("frying pan", ("Non-stick", "Induction", "Classic"),
          ("cast iron", "carbon steel", "aluminium"),
          ("24 cm", "28 cm"), (440, 250, 65), 1150, 3499),
        T("mixing bowl", ("Stackable", "Classic", "Non-slip"), ("stainless steel", "glass"),
          ("2 l", "3.5 l"), (230, 230, 115), 420, 1499),
        T("storage jar", ("Airtight", "Classic", "Square"), ("glass", "ceramic"),
          ("0.5 l", "1 l", "1.5 l"), (110, 110, 140), 480, 899),
        T("spice grinder", ("Adjustable", "Classic"), ("beech", "acacia", "acrylic"),
          ("15 cm", "22 cm"), (70, 70, 160), 260, 1599),
    )),
    Category("pantry", "A", 9, (
        T("olive oil", ("Cold-pressed", "Organic", "Early-harvest"), ("extra virgin",),
          ("500 ml", "750 ml", "1 l"), (70, 70, 290), 920, 1299, fragile=True, upright=True),
        T("honey", ("Raw", "Organic", "Creamed"), ("thyme", "wildflower", "pine"),
          ("250 g", "450 g"), (75, 75, 95), 420, 899, fragile=True, upright=True),
        T("coffee beans", ("Dark roast", "Medium roast", "Single-origin"),
          ("arabica", "espresso blend"), ("250 g", "1 kg"), (180, 90, 60), 290, 999),
        T("herbal tea", ("Organic", "Loose-leaf"), ("chamomile", "mountain", "peppermint"),
          ("50 g", "100 g"), (120, 80, 70), 90, 549),
        T("balsamic vinegar", ("Aged", "Organic"), ("Modena", "white grape"),
          ("250 ml", "500 ml"), (60, 60, 250), 560, 999, fragile=True, upright=True),
    ), by_brand=True),
    Category("cleaning", "A", 8, (
        T("dish soap", ("Concentrated", "Eco", "Gentle"), ("lemon", "unscented", "green tea"),
          ("500 ml", "1 l"), (80, 50, 210), 560, 349, upright=True),
        T("hand soap refill", ("Moisturising", "Eco"), ("olive", "lavender", "aloe vera"),
          ("500 ml", "1 l"), (90, 55, 200), 560, 449, upright=True),
        T("glass cleaner", ("Streak-free", "Eco"), ("vinegar", "citrus"),
          ("500 ml", "750 ml"), (100, 60, 270), 600, 399, upright=True),
        T("laundry detergent", ("Liquid", "Sensitive", "Colour"), ("lavender", "unscented"),
          ("1.5 l", "3 l"), (160, 100, 260), 1650, 1199, upright=True),
        T("cleaning cloths", ("Lint-free", "Reusable"), ("microfibre", "cotton"),
          ("5-pack", "10-pack"), (200, 150, 30), 160, 699),
    ), by_brand=True),
    Category("home", "A", 10, (
        T("scented candle", ("Hand-poured", "Long-burning"), ("soy wax", "beeswax"),
          ("200 g", "400 g"), (90, 90, 100), 420, 1599, fragile=True, upright=True),
        T("flower vase", ("Fluted", "Minimal", "Hand-blown"), ("glass", "ceramic", "stoneware"),
          ("20 cm", "30 cm"), (130, 130, 210), 690, 2499),
        T("picture frame", ("Minimal", "Classic", "Floating"), ("oak", "aluminium", "walnut"),
          ("13x18 cm", "20x30 cm", "30x40 cm"), (200, 150, 25), 380, 1299, fragile=True),
        T("cushion cover", ("Woven", "Embroidered", "Plain"), ("linen", "cotton", "velvet"),
          ("40x40 cm", "50x50 cm"), (250, 200, 20), 180, 1499),
        T("table lamp", ("Dimmable", "Minimal"), ("ceramic", "brass", "rattan"),
          ("30 cm", "45 cm"), (260, 260, 330), 1500, 4999, fragile=True, upright=True),
    )),
    Category("bulky", "B", 10, (
        T("storage box", ("Stackable", "Lidded", "Foldable"), ("polypropylene", "seagrass"),
          ("30 l", "45 l", "60 l"), (450, 340, 250), 1200, 1999),
        T("laundry basket", ("Foldable", "Lidded"), ("rattan", "polypropylene", "cotton rope"),
          ("40 l", "60 l"), (450, 350, 280), 950, 2499),
        T("step stool", ("Folding", "Two-step"), ("aluminium", "bamboo", "steel"),
          ("2 steps", "3 steps"), (520, 380, 90), 3100, 3999),
        T("garden hose", ("Kink-free", "Expandable"), ("PVC", "latex"),
          ("15 m", "25 m"), (350, 350, 130), 1900, 2999),
        T("duvet", ("All-season", "Lightweight", "Warm"), ("microfibre", "down-alternative"),
          ("135x200 cm", "200x200 cm"), (500, 380, 180), 1700, 5999),
        T("plant pot", ("Self-watering", "Classic"), ("terracotta", "fibreglass", "concrete"),
          ("30 cm", "40 cm"), (340, 340, 300), 2600, 2999, upright=True),
    )),
    Category("fast", "C", 18, (
        T("AA batteries", ("Alkaline", "Rechargeable", "Long-life"), ("lithium", "NiMH"),
          ("4-pack", "8-pack", "12-pack"), (95, 60, 16), 110, 549),
        T("USB-C cable", ("Fast-charging", "Braided"), ("nylon", "silicone"),
          ("1 m", "2 m"), (120, 90, 20), 60, 999),
        T("phone case", ("Slim", "Rugged", "Clear"), ("silicone", "TPU", "leather"),
          ("6.1 in", "6.7 in"), (175, 95, 22), 60, 1499),
        T("ankle socks", ("Breathable", "Cushioned"), ("merino wool", "bamboo", "cotton"),
          ("3-pack EU 39-42", "3-pack EU 43-46"), (220, 110, 35), 130, 1299),
        T("lip balm", ("Nourishing", "Tinted"), ("beeswax", "shea butter"),
          ("4.8 g", "2-pack"), (80, 25, 20), 12, 349),
        T("packing tape", ("Clear", "Low-noise"), ("polypropylene",),
          ("48 mm x 66 m", "6-pack"), (110, 110, 50), 180, 299),
        T("notebook", ("Dotted", "Lined", "Squared"), ("recycled paper", "stone paper"),
          ("A5", "A4"), (215, 150, 15), 260, 899),
    )),
    Category("small_parts", "D", 21, (
        T("wood screws 4x40 mm", ("Countersunk", "Pan-head"),
          ("zinc-plated steel", "stainless steel"),
          ("100 pcs", "200 pcs"), (110, 70, 40), 330, 599),
        T("cabinet hinges", ("Soft-close", "Concealed"), ("nickel-plated steel",),
          ("2-pack", "4-pack"), (130, 90, 40), 240, 1199),
        T("wall hooks", ("Self-adhesive", "Heavy-duty"), ("stainless steel", "brass"),
          ("4-pack", "10-pack"), (120, 80, 25), 90, 499),
        T("cable ties", ("UV-resistant", "Reusable"), ("nylon",),
          ("100 pcs", "500 pcs"), (160, 60, 20), 110, 399),
        T("hex key set", ("Ball-end", "Folding"), ("chrome vanadium",),
          ("9 pcs", "15 pcs"), (190, 60, 25), 280, 1299),
        T("drawer knobs", ("Round", "Square"), ("brass", "ceramic", "matte black steel"),
          ("2-pack", "6-pack"), (90, 60, 40), 140, 799),
        T("blade fuses", ("Automotive", "Mini"), ("assorted",),
          ("50 pcs", "120 pcs"), (110, 75, 25), 80, 649),
        T("keyring", ("Detachable", "Engraved"), ("stainless steel", "brass", "leather"),
          ("single", "2-pack"), (70, 40, 12), 25, 599),
    ), by_brand=True),
)

# Greek-named products (the kiosk must render Greek): name, category, dims, g, EUR cents,
# fragile, keep upright.
GREEK_ITEMS: tuple[tuple[str, str, tuple[int, int, int], int, int, bool, bool], ...] = (
    ("Κούπα κεραμική 350 ml", "drinkware", (125, 95, 105), 340, 1199, True, False),
    ("Ποτήρι γυάλινο 300 ml", "drinkware", (85, 85, 120), 260, 699, True, False),
    ("Φλιτζάνι εσπρέσο πορσελάνινο 90 ml", "drinkware", (80, 70, 65), 150, 799, True, False),
    ("Μπρίκι ανοξείδωτο 300 ml", "kitchen", (200, 90, 90), 210, 1299, False, False),
    ("Πιάτο πορσελάνης 27 cm", "kitchen", (275, 275, 30), 650, 1499, True, False),
    ("Ελαιόλαδο εξαιρετικό παρθένο 500 ml", "pantry", (70, 70, 290), 920, 1299, True, True),
    ("Μέλι θυμαρίσιο 450 g", "pantry", (75, 75, 110), 620, 1099, True, True),
    ("Ρίγανη ξερή 50 g", "pantry", (120, 80, 40), 60, 349, False, False),
    ("Σαπούνι ελαιολάδου 125 g", "cleaning", (90, 60, 30), 135, 299, False, False),
    ("Πετσέτα βαμβακερή 50x90 cm", "home", (300, 200, 40), 450, 1599, False, False),
    ("Καλάθι ψάθινο 40 l", "bulky", (420, 320, 280), 900, 2999, False, False),
    ("Τετράδιο σπιράλ Α5", "fast", (215, 150, 15), 260, 499, False, False),
)
# fmt: on
del T
# Told apart by colour or (made-up) brand when the word lists run out of distinct names.
COLOURS = ("black", "white", "grey", "navy", "sage green", "sand", "charcoal", "red", "blue")
BRANDS = ("Halden", "Norvik", "Aster", "Meraki", "Lumen", "Orla", "Brightwell", "Kestrel")
# Indeclinable colour words, so they need no agreement with the noun's gender.
GREEK_COLOURS = ("μπλε", "γκρι", "μπεζ", "ροζ", "μωβ", "καφέ", "λιλά", "τιρκουάζ")


def _box(
    code: str, name: str, inner: tuple[int, int, int], wall: int, tare: int, max_kg: int, cost: int
) -> DemoBoxType:
    length, width, height = inner
    outer = (length + 2 * wall, width + 2 * wall, height + 2 * wall)
    dunnage = round(length * width * height / 1e6 * 2)  # about 2 g of paper fill per litre
    return DemoBoxType(code, name, *inner, *outer, tare, max_kg * 1000, cost, dunnage)


# Single wall (3 mm) for the small ones, double wall (6 mm) from L up.
BOX_TYPES: tuple[DemoBoxType, ...] = (
    _box("BOX-S", "Small 220x160x80", (220, 160, 80), 3, 95, 5, 38),
    _box("BOX-M", "Medium 310x220x150", (310, 220, 150), 3, 190, 10, 55),
    _box("BOX-L", "Large 400x300x250", (400, 300, 250), 6, 420, 20, 89),
    _box("BOX-LF", "Large flat 500x400x150", (500, 400, 150), 6, 480, 20, 95),
    _box("BOX-XL", "Extra large 600x400x400", (600, 400, 400), 6, 760, 30, 139),
)

OPERATORS: tuple[DemoOperator, ...] = (
    DemoOperator("OP-001", "Anna Becker", "packer"),
    DemoOperator("OP-002", "Νίκος Παπαδάκης", "packer"),
    DemoOperator("OP-003", "James Whitfield", "supervisor"),
)
