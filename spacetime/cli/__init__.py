"""The `spacetime` command line: thin Typer commands over the engine and the output layer."""
