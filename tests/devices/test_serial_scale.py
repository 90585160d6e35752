"""Serial scales on real pseudo-terminals, against the emulated scale, in both protocols."""

from __future__ import annotations

import queue
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.scale_protocols import Basis, Reading, ScaleFrameError, ScaleProtocol, WeightUnit
from app.scale_stability import StabilityConfig
from devices.emulators.pty_scale import PtyScale
from devices.emulators.scale_model import ScaleModel
from devices.serial_scale import PortState, SerialScale, SerialScaleConfig
from tests.ptys import FakeCable

WAIT_S = 1.5
FAST = StabilityConfig(min_readings=3, window_ms=60, tolerance_g=2)


class Events:
    """Everything the scale reported, in order, with waits that never sleep blindly."""

    def __init__(self) -> None:
        self.q: queue.Queue[tuple[str, Any]] = queue.Queue()

    def reading(self, name: str, reading: Reading, stable: bool) -> None:
        self.q.put(("reading", (reading, stable)))

    def error(self, name: str, error: ScaleFrameError) -> None:
        self.q.put(("error", error))

    def state(self, name: str, state: PortState, detail: str) -> None:
        self.q.put(("state", state))

    def until(
        self, done: Callable[[str, Any], bool], timeout: float = WAIT_S
    ) -> list[tuple[str, Any]]:
        """Events up to and including the first for which done(kind, value) holds."""
        seen: list[tuple[str, Any]] = []
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            assert left > 0, f"condition not met; last events {seen[-6:]}"
            try:
                seen.append(self.q.get(timeout=left))
            except queue.Empty:
                continue
            if done(*seen[-1]):
                return seen

    def stable_weight(self, grams: int, basis: Basis | None = None) -> list[tuple[Reading, bool]]:
        """Readings up to the first one Tote calls stable at grams (and basis, if given)."""

        def done(kind: str, value: Any) -> bool:
            got, stable = value if kind == "reading" else (None, False)
            return stable and got.weight_g == grams and basis in (None, got.basis)

        return [value for kind, value in self.until(done) if kind == "reading"]

    def error_reason(self, reason: str, timeout: float = WAIT_S) -> ScaleFrameError:
        seen = self.until(lambda kind, v: kind == "error" and v.reason == reason, timeout)
        error: ScaleFrameError = seen[-1][1]
        return error

    def wait_state(self, wanted: PortState) -> None:
        self.until(lambda kind, value: kind == "state" and value is wanted)


@dataclass
class Rig:
    emulator: PtyScale
    events: Events
    scale: SerialScale
    protocol: ScaleProtocol


def start_scale(port: Path, protocol: ScaleProtocol, events: Events, **kw: Any) -> SerialScale:
    """A scale on port with test timings: 20 ms polls, a 60 ms stability window."""
    settings: dict[str, Any] = {
        "name": "bench1",
        "poll_s": 0.02,
        "reply_timeout_s": 0.4,
        "reconnect_s": 0.05,
        "stability": FAST,
    }
    config = SerialScaleConfig(str(port), protocol, **(settings | kw))
    scale = SerialScale(config, events.reading, events.error, events.state)
    scale.start()
    return scale


@pytest.fixture(params=list(ScaleProtocol))
def rig(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Rig]:
    protocol: ScaleProtocol = request.param
    emulator = PtyScale(tmp_path / "scale", protocol, interval_s=0.02).start()
    events = Events()
    scale = start_scale(emulator.link, protocol, events)
    try:
        events.wait_state(PortState.CONNECTED)
        events.stable_weight(0)
        yield Rig(emulator, events, scale, protocol)
    finally:
        scale.stop()
        emulator.stop()


def test_a_parcel_reads_unstable_while_it_moves_then_stable_at_its_weight(rig: Rig) -> None:
    """GIVEN an empty scale WHEN a 1.25 kg parcel lands THEN the swings come flagged unstable
    and the weight counts as stable only once the window has passed."""
    rig.emulator.set_weight(1250)
    readings = rig.events.stable_weight(1250)
    moving = [(r, ok) for r, ok in readings if r.weight_g not in (0, 1250)]
    assert moving, "the parcel's motion was not seen"
    assert all(not r.stable and not ok for r, ok in moving)
    first_settled = next(i for i, (r, _) in enumerate(readings) if r.stable and r.weight_g == 1250)
    assert readings.index(moving[0]) < first_settled
    assert readings[first_settled][1] is False  # the scale's own flag alone is not enough


