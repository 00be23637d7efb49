"""Editing timeline files safely: text-level edits, validated, locked and written atomically."""
