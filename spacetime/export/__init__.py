"""Exports into other tools' formats: iCalendar, TimelineJS, SQLite, and spacetime's own YAML.

Each exporter is a function from a timeline and its selected events to text (or, for SQLite, a
file); `spacetime export` picks one by name.
"""
