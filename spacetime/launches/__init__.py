"""Orbital launches from Jonathan McDowell's GCAT launch log: the model, the GCAT importer, the
launch file spacetime ships, and the queries over it (no typer, no rich)."""

CREDIT = "Launch data: GCAT, Jonathan McDowell, https://planet4589.org (CC BY 4.0)"
"""GCAT's credit, due wherever its data is shown (here, so that naming it imports no module)."""
