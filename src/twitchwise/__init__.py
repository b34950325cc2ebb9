"""twitchwise: triage and diary for muscle twitching at rest."""

__version__ = "0.1.0"