def test_tare_then_clear_tare_end_to_end(rig: Rig) -> None:
    """The empty box is tared away, the parcel reads net, clearing the tare reads gross."""
    rig.emulator.set_weight(250)
    rig.events.stable_weight(250)
    reply = rig.scale.tare().result(WAIT_S)
    assert reply.ok, reply.message
    if rig.protocol is ScaleProtocol.SICS:
        assert reply.tare_g == 250
    rig.emulator.set_weight(1250)
    rig.events.stable_weight(1000, Basis.NET)
    reply = rig.scale.clear_tare().result(WAIT_S)
    assert reply.ok, reply.message
    gross = Basis.GROSS if rig.protocol is ScaleProtocol.STREAM else Basis.NET
    rig.events.stable_weight(1250, gross)


def test_zero_end_to_end_and_refused_with_a_parcel_on(rig: Rig) -> None:
    """A drifted empty scale zeroes; with a parcel on, zeroing is refused and says so."""
    rig.emulator.set_weight(4)
    rig.events.stable_weight(4)
    reply = rig.scale.zero().result(WAIT_S)
    assert reply.ok, reply.message
    rig.events.stable_weight(0)
    rig.emulator.set_weight(5004)  # the load, measured from the new zero point
    rig.events.stable_weight(5000)
    reply = rig.scale.zero().result(WAIT_S)
    assert not reply.ok and reply.message
    rig.events.stable_weight(5000)  # the weight is untouched


def test_garbage_is_rejected_with_a_reason_and_the_next_frame_reads(rig: Rig) -> None:
    """Non-ASCII noise, a malformed number and an endless line are each reported, and the
    scale goes on reading."""
    bad_number = b"ST,GS,+12.3.4 kg" if rig.protocol is ScaleProtocol.STREAM else b"S S 1.2.3 kg"
    rig.emulator.inject(b"\xff\xfe\xfd\r\n")
    assert "not ASCII" in rig.events.error_reason("not_ascii").message
    rig.emulator.inject(bad_number + b"\r\n")
    assert rig.events.error_reason("bad_number").raw == bad_number
    rig.emulator.inject(b"#" * 300 + b"\r\n")
    assert "300 bytes" in rig.events.error_reason("too_long").message
    rig.emulator.set_weight(777)
    rig.events.stable_weight(777)


def test_unplug_and_replug_recovers_by_itself(rig: Rig) -> None:
    """Pulling the cable is reported, commands meanwhile are refused at once, and plugging it
    back in reconnects and reads again."""
    rig.emulator.unplug()
    rig.events.wait_state(PortState.DISCONNECTED)
    reply = rig.scale.tare().result(0.1)
    assert not reply.ok and "not connected" in reply.message
    rig.emulator.plug()
    rig.events.wait_state(PortState.CONNECTED)
    rig.emulator.set_weight(2000)
    rig.events.stable_weight(2000)
    assert rig.scale.state is PortState.CONNECTED


def test_a_pounds_scale_in_a_and_d_format_reads_in_grams(tmp_path: Path) -> None:
    """A one-header A&D scale set to lb: the weight arrives in grams, the lb value kept."""
    model = ScaleModel(WeightUnit.LB)
    emulator = PtyScale(tmp_path / "lb", ScaleProtocol.STREAM, model, 0.02, headers=1)
    events = Events()
    with emulator:
        scale = start_scale(emulator.link, ScaleProtocol.STREAM, events)
        try:
            emulator.set_weight(2268)  # 5 lb
            readings = events.stable_weight(2268)
        finally:
            scale.stop()
    got = readings[-1][0]
    assert (got.unit, str(got.value), got.basis) == (WeightUnit.LB, "5.000", None)


def test_a_silent_sics_scale_is_reported_once(tmp_path: Path) -> None:
    """A port that never answers SI gives one no_reply error, not one per poll."""
    cable = FakeCable(tmp_path / "mute")
    cable.plug()
    events = Events()
    scale = start_scale(cable.link, ScaleProtocol.SICS, events, reply_timeout_s=0.1)
    try:
        error = events.error_reason("no_reply")
        assert "did not answer" in error.message
        with pytest.raises(AssertionError):  # none more while it stays silent (5 polls)
            events.error_reason("no_reply", timeout=0.5)
    finally:
        scale.stop()
        cable.unplug()
