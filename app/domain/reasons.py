"""Why a scan or action was refused. The UI turns each into a translated message that says
what happened and what to do; the codes themselves are also written to the audit log."""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    EMPTY_SCAN = "empty_scan"
    BAD_CHECK_DIGIT = "bad_check_digit"
    BAD_GS1 = "bad_gs1"  # a GS1 code that cannot be read (date, AI, check digit inside)
    CARTON_LABEL = "carton_label"  # an SSCC: a shipping container, not an item
    UNKNOWN_BARCODE = "unknown_barcode"
    ORDER_NOT_FOUND = "order_not_found"
    ORDER_ALREADY_PACKED = "order_already_packed"
    ORDER_CANCELLED = "order_cancelled"
    NO_ORDER_OPEN = "no_order_open"
    ANOTHER_ORDER_OPEN = "another_order_open"
    WRONG_ITEM = "wrong_item"
    OVER_PACK = "over_pack"
    CASE_EXCEEDS_REMAINING = "case_exceeds_remaining"
    NOTHING_TO_PUT_ASIDE = "nothing_to_put_aside"
    NOTHING_TO_REPRINT = "nothing_to_reprint"
    UNKNOWN_COMMAND = "unknown_command"
    CODE_NOT_USED_HERE = "code_not_used_here"
    UNKNOWN_OPERATOR = "unknown_operator"  # a badge this station does not know
    FINISH_ORDER_FIRST = "finish_order_first"  # a badge scanned in the middle of an order
    # The centre stopped the station's current order (params: order, units scanned so far).
    ORDER_STOPPED_CANCELLED = "order_stopped_cancelled"  # put the units back
    ORDER_STOPPED_HELD = "order_stopped_held"  # set it aside with its units until released
    ORDER_STOPPED_CHANGED = "order_stopped_changed"  # put the units back, then start again
    ORDER_STOPPED_PACKED_ELSEWHERE = "order_stopped_packed_elsewhere"  # put the units back
    ORDER_HELD = "order_held"  # the centre put it on hold (params: order, why)
    ORDER_NOT_HELD = "order_not_held"  # claims required and this station holds no lease
    ORDER_STILL_PICKING = "order_still_picking"  # params: order, runs (keys, zones)
    # Guided picking (app.picking.guide).
    NO_RUN_OPEN = "no_run_open"  # a pick scan with no pick run started here
    FINISH_RUN_FIRST = "finish_run_first"  # params: run (this station's active one)
    RUN_NOT_FOUND = "run_not_found"
    RUN_FINISHED = "run_finished"  # every task of the run is done
    SCAN_TOTES_FIRST = "scan_totes_first"  # params: position of the next tote to scan
    SCAN_LOCATION_FIRST = "scan_location_first"  # params: location
    WRONG_LOCATION = "wrong_location"  # params: expected, scanned
    PUT_IN_TOTE_FIRST = "put_in_tote_first"  # params: position
    WRONG_TOTE = "wrong_tote"  # params: position, tote (the right one)
    TOTE_ALREADY_ON_CART = "tote_already_on_cart"  # params: tote
    TOTE_IN_USE = "tote_in_use"  # params: tote, run (another open run holds it)
    NO_TOTE_EXPECTED = "no_tote_expected"
    OVER_PICK = "over_pick"  # params: quantity
    EXPIRED_ITEM = "expired_item"  # params: expiry
    DUPLICATE_SERIAL = "duplicate_serial"  # params: serial
    NOTHING_TO_SHORT = "nothing_to_short"
    # Receiving picks at packing: sorting bulk picks, consolidating zone totes.
    NOTHING_TO_SORT = "nothing_to_sort"  # params: sku (no picked unit of it waits for a slot)
    UNKNOWN_TOTE = "unknown_tote"  # params: tote (no pick run filled it)
    TOTE_STILL_PICKING = "tote_still_picking"  # params: tote, run
    # The packing station's boxes (app.usecases.pack_actions).
    UNKNOWN_BOX = "unknown_box"  # params: code (no box type of that code here)
    NO_SUGGESTION = "no_suggestion"  # CMD:BOX-OK with no suggested box (scan the box used)
    NO_ITEMS_IN_BOX = "no_items_in_box"  # closing or choosing a box before any item is in
    WEIGHT_OUT_OF_TOLERANCE = "weight_out_of_tolerance"  # params: measured, low, high
    NOT_A_SUPERVISOR = "not_a_supervisor"  # params: code
    REASON_NOT_ASKED = "reason_not_asked"  # params: code (no action waits for a reason)
    REASON_NOT_FOR_THIS = "reason_not_for_this"  # params: code
    NOT_IN_OPEN_BOX = "not_in_open_box"  # params: sku (removing an item not in the box)
    LAST_UNIT_OF_LABELLED_BOX = "last_unit_of_labelled_box"  # params: package
    FINISH_BOX_FIRST = "finish_box_first"  # params: package (the open box has items)
    NOTHING_TO_SHORT_SHIP = "nothing_to_short_ship"  # every unit is in already
    NOTHING_PACKED_YET = "nothing_packed_yet"  # short-shipping an order with nothing in a box
