"""spacetime: a command-line atlas of the space age.

The package is layered: `core` (dates and the data model) -> `load` (reading and checking timeline
files) -> `engine` (queries, usable as a library) -> `output` (formats shared by every command) ->
`cli` (thin Typer commands).
"""

__version__ = "0.1.0"
