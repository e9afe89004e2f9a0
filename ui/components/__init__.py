"""Reusable pieces of the dashboard: highlighted text, outlet card, charts, table helpers."""
