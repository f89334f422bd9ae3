"""Language data for the extraction rules: one folder per language."""
