"""From files to the model: loading, decision tables, validation, checks, gaps, scaffolds and facts files."""
