"""Where data comes from: one module per source."""
