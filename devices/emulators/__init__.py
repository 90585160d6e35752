"""Stand-ins for serial devices on pseudo-terminals, for tests and the demo."""
