"""French word lists and patterns."""
