"""Feedback sounds: real WAV files played by a real child process."""

from __future__ import annotations

import time
import wave
from pathlib import Path

from devices.sound import TONES, CommandSoundPlayer


def test_sounds_are_valid_wavs_played_by_the_player_command(tmp_path: Path) -> None:
    """Each sound is synthesised once into a WAV and handed to the player process."""
    log = tmp_path / "played.txt"
    player = tmp_path / "player.sh"
    player.write_text(f'#!/bin/sh\necho "$1" >> {log}\n')
    player.chmod(0o755)
    sounds = CommandSoundPlayer(tmp_path / "cache", player=(str(player),))
    assert sounds.available
    for name in ("accept", "error", "done", "error"):
        sounds.play(name)
    deadline = time.monotonic() + 10
    while not (log.exists() and len(log.read_text().splitlines()) == 4):
        assert time.monotonic() < deadline, "the player was not run four times"
        time.sleep(0.02)
    played = [Path(p).name for p in log.read_text().splitlines()]
    assert sorted(played) == sorted(
        ["tote-accept.wav", "tote-error.wav", "tote-done.wav", "tote-error.wav"]
    )
    for name, segments in TONES.items():
        with wave.open(str(tmp_path / "cache" / f"tote-{name}.wav")) as wav:
            assert wav.getframerate() == 16_000 and wav.getsampwidth() == 2
            expected_ms = sum(ms for _, ms in segments)
            assert abs(wav.getnframes() / 16 - expected_ms) <= 1


def test_no_player_means_silent_but_working(tmp_path: Path) -> None:
    """Without any audio player the station still works; it just reports sound as off."""
    sounds = CommandSoundPlayer(tmp_path, player=None)  # no pw-play, paplay or aplay
    assert not sounds.available
    sounds.play("error")  # no exception, no process
    assert not any(tmp_path.iterdir())
