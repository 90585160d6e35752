"""The classic picker routes a person can follow on the floor: S-shape and largest gap.

Both sweep the aisles that hold picks from left to right and use only the front and the back
cross aisles, so on a floor with cross aisles between blocks they are still walks a picker can
follow (never shorter than ``routing.best_route``'s tour).

- S-shape (traversal): every aisle with picks is walked end to end, alternately front to back
  and back to front. When that leaves an odd number of aisles, the last (rightmost) one is
  entered from the front up to its backmost pick and left the way it came. It is the fallback
  a picker can walk from the aisle numbers alone, and close to the best on dense pick lists.
- Largest gap: the leftmost and the rightmost aisle with picks are walked end to end; every
  aisle between them is entered from the back cross aisle (on the way right) and from the front
  cross aisle (on the way back left) up to either side of its widest gap between neighbouring
  picks, the front end and the back end counting as picks. A single aisle is walked in and
  out from the front.

Picks right at the depot are taken before setting off, as ``best_route`` does. The length is
the sum of the walking distances between the consecutive points of the walk actually built
(the depot, aisle ends and picks), so it is exactly what a picker following the order walks.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence

from app.picking.layout import Layout, Spot
from app.picking.routing import Route

Places = tuple[float, list[int]]  # a depth in one aisle and the spots picked there


class _Walk:
    """A walk from the depot built point by point; remembers which spots are picked where."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.points: list[Spot] = [layout.depot]
        self.order: list[int] = []

    def to(self, point: Spot, picks: Sequence[int] = ()) -> None:
        self.points.append(point)
        self.order += picks

    def front(self, aisle: int) -> None:
        self.to(Spot(aisle, 0.0))

    def back(self, aisle: int) -> None:
        self.to(Spot(aisle, self.layout.length))

    def along(self, places: Sequence[Places], aisle: int) -> None:
        for y, picks in places:
            self.to(Spot(aisle, y), picks)

    def route(self) -> Route:
        path = [*self.points, self.layout.depot]
        length = sum(self.layout.distance(a, b) for a, b in itertools.pairwise(path))
        return Route(tuple(self.order), float(length))


def _places(layout: Layout, spots: Sequence[Spot]) -> tuple[list[int], dict[int, list[Places]]]:
    """Picks at the depot, and per aisle the distinct depths (front first) with their picks."""
    at_depot = [i for i, s in enumerate(spots) if s == layout.depot]
    grouped: dict[int, dict[float, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, spot in enumerate(spots):
        if spot != layout.depot:
            grouped[spot.aisle][spot.y].append(i)
    aisles = {a: sorted(depths.items()) for a, depths in grouped.items()}
    return at_depot, {a: aisles[a] for a in sorted(aisles)}


def s_shape_route(layout: Layout, spots: Sequence[Spot]) -> Route:
    """Every aisle with picks walked end to end, snaking left to right (odd last: in and out)."""
    at_depot, aisles = _places(layout, spots)
    walk = _Walk(layout)
    walk.order += at_depot
    at_front = True
    for k, (aisle, places) in enumerate(aisles.items()):
        if at_front:
            walk.front(aisle)
            walk.along(places, aisle)
            if k == len(aisles) - 1:  # odd number of aisles: back out of the last one
                walk.front(aisle)
            else:
                walk.back(aisle)
                at_front = False
        else:
            walk.back(aisle)
            walk.along(places[::-1], aisle)
            walk.front(aisle)
            at_front = True
    return walk.route()


def largest_gap_route(layout: Layout, spots: Sequence[Spot]) -> Route:
    """Outer aisles end to end; inner ones up to their widest gap, from the back, then the front."""
    at_depot, aisles = _places(layout, spots)
    walk = _Walk(layout)
    walk.order += at_depot
    if not aisles:
        return walk.route()
    numbers = list(aisles)
    first, last = numbers[0], numbers[-1]
    if first == last:
        walk.front(first)
        walk.along(aisles[first], first)
        walk.front(first)
        return walk.route()
    splits = {a: _widest_gap(layout, aisles[a]) for a in numbers[1:-1]}
    walk.front(first)
    walk.along(aisles[first], first)
    walk.back(first)
    for aisle in numbers[1:-1]:  # along the back cross aisle: the parts behind the gap
        behind = aisles[aisle][splits[aisle] :]
        if behind:
            walk.back(aisle)
            walk.along(behind[::-1], aisle)
            walk.back(aisle)
    walk.back(last)
    walk.along(aisles[last][::-1], last)
    walk.front(last)
    for aisle in reversed(numbers[1:-1]):  # along the front cross aisle: the parts before it
        before = aisles[aisle][: splits[aisle]]
        if before:
            walk.front(aisle)
            walk.along(before, aisle)
            walk.front(aisle)
    return walk.route()


def _widest_gap(layout: Layout, places: Sequence[Places]) -> int:
    """How many of the aisle's places lie in front of its widest gap (ends count as picks)."""
    ys = [0.0, *(y for y, _ in places), layout.length]
    gaps = [b - a for a, b in itertools.pairwise(ys)]
    return max(range(len(gaps)), key=gaps.__getitem__)
