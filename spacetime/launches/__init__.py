"""Orbital launches from Jonathan McDowell's GCAT launch log: the model, the GCAT importer, the
launch file spacetime ships, and the queries over it (no typer, no rich)."""
