"""Exports into other tools' formats: iCalendar, TimelineJS, SQLite, and spacetime's own YAML.

`ics` and `timelinejs` turn a timeline and its selected events into text or a JSON document,
`sqlite` writes a database file; `spacetime export` picks one by name, and writes the listing
formats (JSON, CSV...) through the shared output layer (`spacetime.output.formats`).
"""
