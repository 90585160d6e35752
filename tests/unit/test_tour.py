"""Shortest closed tours over walking distances (app.picking.tour) on multi-block floors."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from app.picking.layout import Layout
from app.picking.tour import EXACT_MAX, held_karp, shortest_tour, tour_length
from tests.bench.multi_block_instances import random_spots

FLOORS = [Layout.grid(6, [5, 5]), Layout.grid(4, [3, 4, 3]), Layout.grid(10, [15, 15])]
BUDGET_S, ROUNDS = 60.0, 200  # the round cap ends the search first: reproducible


def floor_matrix(floor: int, picks: int, seed: int) -> NDArray[np.float64]:
    layout = FLOORS[floor]
    return layout.distance_matrix(random_spots(layout, picks, seed))


def brute_force(dist: NDArray[np.float64]) -> float:
    """The optimum by trying every order of the stops after stop 0, all at once in numpy."""
    n = len(dist)
    if n < 3:
        return tour_length(dist, range(n))
    rest = np.array(list(itertools.permutations(range(1, n))), dtype=np.intp)
    tours = np.hstack([np.zeros((len(rest), 1), dtype=np.intp), rest])
    return float(dist[tours, np.roll(tours, -1, axis=1)].sum(axis=1).min())


def nearest_neighbour(dist: NDArray[np.float64]) -> list[int]:
    order, left = [0], set(range(1, len(dist)))
    while left:
        here = order[-1]
        order.append(min(left, key=lambda j: (dist[here, j], j)))
        left.remove(order[-1])
    return order


def two_opt(dist: NDArray[np.float64], order: list[int]) -> list[int]:
    """Plain first-improvement 2-opt to a local optimum: the baseline to beat."""
    tour, n, improved = list(order), len(order), True
    while improved:
        improved = False
        for i in range(n - 1):
            for j in range(i + 2, n if i else n - 1):
                a, b, c, e = tour[i], tour[i + 1], tour[j], tour[(j + 1) % n]
                if dist[a, c] + dist[b, e] < dist[a, b] + dist[c, e] - 1e-9:
                    tour[i + 1 : j + 1] = reversed(tour[i + 1 : j + 1])
                    improved = True
    return tour


@settings(max_examples=40, deadline=None)
@given(
    floor=st.integers(0, len(FLOORS) - 1),
    picks=st.integers(1, 8),
    seed=st.integers(0, 10_000),
    start=st.integers(0, 8),
)
def test_small_tours_are_optimal(floor: int, picks: int, seed: int, start: int) -> None:
    """Up to nine stops the tour is as short as the best of every order, from any start."""
    dist = floor_matrix(floor, picks, seed)
    start = start % len(dist)
    order = shortest_tour(dist, start=start)
    assert order[0] == start and sorted(order) == list(range(len(dist)))
    assert tour_length(dist, order) == pytest.approx(brute_force(dist))


@settings(max_examples=10, deadline=None)
@given(n=st.integers(10, EXACT_MAX), seed=st.integers(0, 10_000))
def test_held_karp_is_never_beaten_by_two_opt(n: int, seed: int) -> None:
    """Beyond brute force, the exact tour is never longer than nearest neighbour plus 2-opt."""
    dist = floor_matrix(2, n - 1, seed)
    exact = tour_length(dist, held_karp(dist))
    assert exact <= tour_length(dist, two_opt(dist, nearest_neighbour(dist))) + 1e-9


@settings(max_examples=15, deadline=None)
@given(
    floor=st.integers(0, len(FLOORS) - 1),
    picks=st.integers(EXACT_MAX, 40),
    seed=st.integers(0, 10_000),
    start=st.integers(0, 40),
)
def test_search_returns_a_tour_from_start(floor: int, picks: int, seed: int, start: int) -> None:
    """Above the exact size the answer still visits every stop once, beginning at start."""
    dist = floor_matrix(floor, picks, seed)
    start = start % len(dist)
    order = shortest_tour(dist, start=start, max_rounds=20)
    assert order[0] == start and sorted(order) == list(range(len(dist)))


def test_rounds_cap_makes_it_reproducible() -> None:
    """Same matrix, seed and round cap: the same tour, whatever the time budget left."""
    dist = floor_matrix(2, 60, seed=7)
    first = shortest_tour(dist, seed=3, budget_s=BUDGET_S, max_rounds=ROUNDS)
    assert shortest_tour(dist, seed=3, budget_s=BUDGET_S, max_rounds=ROUNDS) == first


def test_beats_nearest_neighbour_and_two_opt() -> None:
    """On 60 picks the search is no longer than nearest neighbour improved by 2-opt."""
    for seed in range(3):
        dist = floor_matrix(2, 59, seed)
        ours = tour_length(dist, shortest_tour(dist, budget_s=BUDGET_S, max_rounds=ROUNDS))
        nn = nearest_neighbour(dist)
        assert ours <= tour_length(dist, two_opt(dist, nn)) + 1e-9
        assert ours <= tour_length(dist, nn) + 1e-9


def test_tiny_inputs() -> None:
    """No stops, one, two: nothing to search, the start comes first."""
    assert shortest_tour(np.zeros((0, 0))) == []
    assert shortest_tour(np.zeros((1, 1))) == [0]
    two = np.array([[0.0, 4.0], [4.0, 0.0]])
    assert shortest_tour(two) == [0, 1] and shortest_tour(two, start=1) == [1, 0]
    assert tour_length(two, [0, 1]) == 8.0 and tour_length(two, [0]) == 0.0


def test_rejects_bad_input() -> None:
    """A non-square matrix or a start outside it is a caller's mistake, said plainly."""
    with pytest.raises(ValueError, match="square"):
        shortest_tour(np.zeros((3, 2)))
    with pytest.raises(ValueError, match="start"):
        shortest_tour(np.zeros((3, 3)), start=3)


def test_duplicate_spots() -> None:
    """Several picks at one face (distance 0 apart) cost nothing extra: still the optimum."""
    layout = FLOORS[0]
    spots = random_spots(layout, 7, seed=5)
    dist = layout.distance_matrix(spots * 2)
    order = shortest_tour(dist, budget_s=60.0, max_rounds=50)
    assert sorted(order) == list(range(len(dist)))
    assert tour_length(dist, order) == pytest.approx(brute_force(layout.distance_matrix(spots)))
