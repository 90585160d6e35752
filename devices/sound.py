"""Accept, error and done sounds without QtMultimedia (not in PySide6-Essentials).

The tones are synthesised once into WAV files in a cache folder and played by the first
command-line player found (PipeWire, PulseAudio or ALSA), in a child process so the caller
never waits. With no player the station still works; ``available`` says so and the UI
shows it in the status bar.
"""

from __future__ import annotations

import logging
import math
import shutil
import struct
import subprocess
import wave
from pathlib import Path

log = logging.getLogger(__name__)

RATE = 16_000
# (frequency Hz, duration ms) segments; the error sound is low and long, impossible to miss.
TONES: dict[str, tuple[tuple[int, int], ...]] = {
    "accept": ((1760, 70),),
    "error": ((330, 180), (0, 60), (262, 320)),
    "done": ((1319, 90), (0, 30), (1760, 90), (0, 30), (2093, 160)),
}
PLAYERS = (("pw-play",), ("paplay",), ("aplay", "-q"))


def write_tone(path: Path, segments: tuple[tuple[int, int], ...], volume: float = 0.6) -> None:
    frames = bytearray()
    for freq, ms in segments:
        count = RATE * ms // 1000
        for i in range(count):
            fade = min(1.0, i / 160, (count - i) / 160)  # no clicks at the edges
            sample = math.sin(2 * math.pi * freq * i / RATE) * volume * fade if freq else 0.0
            frames += struct.pack("<h", int(sample * 32767))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))


class CommandSoundPlayer:
    def __init__(self, cache_dir: Path, player: tuple[str, ...] | None) -> None:
        """``player`` is the command to run with the WAV path appended; None: silent."""
        self._dir = cache_dir
        self._player = player
        self._files: dict[str, Path] = {}
        self._running: list[subprocess.Popen[bytes]] = []

    @classmethod
    def detect(cls, cache_dir: Path) -> CommandSoundPlayer:
        """The first audio player installed on this machine, or a silent player."""
        found = next((c for c in PLAYERS if shutil.which(c[0])), None)
        return cls(cache_dir, found)

    @property
    def available(self) -> bool:
        return self._player is not None

    def _file(self, name: str) -> Path:
        if name not in self._files:
            self._dir.mkdir(parents=True, exist_ok=True)
            path = self._dir / f"tote-{name}.wav"
            if not path.exists():
                write_tone(path, TONES[name])
            self._files[name] = path
        return self._files[name]

    def play(self, name: str) -> None:
        """Start playing ``name`` ("accept", "error", "done") and return at once."""
        if self._player is None:
            return
        self._running = [p for p in self._running if p.poll() is None]
        try:
            self._running.append(
                subprocess.Popen(
                    [*self._player, str(self._file(name))],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        except OSError as exc:
            log.warning("cannot play %s: %s", name, exc)
