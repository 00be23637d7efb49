"""The query engine: filter, sort and limit a loaded timeline, with no command line involved."""
