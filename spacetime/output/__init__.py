"""Rendering and output formats, written once and shared by every command."""
