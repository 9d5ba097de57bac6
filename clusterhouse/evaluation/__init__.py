"""Scoring a built warehouse against annotated documents."""
