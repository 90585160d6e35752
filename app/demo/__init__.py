"""Deterministic demo data, so the kiosk can be shown and benchmarked without a central service."""
