"""The Qt user interface (thin: renders core objects, sends every edit through the session)."""
