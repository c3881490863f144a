"""The public facade: the Expert and the Result it returns."""
