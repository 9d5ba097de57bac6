"""What each supported language's words are: one folder of data per language."""
