"""Tests of the reference order service (sync/hub)."""
