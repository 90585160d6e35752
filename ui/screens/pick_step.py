"""The card in the middle of the picker's screen: the one thing to do now, in large type.

One set of labels serves every step; a step fills those it needs and the others hide:
- scan a tote onto the cart: its position, large, and the order it is for;
- go to: the location code, huge, spelled out (zone, aisle, bay, level, position), and
  what will be taken there;
- pick: the product's name, picture, "2 of 3" and the tote the units go into;
- put: "Put 3 into tote 3", and the tote's code and order;
- done: what the run picked, and where the cart goes.
"""

from __future__ import annotations

from app.picking.guide import Step
from app.usecases.pick_views import PickView
from ui.pick_texts import in_hand, location_spelled, share, step_action
from ui.pick_widgets import ProductPicture, set_size, set_text, text_label
from ui.qt import QFrame, QHBoxLayout, QVBoxLayout, QWidget
from ui.theme import Metrics

INK, MUTED, BLUE, GREEN = "#10233f", "#44546a", "#1f5fbf", "#0f5a26"


class StepCard(QFrame):
    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metrics = metrics
        self.setObjectName("deviceCard")  # a white card, as on the devices screen
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.setSpacing(6)
        self.caption = text_label(10)  # sizes: apply_sizes
        self.main = text_label(10)
        self.detail = text_label(10)
        self.product_name = text_label(10)
        for label in (self.caption, self.main, self.detail, self.product_name):
            layout.addWidget(label)
        product = QHBoxLayout()
        product.setSpacing(16)
        self.picture = ProductPicture(metrics.touch_px * 2)
        product.addWidget(self.picture)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.quantity = text_label(10)
        self.sku = text_label(10)
        texts.addWidget(self.quantity)
        texts.addWidget(self.sku)
        texts.addStretch(1)
        product.addLayout(texts, 1)
        layout.addLayout(product)
        self.tote = text_label(10)
        self.next_hint = text_label(10)
        layout.addWidget(self.tote)
        layout.addStretch(1)
        layout.addWidget(self.next_hint)
        self.apply_sizes(narrow=False)

    def apply_sizes(self, narrow: bool) -> None:
        """Type sizes: on a handheld one step smaller, never below the kiosk's normal text."""
        m = self._metrics
        main = m.huge_px if narrow else round(m.huge_px * 1.3)
        set_size(self.caption, m.small_px if narrow else m.font_px, bold=True, colour=MUTED)
        set_size(self.main, main, bold=True, colour=INK)
        set_size(self.detail, m.small_px if narrow else m.font_px)
        set_size(self.product_name, m.font_px + 2 if narrow else m.big_px, bold=True)
        set_size(self.quantity, main, bold=True, colour=GREEN)
        set_size(self.sku, m.small_px, colour="#333")
        set_size(self.tote, m.font_px if narrow else m.big_px, bold=True, colour=BLUE)
        set_size(self.next_hint, m.small_px if narrow else m.font_px, colour="#444")
        self.picture.set_side(round(m.touch_px * (1.4 if narrow else 2.2)))

    def show_view(self, view: PickView) -> None:
        task, tote = view.task, view.tote
        caption = main = detail = name = sku = quantity = tote_text = hint = ""
        picture = False
        if view.step is Step.BIND_TOTE and tote is not None:
            caption = self.tr("Set up the cart")
            main = self.tr("Tote for position {position}").format(position=tote.position)
            detail = self.tr("Scan a tote for cart position {position} (order {order}).").format(
                position=tote.position, order=tote.order
            )
            bound = sum(t.code is not None for t in view.totes)
            tote_text = self.tr("{bound} of {total} totes on the cart").format(
                bound=bound, total=len(view.totes)
            )
        elif view.step is Step.GO_TO and task is not None:
            caption = self.tr("Go to")
            main = task.location
            detail = location_spelled(task.place)
            name = task.name
            done, total = share(view)
            sku = self.tr("Take {units} · SKU {sku}").format(units=total - done, sku=task.sku)
        elif view.step is Step.PICK and task is not None:
            name, picture = task.name, True
            done, total = share(view)
            quantity = self.tr("{done} of {total}").format(done=done, total=total)
            sku = self.tr("SKU {sku} · at {location}").format(sku=task.sku, location=task.location)
            tote_text = self._tote_text(view)
        elif view.step is Step.PUT and tote is not None:
            caption = self.tr("Into the tote")
            main = self.tr("Put {units} into tote {position}").format(
                units=in_hand(view), position=tote.position
            )
            tote_text = self._tote_text(view)
            detail = self.tr("Then scan the tote's label.")
        elif view.step is Step.DONE:
            caption = self.tr("Run finished")
            main = self.tr("All done")
            detail = (
                self.tr("{picked} units picked, {short} short, in {totes} totes.")
                if view.totes
                else self.tr("{picked} units picked, {short} short.")
            ).format(picked=view.units_picked, short=view.units_short, totes=len(view.totes))
            hint = step_action(view)
        if view.step in (Step.GO_TO, Step.PICK) and view.next_location:
            hint = self.tr("Then: {location}").format(location=view.next_location)
        for label, text in (
            (self.caption, caption),
            (self.main, main),
            (self.detail, detail),
            (self.product_name, name),
            (self.quantity, quantity),
            (self.sku, sku),
            (self.tote, tote_text),
            (self.next_hint, hint),
        ):
            set_text(label, text)
        self.picture.setVisible(picture)
        if picture and task is not None:
            self.picture.show_image(task.image_path, self.tr("No picture"))

    def _tote_text(self, view: PickView) -> str:
        """Which tote the units go into: on a cart of several totes it matters most."""
        tote = view.tote
        if tote is None:
            return self.tr("Onto the cart: sorted at packing") if view.order else ""
        return self.tr("Tote {position} · {code} · order {order}").format(
            position=tote.position, code=tote.code or "—", order=tote.order
        )
