"""Understanding a person's own words: a description becomes the answers of a check."""

from twitchwise.understand.reading import Reading, read

__all__ = ["Reading", "read"]
