"""One module per command; each command is a small function over the engine and the output layer."""
