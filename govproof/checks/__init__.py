"""One module per family of checks; each is a pure function of a Document."""
